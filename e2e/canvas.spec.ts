// The canvas: grids and timeline drawn from the design, their text alternatives, pointer and
// keyboard, and exports.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { analyze } from '../src/core/analyze.ts';
import { gridLayout } from '../src/core/layout/grid.ts';
import { readFixture } from '../src/fixtures/read.ts';
import { group, lineOf, openDesigner, yamlCursorAtEndOfLine } from './designer.ts';
import { expect, test } from './fixtures.ts';

const HEIGHT = 360;

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await page.getByRole('button', { name: 'Fit to view' }).click();
}

const gridCanvas = (page: Page) => page.getByRole('application', { name: /Pod grid/ });

/** Clicks the cell of (group, job, pod), placed by the same layout and fit the app uses. */
async function clickCell(page: Page, text: string, name: string, job: number, pod: number) {
  const layout = gridLayout(analyze(text).expansion!);
  const box = (await gridCanvas(page).boundingBox())!;
  const k = Math.min(2.5, (box.width - 16) / layout.width, (HEIGHT - 16) / layout.height);
  const g = layout.groups.find((x) => x.name === name)!;
  await gridCanvas(page).click({
    position: {
      x: 8 + (pod + 0.5) * layout.cell * k,
      y: 8 + (g.cellsY + (job + 0.5) * layout.cell) * k,
    },
  });
}

const examples = [
  'one-group-one-job',
  'one-group-multiple-jobs',
  'two-groups',
  'two-groups-parallel-pods',
  'two-groups-sequential-pods',
  'hyperparameter-sweep',
  'heterogeneous-pools',
  'sequential-batch',
  'mixed-concurrency',
];

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
  await clickCell(page, text, 'worker-heavy', 0, 0);
  const details = page.getByRole('region', { name: 'Pod details' });
  await expect(details.getByText('worker-heavy-0-0', { exact: true })).toBeVisible();
  const env = details.getByRole('table', { name: 'Injected variables' });
  await expect(env.getByRole('row', { name: /JOB_GLOBAL_INDEX/ })).toContainText('7');
  await expect(env.getByRole('row', { name: /GLOBAL_REPLICAS/ }).first()).toContainText('8');
  await expect(details).toContainText('experiment-xxxxxxxx-xxxx-worker-heavy-0-0');

  await clickCell(page, text, 'worker', 5, 0);
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

test('exports the grid and timeline as PNG and SVG named after the design', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(
    page,
    readFixture('mixed-concurrency').replace(
      'kind: AIchorManifest',
      'kind: AIchorManifest\nname: Mixed run',
    ),
  );
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('mixed-run-jobs-and-pods.png');
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const box = (await gridCanvas(page).boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2)); // IHDR width, at 2x
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('mixed-run-jobs-and-pods.svg');
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toContain('evaluator');
  expect(text.match(/<title>wave \d+<\/title>/g)?.length).toBe(4 + 1); // evaluator 4 waves, preprocessor 1
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
