// The Chromium that the e2e tests, the UI benchmark and the screenshots drive. In order:
// CHROMIUM_PATH, Playwright's own download, a system Chromium, and last the one that arrives
// with `npm ci` inside @sparticuz/chromium (a devDependency), so a machine with Node and npm
// alone runs every test with no root and no extra step.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * Flags for every launch. Headless without a sandbox or a GPU (containers and CI runners have
 * neither), and nothing that calls home. Not @sparticuz/chromium's own flags: those are made
 * for serverless functions (`--single-process` and others) and would make the tests unlike a
 * user's browser.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What to say when there is no browser at all (npm ci has not run, or CHROMIUM_PATH is wrong). */
export const NO_CHROMIUM = process.env.CHROMIUM_PATH
  ? `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, but there is no such file.`
  : 'No Chromium found: run npm ci (it brings @sparticuz/chromium), or set CHROMIUM_PATH to a Chromium binary.';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The unpacked copy of @sparticuz/chromium's browser: one folder per version, in the project. */
function bundledDir() {
  let version;
  try {
    // Read by path: the package's `exports` do not include its package.json.
    const manifest = join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
    version = JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return null; // not installed
  }
  return join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
}

function playwrightOwn() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * A browser that is there now, without unpacking anything: for the Playwright config, which
 * cannot wait. `npm test` has already set CHROMIUM_PATH by then.
 */
export function chromiumNow() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return env;
  const found = playwrightOwn() ?? SYSTEM.find((p) => existsSync(p));
  if (found) return found;
  const dir = bundledDir();
  return dir && existsSync(join(dir, 'chromium')) ? join(dir, 'chromium') : SYSTEM[0];
}

/**
 * `{ path, source }` of the browser to use, unpacking the bundled one on first use (about 3 s),
 * or null when there is none at all.
 */
export async function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? { path: env, source: 'CHROMIUM_PATH' } : null;
  const own = playwrightOwn();
  if (own) return { path: own, source: "Playwright's download" };
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { path: system, source: 'the system' };
  const dir = bundledDir();
  if (!dir) return null;
  // The package unpacks into os.tmpdir()/chromium and reuses whatever it finds there, whatever
  // its version: point its tmpdir at a folder of this version only, for the one call.
  mkdirSync(dir, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return { path: await chromium.executablePath(), source: '@sparticuz/chromium (npm)' };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}
