// One gesture convention for the grid and the timeline (the wheel scrolls the page, Ctrl+wheel
// zooms), views that cannot be lost, pod details where the user looks, and popovers that close
// and give focus back.
import type { Page } from '@playwright/test';
import { generatedDesign, readFixture } from '../src/fixtures/read.ts';
import { openDesigner } from './designer.ts';
import { expect, test } from './fixtures.ts';

const gridCanvas = (page: Page) => page.getByRole('application', { name: /Pod grid/ });
const bounds = (page: Page) => page.evaluate(() => window.__designerTestApi!.gridBounds!());

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await page.getByRole('button', { name: 'Fit to view' }).click();
}

const SIZES = [
  [1440, 900],
  [1280, 720],
  [900, 1000],
] as const;
const SCHEMES = ['light', 'dark'] as const;
const each = SIZES.flatMap(([width, height]) =>
  SCHEMES.map((scheme) => ({ width, height, scheme, at: `${width}x${height}, ${scheme}` })),
);

for (const { width, height, scheme, at } of each)
  test(`over the grid, the wheel scrolls the page with a hint; Ctrl+wheel zooms (${at})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await openDesigner(page, 'YAML');
    await load(page, generatedDesign(3, 20, 20, 4));
    const grid = gridCanvas(page);
    await grid.scrollIntoViewIfNeeded();
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await bounds(page);
    const scrolled = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
    await expect(page.getByRole('status').filter({ hasText: 'scroll to zoom' })).toBeVisible();
    expect((await bounds(page)).width).toBe(before.width);

    const at = (await grid.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await bounds(page)).width).toBeGreaterThan(before.width);
    expect(await page.evaluate(() => scrollY)).toBe(y);
  });

test('zooming out and panning cannot lose the design; a long flat design fits readably', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, generatedDesign(2, 10, 10, 5));
  const grid = gridCanvas(page);
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 600);
  await page.keyboard.up('Control');
  // A long drag away: the design stays on the canvas.
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 2000, box.y + box.height + 2000, { steps: 5 });
  await page.mouse.up();
  const b = await bounds(page);
  expect(b.width).toBeGreaterThan(20);
  expect(b.x + b.width).toBeGreaterThan(0);
  expect(b.x).toBeLessThan(b.canvasWidth);
  expect(b.y).toBeLessThan(b.canvasHeight);

  await load(
    page,
    readFixture('one-group-one-job').replace('count: 1', 'count: 1\n      completions: 100'),
  );
  const cell = await page.evaluate(() => window.__designerTestApi!.gridCell!('worker', 0, 0));
  expect(cell!.size).toBeGreaterThanOrEqual(12);
});

for (const { width, height, scheme, at } of each) {
  test(`Enter on a pod brings its details into view with focus; Esc goes back (${at})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await openDesigner(page, 'YAML');
    await load(page, readFixture('global-index-order'));
    const grid = gridCanvas(page);
    await grid.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Pod details' });
    const heading = details.getByRole('heading', { name: 'Pod details' });
    await expect(heading).toBeFocused();
    await expect(details.getByRole('table', { name: 'Injected variables' })).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(grid).toBeFocused();
    await expect(details).toBeVisible(); // still there to read
  });
}

for (const { width, height, scheme, at } of each)
  test(`Share, Problems and Templates close on Esc and outside, focus back to their button (${at})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await openDesigner(page, 'YAML');
    const share = page.getByRole('button', { name: 'Share', exact: true });
    const menu = page.getByRole('dialog', { name: 'Share and export' });

    await share.click();
    await menu.getByRole('button', { name: 'Copy YAML' }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(share).toBeFocused();

    await share.click();
    await expect(menu).toBeVisible();
    await page.mouse.click(4, 400); // anywhere outside it: the page's left margin
    await expect(menu).toBeHidden();

    const status = page.getByRole('button', { name: /Validation/ });
    await status.click();
    const problems = page.getByRole('dialog', { name: 'Problems' });
    await expect(problems).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(problems).toBeHidden();
    await expect(status).toBeFocused();

    const templates = page.getByRole('button', { name: 'Templates', exact: true });
    await templates.click();
    await expect(page.getByRole('dialog', { name: 'Templates' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Templates' })).toBeHidden();
    await expect(templates).toBeFocused();
  });

test('Ctrl+wheel zooms a million-pod grid in steps a person can follow: ten notches keep it in reach', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, generatedDesign(1, 1000, 1000, 10));
  const grid = gridCanvas(page);
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const start = (await bounds(page)).width;
  let last = start;
  await page.keyboard.down('Control');
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await bounds(page)).width).toBeGreaterThan(last);
    const now = (await bounds(page)).width;
    // One notch: about 1.3x (d3's default was 4x, fit to one pod in five notches).
    expect(now / last).toBeGreaterThan(1.15);
    expect(now / last).toBeLessThan(1.5);
    last = now;
  }
  await page.keyboard.up('Control');
  expect(last / start).toBeLessThan(60);
});

test('the grid says which Jobs and pods are in view as it zooms', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, generatedDesign(1, 1000, 1000, 10));
  const ruler = page.getByTestId('grid-in-view');
  await expect(ruler).toHaveText('The whole design is in view.');
  const grid = gridCanvas(page);
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(ruler).toHaveText(
    /^In view: group-0 Jobs \d+–\d+ of 1,000, pods \d+–\d+ of 1,000\.$/,
  );
});
