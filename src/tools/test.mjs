// `npm test`: every check, in CI order, ending with one line `N passed, N failed` that counts
// unit and e2e tests together (format, lint, typecheck and build count as one test each).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';
import { ensureDependencies, ROOT, run } from './deps.mjs';

ensureDependencies();
const browser = await findChromium();
if (!browser) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
console.log(`::: e2e browser: ${browser.path} (from ${browser.source})`);

const reports = join(ROOT, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const step = (name, cmd, args, env) => {
  console.log(`\n::: ${name}`);
  const t0 = Date.now();
  const status = run(cmd, args, env);
  console.log(
    `::: ${name} ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
  return status === 0;
};
const check = (name, cmd, args) => (step(name, cmd, args) ? passed++ : failed++);

check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('lint', 'npx', ['eslint', '.']);
check('typecheck', 'npx', ['tsc', '-b']);

const unitReport = join(reports, 'unit.json');
step('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const unit = readJson(unitReport);

// The component tier: each feature's components in the same Chromium (Vitest browser mode).
const componentReport = join(reports, 'components.json');
step(
  'components',
  'npx',
  [
    'vitest',
    'run',
    '--config',
    'vitest.browser.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${componentReport}`,
  ],
  { CHROMIUM_PATH: browser.path },
);
const components = readJson(componentReport);
/** Counts a Vitest JSON report (a missing one fails); the number of files broken outside their tests. */
const count = (r) => {
  if (!r) {
    failed++;
    return 0;
  }
  // A file that fails outside its tests (an import, a beforeAll) fails none of them: count it.
  const broken = r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'),
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + broken;
  if (r.numPassedTests === 0) failed++; // a tier that ran nothing is not green
  return broken;
};
const brokenFiles = count(unit);
const componentsBroken = count(components);

// The e2e tests read the text and markers through a small read-only hook that only this
// build has (VITE_TEST_API=1); `npm start` builds without it.
const built = step('build', 'npx', ['vite', 'build', '--logLevel', 'warn'], { VITE_TEST_API: '1' });
built ? passed++ : failed++;
// The script a first visit loads, within its budget (measured on the build the e2e tests use).
if (built) check('first-load budget', 'node', [join(ROOT, 'src', 'tools', 'budget.mjs'), 'dist']);
let e2e = null;
if (built) {
  const e2eReport = join(reports, 'e2e.json');
  const ran = step('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: browser.path,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  e2e = readJson(e2eReport);
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
  }
  // A run that failed outside its tests (a spec that cannot load) or ran none fails as well.
  if (!e2e || (!ran && !e2e.stats.unexpected) || e2e.stats.expected === 0) failed++;
}

const skipped =
  (unit?.numPendingTests ?? 0) +
  (unit?.numTodoTests ?? 0) +
  (components?.numPendingTests ?? 0) +
  (e2e?.stats.skipped ?? 0);
console.log('');
if (unit)
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests + brokenFiles} failed`);
if (components)
  console.log(
    `components: ${components.numPassedTests} passed, ${components.numFailedTests + componentsBroken} failed`,
  );
if (e2e) console.log(`e2e: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed`);
if (skipped) console.log(`skipped: ${skipped}`);
// The last line is exactly `N passed, N failed`: CI reads it.
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
