// Designs of many groups: the form shows one line per group until one is opened, the lists page
// through the groups, and a problem in a closed group opens it.
import type { Page } from '@playwright/test';
import { generatedDesign } from '../src/fixtures/read.ts';
import { lineOf, markers, openDesigner, showProblemInForm, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

const form = (page: Page) => page.getByRole('form', { name: 'Manifest form' });
const group = (page: Page, name: string) => form(page).getByRole('group', { name, exact: true });

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await expect.poll(() => yamlText(page)).toBe(text);
}

test('a design of 40 groups shows one line per group in the form, and opens the one asked for', async ({
  page,
}) => {
  await openDesigner(page, 'Form');
  const text = generatedDesign(40, 2, 4, 2);
  await load(page, text);
  await expect(form(page).locator('fieldset.group')).toHaveCount(40);
  await expect(form(page).locator('fieldset.group.open')).toHaveCount(0);
  await expect(group(page, 'group-7')).toContainText('2 Jobs × 4 pods, 2 at a time');
  await expect(group(page, 'group-7').getByLabel('Jobs (count)')).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit group-7', exact: true }).click();
  const count = group(page, 'group-7').getByLabel('Jobs (count)');
  await count.fill('3');
  await expect
    .poll(() => yamlText(page))
    .toBe(text.replace('    group-7:\n      count: 2', '    group-7:\n      count: 3'));
  await expect(resource(page, 'Total pods')).toHaveText('324');
  await expect(group(page, 'group-7')).toContainText('3 Jobs × 4 pods');
});

test('edits made in the form alone are in the YAML editor, with their markers, once it is shown', async ({
  page,
}) => {
  await openDesigner(page, 'Form');
  const text = generatedDesign(40, 2, 4, 2);
  await load(page, text);
  await page.getByRole('button', { name: 'Edit group-0', exact: true }).click();
  const count = group(page, 'group-0').getByLabel('Jobs (count)');
  await count.fill('-3');
  await expect(group(page, 'group-0')).toContainText('1 error');
  await page
    .getByRole('group', { name: 'Editor view' })
    .getByRole('button', { name: 'YAML' })
    .click();
  const editor = page.getByRole('region', { name: 'Manifest YAML' });
  await expect(editor.locator('.view-lines')).toContainText('count: -3');
  await expect
    .poll(async () => (await markers(page)).map((m) => `${m.code}@${m.line}`))
    .toEqual([`out-of-range@${lineOf(text, 'count: 2')}`]);
});

test('a problem in a closed group opens it in the form and focuses the field', async ({ page }) => {
  await openDesigner(page, 'Form');
  await load(
    page,
    generatedDesign(40, 2, 4, 2).replace(
      '    group-30:\n      count: 2',
      '    group-30:\n      count: -3',
    ),
  );
  await expect(group(page, 'group-30')).toContainText('1 error');
  await showProblemInForm(page, 'out-of-range');
  const count = group(page, 'group-30').getByLabel('Jobs (count)');
  await expect(count).toBeFocused();
  await expect(count).toHaveValue('-3');
});

test('the lists under the canvas page through the groups', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, generatedDesign(60, 2, 4, 2));
  const list = page.getByRole('list', { name: 'Groups in the grid' }).getByRole('listitem');
  await expect(list).toHaveCount(25);
  await expect(page.getByText('60 groups, in the platform')).toBeVisible();
  await page
    .getByRole('group', { name: 'Pages of the groups in the grid' })
    .getByRole('button', { name: 'Next' })
    .click();
  // Groups come in the platform's order (names as text: group-0, group-1, group-10, …).
  const sorted = Array.from({ length: 60 }, (_, i) => `group-${i}`).sort();
  await expect(list.first()).toContainText(`${sorted[25]}:`);
  const table = page.getByRole('table', { name: 'Job groups' });
  await expect(table.getByRole('rowheader')).toHaveCount(50);
  await page.getByRole('button', { name: 'Table view' }).click();
  await expect(page.locator('.table-view .group-table')).toHaveCount(10);
});

test('a design of 1,000 groups pages its groups in the form, and a problem on another page turns to it', async ({
  page,
}) => {
  await openDesigner(page, 'Form');
  await load(
    page,
    generatedDesign(1000, 2, 4, 2).replace(
      '    group-730:\n      count: 2',
      '    group-730:\n      count: -3',
    ),
  );
  const pager = form(page).getByRole('group', { name: 'Pages of the job groups in the form' });
  await expect(pager).toContainText('of 5');
  // One page of groups is drawn, not the thousand.
  await expect(form(page).locator('fieldset.group')).toHaveCount(200);
  await expect(group(page, 'group-0')).toBeVisible();
  await expect(group(page, 'group-730')).toHaveCount(0);
  await showProblemInForm(page, 'out-of-range');
  await expect(
    pager.getByRole('spinbutton', { name: 'Page of the job groups in the form' }),
  ).toHaveValue('4');
  const count = group(page, 'group-730').getByLabel('Jobs (count)');
  await expect(count).toBeFocused();
  await expect(count).toHaveValue('-3');
  // Turning pages by hand.
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(group(page, 'group-800')).toBeVisible();
  await expect(group(page, 'group-730')).toHaveCount(0);
});

test('a design of 2,000 groups opens in the grid with its first groups readable, not as specks', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, generatedDesign(2000, 2, 4, 2));
  await expect(resource(page, 'Total pods')).toHaveText('16,000');
  const inView = page.getByTestId('grid-in-view');
  // Whole, each group would be a fifth of a pixel tall: the first ones are shown instead.
  await expect(inView).toHaveText(/^In view: group-0 all 2 Jobs, all 4 pods; group-1 all 2 Jobs/);
  /** The colours of the grid's canvas: one (the background) when it draws nothing. */
  const colours = () =>
    page
      .locator('.grid-canvas canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < d.length; i += 4)
          seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
        return seen.size;
      });
  await expect.poll(colours).toBeGreaterThan(3);
  // Fit to view comes back to the same.
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await expect(inView).toHaveText(/^In view: group-0 all 2 Jobs/);
});
