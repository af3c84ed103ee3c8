// The canvas: grids and timeline drawn from the design, their text alternatives, pointer and
// keyboard, and exports.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { analyze } from '../src/core/analyze.ts';
import { readFixture } from '../src/fixtures/read.ts';
import { TEMPLATE_IDS } from '../src/templates/catalog.ts';
import { group, lineOf, openDesigner, yamlCursorAtEndOfLine, clickCell } from './designer.ts';
import { expect, test } from './fixtures.ts';

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await page.getByRole('button', { name: 'Fit to view' }).click();
}

const gridCanvas = (page: Page) => page.getByRole('application', { name: /Pod grid/ });

const examples = TEMPLATE_IDS.filter((id) => id !== 'platform-main');

test('describes every platform example in words for assistive technology', async ({ page }) => {
  await openDesigner(page, 'YAML');
  for (const name of examples) {
    const text = readFixture(name);
    await load(page, text);
    const expected = analyze(text)
      .expansion!.groups.slice()
      .sort((a, b) => a.globalOrder - b.globalOrder)
      .map((g) => {
        const waves = g.waves === 1 ? '1 wave' : `${g.waves} waves`;
        const pods = (n: number) => `${n} pod${n === 1 ? '' : 's'}`;
        return `${g.name}: ${g.count} job${g.count === 1 ? '' : 's'} x ${pods(g.completions!)}, ${g.effectiveParallelism} at a time, ${pods(g.pods!)} in ${waves}`;
      });
    await expect(gridCanvas(page)).toHaveAccessibleDescription(expected.join(' '));
  }
  await expect(
    page.getByRole('list', { name: 'Groups in the grid' }).getByRole('listitem'),
  ).toHaveCount(2);
});

test('a click on a cell shows that pod, with JOB_GLOBAL_INDEX across groups', async ({ page }) => {
  await openDesigner(page, 'YAML');
  const text = readFixture('global-index-order');
  await load(page, text);
  await clickCell(page, 'worker-heavy', 0, 0);
  const details = page.getByRole('region', { name: 'Pod details' });
  await expect(details.getByText('worker-heavy-0-0', { exact: true })).toBeVisible();
  const env = details.getByRole('table', { name: 'Injected variables' });
  await expect(env.getByRole('row', { name: /JOB_GLOBAL_INDEX/ })).toContainText('7');
  await expect(env.getByRole('row', { name: /GLOBAL_REPLICAS/ }).first()).toContainText('8');
  await expect(details).toContainText('experiment-xxxxxxxx-xxxx-worker-heavy-0-0');

  await clickCell(page, 'worker', 5, 0);
  await expect(details.getByText('worker-5-0', { exact: true })).toBeVisible();
  await expect(env.getByRole('row', { name: /JOB_GLOBAL_INDEX/ })).toContainText('5');
  await expect(env.getByRole('row', { name: /REPLICATED_JOB_REPLICAS/ })).toContainText('7');
});

test('the keyboard moves the selected pod and Enter opens its details', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('two-groups-parallel-pods'));
  await gridCanvas(page).focus();
  await page.keyboard.press('ArrowRight'); // selects the first pod
  await expect(page.getByText('Selected master-0-0')).toBeAttached();
  await page.keyboard.press('ArrowDown'); // into the next group
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Selected worker-1-1')).toBeAttached();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Pod details' });
  await expect(details.getByText('worker-1-1', { exact: true })).toBeVisible();
  await expect(details.getByRole('row', { name: /JOB_GLOBAL_INDEX/ })).toContainText('2');
});

