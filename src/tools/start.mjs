// `npm start`: install what is missing, build, and serve the designer with its default design.
// `npm start -- --base /designer/` builds and serves it under a path, as a team hosts it.
import { parseArgs } from 'node:util';
import { ensureDependencies, run } from './deps.mjs';

let base = '/';
try {
  base = parseArgs({ options: { base: { type: 'string' } }, strict: true }).values.base ?? '/';
} catch (err) {
  console.error(`npm start takes --base /path/ only: ${err instanceof Error ? err.message : err}`);
  process.exit(2);
}
// A path of this server, never another host's (`//cdn.example/` would load from elsewhere).
if (!/^\/(?!\/).*\/$|^\/$/.test(base)) {
  console.error(`--base is a path that starts and ends with /, such as /designer/ (not "${base}")`);
  process.exit(2);
}

ensureDependencies();
if (run('npx', ['vite', 'build', '--logLevel', 'warn', '--base', base]) !== 0) process.exit(1);
console.log(`\nJobSet Designer: http://127.0.0.1:4173${base}  (Ctrl+C to stop)\n`);
process.exit(
  run('npx', [
    'vite',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    '4173',
    '--strictPort',
    '--base',
    base,
  ]),
);
