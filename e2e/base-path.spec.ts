/**
 * The designer hosted under a path, as a team hosts it (GitHub Pages, an intranet folder): built
 * with `--base /designer/` and served there by `vite preview`, with the hosting headers. It opens
 * with every file from that path and none from elsewhere, checks a design in its worker, edits
 * it in Monaco, and a link made there reopens the design there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BASE = '/designer/';

let outDir = '';
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  outDir = mkdtempSync(join(tmpdir(), 'designer-base-'));
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(
    process.execPath,
    [vite, 'build', '--base', BASE, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { env: { ...process.env, VITE_TEST_API: '1' }, encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
  server = spawn(
    process.execPath,
    [vite, 'preview', '--base', BASE, '--outDir', outDir, '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  await expect
    .poll(
      () =>
        fetch(`${ORIGIN}${BASE}`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  rmSync(outDir, { recursive: true, force: true });
});

/** Every request the page makes: it must stay under the base path, and succeed. */
function watch(page: Page) {
  const wrong: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['data:', 'blob:'].includes(url.protocol)) return;
    if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) wrong.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) wrong.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => wrong.push(`pageerror: ${e.message}`));
  return wrong;
}

async function ready(page: Page) {
  await expect(page.locator('[data-testid="monaco-host"][data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
}

const yaml = async (page: Page) => {
  await page.waitForFunction(() => !!window.__designerTestApi);
  return page.evaluate(() => window.__designerTestApi!.text());
};

test('under /designer/: opens, edits, and a link made there reopens there', async ({
  page,
  browser,
}) => {
  const wrong = watch(page);
  await page.goto(`${ORIGIN}${BASE}`);
  await page
    .getByRole('group', { name: 'Editor view' })
    .getByRole('button', { name: 'YAML' })
    .click();
  await ready(page);
  // An edit in Monaco, checked by the worker.
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nname: hosted run');
  await expect.poll(() => yaml(page)).toContain('name: hosted run');
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  // The link follows the design; it is an address under the base path.
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5_000 }).toMatch(/^#v2\./);
  await page.waitForTimeout(1200);
  const link = page.url();
  expect(link.startsWith(`${ORIGIN}${BASE}#v2.`)).toBe(true);
  const text = await yaml(page);

  const other = await browser.newContext();
  const colleague = await other.newPage();
  const wrongThere = watch(colleague);
  await colleague.goto(link);
  await ready(colleague);
  await expect.poll(() => yaml(colleague)).toBe(text);
  await other.close();
  expect(wrong).toEqual([]);
  expect(wrongThere).toEqual([]);
});
