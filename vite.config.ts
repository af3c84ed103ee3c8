import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SECURITY_HEADERS } from './src/tools/securityHeaders.mjs';
import { templateFigures } from './src/tools/templateFigures.ts';
import { pureSchemes } from './src/tools/pureSchemes.ts';
import { firstPage } from './src/tools/firstPage.ts';

export default defineConfig({
  plugins: [react(), templateFigures(), pureSchemes(), firstPage()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco chunks (later) are multi-MB; the warning would fire on every build.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      checks: { pluginTimings: false },
      // `npm run bench:ui` also builds its floor page: a textarea and the core worker alone.
      ...(process.env.BENCH_FLOOR
        ? { input: { main: 'index.html', floor: 'src/bench/floor.html' } }
        : {}),
    },
  },
  // The built designer is served as it should be hosted: with its CSP and COOP (README, Hosting).
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
