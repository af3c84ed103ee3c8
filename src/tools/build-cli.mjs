// Compiles the command line (src/cli/bin.ts, the core, and the `yaml` library) to one
// JavaScript file, build/cli/jobset-designer.mjs, so the installed command starts without a
// TypeScript compiler and needs no dependency at all. Runs on `npm ci`/`npm install` (prepare)
// and before `npm pack` (prepack). `node src/tools/build-cli.mjs [outDir]`.
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { ROOT } from './deps.mjs';

export const CLI_FILE = 'jobset-designer.mjs';

/** Builds the CLI into `outDir` and returns the path of the command. */
export async function buildCli(outDir = join(ROOT, 'build', 'cli')) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // resvg is a native module with a binary per platform: loaded from the installed package.
    ssr: { noExternal: true, external: ['@resvg/resvg-js'], target: 'node' },
    build: {
      ssr: join(ROOT, 'src', 'cli', 'bin.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        checks: { pluginTimings: false },
        output: {
          entryFileNames: CLI_FILE,
          banner: '#!/usr/bin/env node',
          codeSplitting: false,
        },
      },
    },
  });
  const file = join(outDir, CLI_FILE);
  chmodSync(file, 0o755);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = await buildCli(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.error(`built ${file}`);
}
