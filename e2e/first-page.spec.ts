/**
 * The first visit's page, rendered when the app is built (src/app/firstPage.tsx): the default
 * design's figures at the first paint, before the app's script has run; never another design's
 * page; and the app taking over without the figures leaving the screen.
 */
import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze.ts';
import { encodeDesign } from '../src/core/link/codec.ts';
import { readFixture, REPO_ROOT } from '../src/fixtures/read.ts';
import { SAVED_KEY } from '../src/state/persist/storage.ts';
import { formatNumber } from '../src/ui/format.ts';
import { expect, resource, test } from './fixtures.ts';
import type {} from '../src/app/testApiTypes.ts';

/** Holds back every script of the build but the first paint's one, until `release`. */
async function holdScripts(page: Page) {
  const held: Route[] = [];
  let open = false;
  await page.route('**/assets/*.js', (route) => (open ? route.continue() : held.push(route)));
  return async () => {
    open = true;
    await Promise.all(held.map((r) => r.continue()));
  };
}

/** The rows of the Resources table as a user reads them. */
const rows = (page: Page) =>
  page.getByRole('table', { name: 'Resources' }).locator('tr').allInnerTexts();

const appStarted = (page: Page) =>
  expect(page.locator('[data-testid="monaco-host"][data-ready="true"]')).toBeVisible();

test("a first visit shows the default design's figures before the app's script runs, the same as the app's", async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  const first = page.locator('.first-page');
  await expect(first).toBeVisible();
  // The figures, from the core run independently on the same design.
  const pods = analyze(readFixture('platform-main')).expansion!.totals.pods;
  await expect(resource(page, 'Total pods')).toHaveText(formatNumber(pods));
  // Nothing of the app has run: no module, no worker; the page cannot be used yet.
  expect(await page.evaluate(() => !!window.__designerTestApi)).toBe(false);
  await expect(first).toHaveAttribute('inert', '');
  const before = await rows(page);
  expect(before.length).toBeGreaterThan(5);
  const table = page.getByRole('table', { name: 'Resources' });
  const placed = await table.boundingBox();
  expect(placed).not.toBeNull();

  await release();
  await appStarted(page);
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await expect(first).toHaveCount(0);
  await expect(page.locator('#first-analysis')).toHaveCount(0);
  // The app's own figures, from its worker, read the same, in the same place (the first visit's
  // hint is in both pages: nothing moves when the app takes over).
  expect(await rows(page)).toEqual(before);
  expect(await table.boundingBox()).toEqual(placed);
});

test('the figures stay on screen from the first frame that has them while the app starts', async ({
  page,
}) => {
  // Before each frame: is the Total pods figure there?
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: boolean[] };
    w.__frames = [];
    const look = () => {
      const row = [...document.querySelectorAll('table[aria-label="Resources"] tr')].find((r) =>
        r.textContent?.startsWith('Total pods'),
      );
      w.__frames.push(/^\d/.test(row?.querySelector('td')?.textContent ?? ''));
      if (w.__frames.length < 600) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto('/');
  await appStarted(page);
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => (window as unknown as { __frames: boolean[] }).__frames);
  const shown = frames.indexOf(true);
  expect(shown, 'a frame with the figure').toBeGreaterThanOrEqual(0);
  expect(frames.slice(shown).indexOf(false), 'a frame without it after it was shown').toBe(-1);
});

test("a link or a saved design never shows the default design's page first", async ({
  page,
  browser,
}) => {
  const text = readFixture('two-groups');
  const pods = formatNumber(analyze(text).expansion!.totals.pods);
  expect(pods, 'the design differs from the default one in pods').not.toBe(
    formatNumber(analyze(readFixture('platform-main')).expansion!.totals.pods),
  );
  const release = await holdScripts(page);
  await page.goto(`/#${await encodeDesign({ text, settings: {} })}`, { waitUntil: 'commit' });
  await expect(page.locator('.first-page')).toBeAttached();
  await expect(page.locator('.first-page')).toBeHidden();
  await expect(page.getByRole('table', { name: 'Resources' })).toBeHidden();
  await release();
  await expect(resource(page, 'Total pods')).toHaveText(pods);

  // A design saved in this browser: the same.
  const context = await browser.newContext();
  const saved = await context.newPage();
  await saved.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [SAVED_KEY, JSON.stringify({ text, settings: {}, savedAt: 1 })],
  );
  const releaseSaved = await holdScripts(saved);
  await saved.goto('/', { waitUntil: 'commit' });
  await expect(saved.locator('.first-page')).toBeAttached();
  await expect(saved.locator('.first-page')).toBeHidden();
  await releaseSaved();
  await expect(resource(saved, 'Total pods')).toHaveText(pods);
  await context.close();
});

test('the built page carries nothing of the machine that built it', () => {
  const html = readFileSync(join(REPO_ROOT, 'dist', 'index.html'), 'utf8');
  expect(html, 'the first page is in the build').toContain('class="first-page"');
  expect(html).not.toContain(REPO_ROOT);
  // React's development messages (with component stacks and file paths) are not in it.
  expect(html).not.toContain('data-msg');
  expect(html).not.toContain('data-cstck');
});