test('the group being edited is highlighted, and "Show in YAML" finds a group', async ({
  page,
}) => {
  await openDesigner(page, 'Both');
  const items = page.getByRole('list', { name: 'Groups in the grid' }).getByRole('listitem');
  await group(page, 'worker').getByLabel('Jobs (count)').focus();
  await expect(items.filter({ hasText: 'worker: 5 jobs' })).toHaveAttribute('aria-current', 'true');
  await yamlCursorAtEndOfLine(page, lineOf(readFixture('platform-main'), 'worker-2:'));
  await expect(items.filter({ hasText: 'worker-2:' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Show master in YAML' }).click();
  await expect(page.locator('.monaco-editor .selected-text')).toHaveCount(1);
});

test('the table view lists the pods a page at a time', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('sequential-batch'));
  await page.getByRole('button', { name: 'Table view' }).click();
  const table = page.getByRole('table', { name: 'Pods of processor' });
  await expect(table.getByRole('rowheader')).toHaveCount(50);
  await expect(table.getByRole('row', { name: /^processor-0-5 / })).toContainText('2'); // wave 2
  await page
    .getByRole('group', { name: 'Pages of processor' })
    .getByRole('button', { name: 'Next' })
    .click();
  await expect(table.getByRole('rowheader').last()).toHaveText('processor-0-99');
  await page.getByLabel('Page of processor').fill('1');
  await expect(table.getByRole('rowheader').first()).toHaveText('processor-0-0');
});

test('exports the whole design or the current view, grid and timeline, as PNG and SVG', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(
    page,
    readFixture('mixed-concurrency').replace(
      'kind: AIchorManifest',
      'kind: AIchorManifest\nname: Mixed run',
    ),
  );
  const download = async (button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: button }).click(),
    ]);
    return file;
  };
  const pngSize = (bytes: Buffer) => {
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }; // IHDR
  };

  // The whole design: the grid at its own size, then the timeline with its time axis, at 2x.
  const svg = await download('SVG');
  expect(svg.suggestedFilename()).toBe('mixed-run-jobs-and-pods.svg');
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toContain('Mixed run');
  expect(text).toContain('>evaluator<');
  // Grid: the evaluator's 4 waves and the preprocessor's 1, one band each.
  const [gridPart, timelinePart] = text.split('<g transform=').slice(1) as [string, string];
  expect(gridPart.match(/<title>wave \d+<\/title>/g)?.length).toBe(4 + 1);
  // Timeline: its axis in hours, the makespan, and bars for the waves.
  expect(timelinePart).toContain('>hours<');
  expect(timelinePart).toContain('makespan 4 h');
  // A bar for the 4th wave of each of the 4 evaluator Jobs.
  expect(timelinePart.match(/<title>wave 4<\/title>/g)?.length).toBe(4);
  const width = Number(/ width="(\d+(?:\.\d+)?)"/.exec(text)![1]);
  const height = Number(/ height="(\d+(?:\.\d+)?)"/.exec(text)![1]);

  const png = await download('PNG');
  expect(png.suggestedFilename()).toBe('mixed-run-jobs-and-pods.png');
  expect(pngSize(readFileSync((await png.path())!))).toEqual({
    width: Math.round(width * 2),
    height: Math.round(height * 2),
  });

  // The current view: the canvases as they are on screen, still with the time axis.
  await page.getByLabel('What to export').selectOption('view');
  const view = pngSize(readFileSync((await (await download('PNG')).path())!));
  const shown = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('.grid-canvas, .timeline')].map((e) => e.clientWidth),
    ),
  );
  expect(view.width).toBe(Math.round(shown * 2));
  const viewSvg = readFileSync((await (await download('SVG')).path())!, 'utf8');
  expect(viewSvg).toContain('>hours<');
});

test('fit to view shows the whole grid, as large as the canvas allows', async ({ page }) => {
  await openDesigner(page, 'YAML');
  for (const [name, group] of [
    ['two-groups-parallel-pods', 'master'],
    ['hyperparameter-sweep', 'trial'],
  ] as const) {
    await load(page, readFixture(name));
    const b = await page.evaluate(() => window.__designerTestApi!.gridBounds!());
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(b.canvasWidth);
    expect(b.y + b.height).toBeLessThanOrEqual(b.canvasHeight);
    // It fills the width or the height (or reaches the largest zoom, cells of 40 pixels).
    // The first pod of a group of this design (processor is sequential-batch's, not these).
    const cell = await page.evaluate((g) => window.__designerTestApi!.gridCell!(g, 0, 0), group);
    expect(cell, `${name}: pod ${group}-0-0 on screen`).not.toBeNull();
    const fills = b.width >= 0.9 * b.canvasWidth || b.height >= 0.9 * b.canvasHeight;
    expect(
      fills || cell!.size >= 40,
      `${name}: grid ${b.width}x${b.height} in ${b.canvasWidth}x${b.canvasHeight}, cells of ${cell!.size}px`,
    ).toBe(true);
  }
});

test('fit to view keeps a long flat design readable (1 Job x 100 pods): its start in view, the rest a pan away', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('sequential-batch'));
  const b = await page.evaluate(() => window.__designerTestApi!.gridBounds!());
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(b.canvasHeight);
  const cell = await page.evaluate(() => window.__designerTestApi!.gridCell!('processor', 0, 0));
  expect(cell!.size).toBeGreaterThanOrEqual(12);
});

test('draws a stable view of the parallel-pods example', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openDesigner(page, 'YAML');
  await load(page, readFixture('two-groups-parallel-pods'));
  await page.mouse.move(0, 0);
  await expect(gridCanvas(page)).toHaveScreenshot('two-groups-parallel-pods-grid.png', {
    maxDiffPixelRatio: 0.002,
  });
});
