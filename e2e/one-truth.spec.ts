// One schedule, one truth: settings follow their group, views agree on the schedule, and every
// reading of the manifest goes through the core.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { runCli } from '../src/cli/run.ts';
import { readFixture } from '../src/fixtures/read.ts';
import { group, lineOf, openDesigner, yamlCursorAtEndOfLine, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

const main = readFixture('platform-main');

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await expect.poll(() => yamlText(page)).toBe(text);
}

const duration = (page: Page, name: string) =>
  page.getByLabel(`Pod duration of ${name}`, { exact: true });

test('a rename typed in the YAML keeps the group\u2019s duration, and one undo brings back both', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await duration(page, 'worker').fill('3');
  await expect(resource(page, 'Makespan (h)')).toHaveText('3');
  await page.waitForTimeout(1100); // the duration is its own undo step
  // Select the key `worker` and type the new name over it.
  await yamlCursorAtEndOfLine(page, lineOf(main, '    worker:'));
  await page.keyboard.press('ArrowLeft'); // before the colon
  for (let i = 0; i < 'worker'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('trainer');
  await expect.poll(() => yamlText(page)).toContain('    trainer:\n      count: 5');
  await expect(duration(page, 'trainer')).toHaveValue('3');
  await expect(resource(page, 'Makespan (h)')).toHaveText('3');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(main);
  await expect(duration(page, 'worker')).toHaveValue('3');
  await expect(resource(page, 'Makespan (h)')).toHaveText('3');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(duration(page, 'worker')).toHaveValue('1');
});

test('a rename in the form and the removal of a group carry the settings, undoably', async ({
  page,
}) => {
  await openDesigner(page, 'Both');
  await duration(page, 'worker-2').fill('4');
  await expect(resource(page, 'Makespan (h)')).toHaveText('4');
  const name = group(page, 'worker-2').getByLabel('Name');
  await name.fill('eval');
  await name.press('Enter');
  await expect(duration(page, 'eval')).toHaveValue('4');
  await group(page, 'eval').getByRole('button', { name: 'Remove' }).click();
  await expect(resource(page, 'Makespan (h)')).toHaveText('1');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(duration(page, 'eval')).toHaveValue('4');
  await expect(resource(page, 'Makespan (h)')).toHaveText('4');
});

test('the sidebar and the timeline agree on the makespan, leaving out a group that is not valid', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, main.replace('      count: 5\n', '      count: -1\n'));
  await expect(resource(page, 'Makespan (h)')).toHaveText('1');
  await expect(page.getByRole('complementary', { name: 'Resources' })).toContainText(
    'Left out of the makespan and costs: "worker"',
  );
  await expect(page.getByRole('img', { name: /Timeline in hours/ })).toHaveAccessibleName(
    'Timeline in hours: the design runs for 1 h on an unlimited cluster; left out (figures not valid): worker',
  );
});

test('Download JSON gives the data the core reads, merge keys resolved, as the CLI does', async ({
  page,
}) => {
  const text =
    main.replace('    worker-2:\n      count: 1\n', '    worker-2: &pool\n      count: 1\n') +
    '    worker-3:\n      <<: *pool\n      count: 2\n';
  await openDesigner(page, 'YAML');
  await load(page, text);
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(
    'Valid: 0 errors, 0 warnings',
  );
  await page.getByRole('button', { name: 'Share' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const downloaded = readFileSync((await file.path())!, 'utf8');
  const data = JSON.parse(downloaded) as { spec: { types: Record<string, unknown> } };
  expect(data.spec.types['worker-3']).toEqual({
    count: 2,
    resources: { cpus: 4, ramRatio: 3 },
  });
  expect(downloaded).not.toContain('<<');
  const cli = await runCli(['json', '-'], text);
  expect(cli.code).toBe(0);
  expect(downloaded).toBe(cli.stdout);
});

test('example prices stay labelled as examples after a reload', async ({ page }) => {
  await openDesigner(page, 'YAML');
  const prices = page.getByRole('complementary', { name: 'Resources' }).getByText(/^Prices/);
  await expect(prices).toHaveText('Prices (examples)');
  await page.waitForTimeout(500); // autosaved
  await page.reload();
  await expect(prices).toHaveText('Prices (examples)');
});
