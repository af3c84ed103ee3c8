// `npm start`: install what is missing, build, and serve the designer with its default design.
import { ensureDependencies, run } from './deps.mjs';

ensureDependencies();
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
console.log('\nJobSet Designer: http://127.0.0.1:4173  (Ctrl+C to stop)\n');
process.exit(
  run('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4173', '--strictPort']),
);
