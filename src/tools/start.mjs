// `npm start`: install what is missing, build, and serve the designer with its default design.
// `npm start -- --base /designer/` builds and serves it under a path, as a team hosts it.
import { ensureDependencies, run } from './deps.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--base');
const base = at >= 0 ? args[at + 1] : '/';
if (!base || !base.startsWith('/') || !base.endsWith('/')) {
  console.error(`--base is a path that starts and ends with /, such as /designer/ (not ${base})`);
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
