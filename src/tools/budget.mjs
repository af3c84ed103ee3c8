// The first-load budget: the script a visit loads before any interaction (the entry and what
// index.html preloads), gzipped, must stay within FIRST_LOAD_BUDGET_KIB. `npm test` checks the
// build it tests; `npm run bench:ui` prints the same figure. `node src/tools/budget.mjs [dist]`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET_KIB = 150;

/** The scripts index.html loads or preloads, and their gzipped size in KiB. */
export function firstLoad(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?([^":]+\.js)"/g)].map((m) => m[1]);
  const bytes = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(dist, s))).length, 0);
  return { scripts, kib: bytes / 1024 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const { scripts, kib } = firstLoad(dist);
  const ok = scripts.length > 0 && kib <= FIRST_LOAD_BUDGET_KIB;
  console.log(
    `first load: ${kib.toFixed(1)} KiB of script (gzip) in ${scripts.length} files; budget ${FIRST_LOAD_BUDGET_KIB} KiB: ${ok ? 'within' : 'OVER'}`,
  );
  process.exit(ok ? 0 : 1);
}
