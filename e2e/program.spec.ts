// Sweeps and the pod program in the browser: define a sweep, see count follow the grid in one
// undo step, read a pod's parameters in its details and the table, and take the generated files.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clickCell, group, openDesigner, yamlText, showView } from './designer.ts';
import { expect, test } from './fixtures.ts';

async function openProgram(page: Page) {
  await openDesigner(page, 'YAML');
  await showView(page, 'Program');
  return page.getByRole('region', { name: 'Pod program' });
}

test('a sweep sets count, and each pod shows its parameters in its details, tooltip and table', async ({
  page,
}) => {
  const view = await openProgram(page);
  await view.getByLabel('Group').selectOption('worker');
  await view.getByRole('button', { name: 'Add a sweep to worker' }).click();
  const sweep = view.getByRole('group', { name: 'Sweep of worker' });
  const axis1 = sweep.getByRole('group', { name: 'Axis 1' });
  await axis1.getByLabel('Values, separated by commas').fill('0.1, 0.01, 0.001');
  await axis1.getByLabel('Values, separated by commas').press('Enter');
  await expect(sweep.getByRole('status')).toHaveText('3 points: count follows the grid.');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 3\n/);

  await sweep.getByRole('button', { name: 'Add an axis' }).click();
  const axis2 = sweep.getByRole('group', { name: 'Axis 2' });
  await axis2.getByLabel('Name').fill('batch');
  await axis2.getByLabel('Values', { exact: true }).selectOption('linear');
  await axis2.getByLabel('from').fill('32');
  await axis2.getByLabel('to').fill('64');
  await axis2.getByLabel('points').fill('2');
  await expect(sweep.getByRole('status')).toHaveText('6 points: count follows the grid.');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 6\n/);

  // Pod 4 of the grid (row-major, last axis fastest): lr = 0.001, batch = 32.
  await clickCell(page, 'worker', 4, 0);
  const details = page.getByRole('region', { name: 'Pod details' });
  await expect(details.getByTestId('sweep-point')).toHaveText('lr = 0.001, batch = 32');

  // The table view has a column per axis, right after the pod's name: in view without
  // scrolling (at 1280 px, the playwright viewport).
  await page.getByRole('button', { name: 'Table view' }).click();
  const table = page.getByRole('table', { name: 'Pods of worker' });
  await expect(table.getByRole('columnheader', { name: 'lr' })).toBeVisible();
  const cells = table.getByRole('row', { name: /^worker-5-0 / }).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('0.001');
  await expect(cells.nth(1)).toHaveText('64');
  const region = (await page.getByRole('region', { name: 'Pods, table by group' }).boundingBox())!;
  for (const axis of ['lr', 'batch']) {
    const head = (await table.getByRole('columnheader', { name: axis }).boundingBox())!;
    expect(head.x + head.width).toBeLessThanOrEqual(region.x + region.width);
  }

  // The program: each file downloads; main.py reads the sweep's parameters.
  const [envFile] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download jobset_env.py' }).click(),
  ]);
  expect(envFile.suggestedFilename()).toBe('jobset_env.py');
  expect(readFileSync((await envFile.path())!, 'utf8')).toContain('def wait_for_peers(');
  await view.getByRole('button', { name: 'main.py', exact: true }).click();
  await expect(view.locator('.view-lines')).toContainText('def run_master():');
  const [mainFile] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download main.py' }).click(),
  ]);
  expect(readFileSync((await mainFile.path())!, 'utf8')).toContain(
    '    # params["lr"], params["batch"]\n',
  );

  // Undo takes the sweep and the count it wrote back together, in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  const status = sweep.or(view.getByRole('button', { name: 'Add a sweep to worker' }));
  await expect(status).toBeVisible();
  const text = await yamlText(page);
  const count = /worker:\n {6}count: (\d+)\n/.exec(text)![1];
  if (await sweep.isVisible()) {
    await expect(sweep.getByRole('status')).toHaveText(`${count} points: count follows the grid.`);
  } else expect(count).toBe('5');
});

test('a sweep that no longer fits its group says so, with the fix', async ({ page }) => {
  const view = await openProgram(page);
  await view.getByLabel('Group').selectOption('worker');
  await view.getByRole('button', { name: 'Add a sweep to worker' }).click();
  const sweep = view.getByRole('group', { name: 'Sweep of worker' });
  const values = sweep
    .getByRole('group', { name: 'Axis 1' })
    .getByLabel('Values, separated by commas');
  await values.fill('0.1, 0.01, 0.001');
  await values.press('Enter');
  await expect(sweep.getByRole('status')).toHaveText('3 points: count follows the grid.');
  // The count is changed in the form: two pods have no point of the grid.
  await showView(page, 'Form');
  await group(page, 'worker').getByLabel('Jobs (count)').fill('5');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 5\n/);
  await showView(page, 'Program');
  await view.getByLabel('Group').selectOption('worker');
  await expect(sweep.getByRole('status')).toHaveText(
    'The sweep of "worker" has 3 points but 5 Jobs (count): pods 3 to 4 have no point (jobset_env.params() raises for them).',
  );
  await page.getByRole('status', { name: 'Validation' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Problems' }).getByRole('list', { name: 'Sweep findings' }),
  ).toContainText('pods 3 to 4 have no point');
  await page.keyboard.press('Escape');
  await sweep.getByRole('button', { name: 'Set count to 3 (the grid size)' }).click();
  await expect(sweep.getByRole('status')).toHaveText('3 points: count follows the grid.');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 3\n/);
});

test('sweep values apply as they are typed, before the field is left, and survive a reload', async ({
  page,
}) => {
  const view = await openProgram(page);
  await view.getByLabel('Group').selectOption('worker');
  await view.getByRole('button', { name: 'Add a sweep to worker' }).click();
  const sweep = view.getByRole('group', { name: 'Sweep of worker' });
  const values = sweep
    .getByRole('group', { name: 'Axis 1' })
    .getByLabel('Values, separated by commas');
  await values.click();
  await values.pressSequentially('32, 64');
  // Still in the field: the grid and the count follow what is typed.
  await expect(values).toBeFocused();
  await expect(sweep.getByRole('status')).toHaveText('2 points: count follows the grid.');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 2\n/);
  await expect(values).toHaveValue('32, 64');
  await values.pressSequentially(', 1');
  await expect(values).toHaveValue('32, 64, 1'); // the text as typed, the caret kept
  await page.reload(); // at once: what was typed last is applied and saved as the page goes
  const again = await openProgram(page);
  await again.getByLabel('Group').selectOption('worker');
  await expect(
    again
      .getByRole('group', { name: 'Sweep of worker' })
      .getByRole('group', { name: 'Axis 1' })
      .getByLabel('Values, separated by commas'),
  ).toHaveValue('32, 64, 1');
  await expect.poll(() => yamlText(page)).toMatch(/worker:\n {6}count: 3\n/);
});
