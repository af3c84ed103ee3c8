// Comparing two designs in the browser: totals and their deltas, groups, both runs, the YAML
// diff; swapping sides, taking the other design, and opening a comparison from its link.
import type { Page } from '@playwright/test';
import { readFixture } from '../src/fixtures/read.ts';
import { openDesigner, yamlText } from './designer.ts';
import { encodeDesign } from '../src/core/link/codec.ts';
import { expect, resource, test } from './fixtures.ts';

function compareDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Compare designs' });
}

/** The cells of a row of the totals table: A, B and the change. */
function totalsRow(page: Page, label: string) {
  return compareDialog(page)
    .getByRole('table', { name: 'Totals compared' })
    .getByRole('row', { name: new RegExp(`^${label}\\s`) })
    .getByRole('cell');
}

async function compareWithTemplate(page: Page, title: string) {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = compareDialog(page);
  await dialog.getByLabel('A template').selectOption({ label: title });
  await dialog.getByRole('button', { name: 'Compare with this template' }).click();
  await expect(dialog.getByRole('table', { name: 'Totals compared' })).toBeVisible();
}

test('compares the design with a template: totals, groups, both runs and the YAML diff', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await compareWithTemplate(page, 'Hyperparameter sweep');
  const dialog = compareDialog(page);
  // Old -> new: the template is A, the current design (platform-main, 7 pods) B; the sweep 16.
  await expect(totalsRow(page, 'Pods')).toHaveText(['16', '7', '-9']);
  await expect(totalsRow(page, 'Jobs')).toHaveText(['16', '7', '-9']);
  const groups = dialog.getByRole('list', { name: 'Groups compared' });
  // The sweep's one group shares only its pod's GPU with the workers: not a rename.
  await expect(groups.getByRole('listitem').filter({ hasText: 'trial' })).toContainText(
    'removed in B',
  );
  await expect(groups).toContainText('worker added in B');
  await expect(groups).toContainText('master added in B');
  // Both runs on one time scale, each described in words.
  const runs = dialog.locator('.compare-timelines img');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(1)).toHaveAttribute('alt', /^B: .*\(current\)/);
  await expect(dialog.locator('[data-testid="yaml-diff"][data-ready="true"]')).toBeVisible();
  await expect(dialog.locator('.tint-removed').first()).toBeVisible();
  await expect(dialog.locator('.tint-added').first()).toBeVisible();

  // Swapping the sides turns the deltas around.
  await dialog.getByRole('button', { name: 'Swap sides' }).click();
  await expect(totalsRow(page, 'Pods')).toHaveText(['7', '16', '+9']);

  // Taking the template makes it the current design in one undo step.
  const before = await yamlText(page);
  await dialog
    .getByRole('button', { name: 'Make Template: Hyperparameter sweep the current design' })
    .click();
  await expect.poll(() => yamlText(page)).toBe(readFixture('hyperparameter-sweep'));
  // The design before is now the other side, on the side it was on.
  await expect(totalsRow(page, 'Pods')).toHaveText(['7', '16', '+9']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(before);
});

test('a comparison opens from its link, as it was', async ({ page, browser }) => {
  await openDesigner(page, 'YAML');
  await compareWithTemplate(page, 'Two groups');
  await expect(totalsRow(page, 'Pods')).toHaveText([/\d+/, '7', /[+-]\d+|no change/]);
  const expected = await totalsRow(page, 'Pods').allTextContents();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v2\./);
  await page.waitForTimeout(600); // the link follows the last change within a second
  const link = await page.evaluate(() => location.href);

  const other = await browser.newContext();
  const colleague = await other.newPage();
  await colleague.goto(link);
  const dialog = compareDialog(colleague);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Template: Two groups');
  await expect(totalsRow(colleague, 'Pods')).toHaveText(expected);
  await other.close();
});

test('lists the settings that differ (the cluster), and offers the design\u2019s template first', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Hyperparameter sweep' })
    .click();
  await expect.poll(() => yamlText(page)).toBe(readFixture('hyperparameter-sweep'));
  // A cluster of 4 GPUs: a setting, not the manifest.
  const side = page.getByRole('complementary', { name: 'Resources' });
  await side.getByText('Your cluster').click();
  await side.getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = compareDialog(page);
  // The picker offers the template the design came from first.
  await expect(dialog.getByLabel('A template')).toHaveValue('hyperparameter-sweep');
  await dialog.getByRole('button', { name: 'Compare with this template' }).click();
  const settings = dialog.getByRole('table', { name: 'Settings compared' });
  await expect(settings.getByRole('row', { name: /^Your cluster/ }).getByRole('cell')).toHaveText([
    'not set',
    '4 NVIDIA-A100-SXM4-80GB free',
  ]);
  // Same manifest, other settings: never "They run the same".
  await expect(dialog.getByText('They run the same.')).toHaveCount(0);
});

test('lists a sweep and a cluster that differ, in the words the designer uses elsewhere', async ({
  page,
}) => {
  const sweep = {
    index: 'JOB_INDEX' as const,
    axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01] } }],
  };
  const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 2');
  const link = await encodeDesign({
    text,
    settings: { sweeps: { trial: sweep }, capacity: { gpus: { 'NVIDIA-A100-SXM4-80GB': 1 } } },
  });
  await page.goto(`/#${link}`);
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await compareWithTemplate(page, 'Hyperparameter sweep');
  const settings = compareDialog(page).getByRole('table', { name: 'Settings compared' });
  await expect(
    settings.getByRole('row', { name: /^Sweep of "trial"/ }).getByRole('cell'),
  ).toHaveText(['not set', 'lr: 0.1, 0.01; by JOB_INDEX']);
  await expect(settings.getByRole('row', { name: /^Your cluster/ }).getByRole('cell')).toHaveText([
    'not set',
    '1 NVIDIA-A100-SXM4-80GB free',
  ]);
  // The run on the cluster, as the sidebar says it: 2 trials one after the other, 2 h.
  await expect(totalsRow(page, 'Makespan on your cluster \\(h\\)')).toHaveText([
    'not set',
    '2',
    '—',
  ]);
  await expect(resource(page, 'Makespan on your cluster (h)')).toHaveText('2');
});
