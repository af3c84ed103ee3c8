import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts'],
      // Property tests and the corpus run many inputs; give them room on a 2-core machine.
      testTimeout: 60_000,
    },
  }),
);
