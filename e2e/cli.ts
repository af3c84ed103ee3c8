/** The command line as a real process, from the source (tsx), for e2e tests that use its output. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function runCliProcess(
  args: readonly string[],
  options: { cwd?: string; input?: string } = {},
) {
  const root = process.cwd();
  return spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
      '--import',
      pathToFileURL(join(root, 'src/tools/rawImports.mjs')).href,
      join(root, 'src/cli/bin.ts'),
      ...args,
    ],
    { cwd: options.cwd ?? root, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 },
  );
}
