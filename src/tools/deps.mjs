// Shared by `npm start` and `npm test`: install dependencies when they are missing or stale.
// Uses Node built-ins only, since it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command in the project root with inherited output; returns its exit status. */
export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
}

export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  console.log('Installing dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed; see above.');
    process.exit(1);
  }
}

/** Where pyflakes is installed for the tests that check the pod program's Python. */
export const PYTHON_TOOLS = join(ROOT, 'node_modules', '.cache', 'python');
export const PYFLAKES_VERSION = '4.0.0';

/**
 * pyflakes, pinned, into node_modules/.cache/python (nothing installed for the machine's Python);
 * false when it could not be installed (the tests that need it then fail and say why).
 */
export function ensurePythonTools() {
  const marker = join(PYTHON_TOOLS, `pyflakes-${PYFLAKES_VERSION}.dist-info`);
  if (existsSync(marker)) return true;
  console.log(`Installing pyflakes ${PYFLAKES_VERSION} into ${PYTHON_TOOLS}…`);
  const status = run('python3', [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-deps',
    '--upgrade',
    '--target',
    PYTHON_TOOLS,
    `pyflakes==${PYFLAKES_VERSION}`,
  ]);
  return status === 0 && existsSync(marker);
}
