import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumNow } from './src/tools/chromium.mjs';
// The tests read the core, which embeds its Python as a `?raw` import (as Vite does): the
// config runs in every test process, so each one reads it so too.
import './src/tools/rawImports.mjs';

// `npm test` sets CHROMIUM_PATH to the browser it found (src/tools/chromium.mjs says in which
// order it looks); a bare `npx playwright test` takes the first one there now.
const executablePath = chromiumNow();

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { baseURL: 'http://127.0.0.1:4173', trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      // The browser's own user agent: Playwright's "Desktop Chrome" preset claims Windows,
      // which makes Monaco take Windows code paths in a Linux browser.
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        deviceScaleFactor: 1,
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    // Serves the production build: run `vite build` first (npm test does).
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
