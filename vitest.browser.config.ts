// The component tier: each feature's components rendered in a real Chromium (Vitest browser
// mode with Playwright), fast enough to run on each save: `npm run test:components`. `npm test`
// runs it between the unit tests and the e2e tests.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumNow } from './src/tools/chromium.mjs';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Every library the components load, bundled before the first test: found mid-run, Vite
    // would reload with a second copy of React (null hooks) on a fresh clone.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-dev-runtime',
        'react-dom',
        'react-dom/client',
        'zustand',
        'zustand/react/shallow',
        'd3',
        'yaml',
        'vitest-browser-react',
      ],
    },
    test: {
      include: ['src/**/*.test.tsx'],
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        instances: [{ browser: 'chromium' }],
        provider: playwright({
          launchOptions: { executablePath: chromiumNow(), args: CHROMIUM_ARGS },
        }),
      },
    },
  }),
);
