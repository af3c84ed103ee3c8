import { readFixture } from '../src/fixtures/read.ts';
import { openDesigner, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

test('opens with the default design and shows its totals', async ({ page }) => {
  await openDesigner(page);
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(
    'Valid: 0 errors, 0 warnings',
  );
  expect(await yamlText(page)).toBe(readFixture('platform-main'));
  await expect(resource(page, 'Total pods')).toHaveText('7');
  await expect(resource(page, 'Peak concurrent pods')).toHaveText('7');
  await expect(resource(page, 'Peak CPUs')).toHaveText('25');
  await expect(resource(page, 'Peak RAM (GB)')).toHaveText('74');
  await expect(resource(page, 'Peak GPUs')).toHaveText('5');
  const groups = page.getByRole('table', { name: 'Job groups' });
  await expect(groups.getByRole('rowheader')).toHaveText(['master', 'worker', 'worker-2']);
  await expect(page.getByRole('region', { name: 'Manifest YAML' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Manifest form' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Resources' })).toBeVisible();
});

test('lists problems from the status and jumps to their place in the YAML', async ({ page }) => {
  await openDesigner(page);
  await page
    .getByRole('form', { name: 'Manifest form' })
    .getByRole('group', { name: 'worker', exact: true })
    .getByLabel('Jobs (count)')
    .fill('-2');
  const status = page.getByRole('status', { name: 'Validation' });
  await expect(status).toHaveText('Invalid: 1 error, 0 warnings');
  await status.click();
  const problems = page.getByRole('dialog', { name: 'Problems' });
  const item = problems.getByRole('listitem').filter({ hasText: 'out-of-range' });
  await expect(item).toContainText('count must be');
  await item.getByRole('button').first().click();
  await expect(problems).toBeHidden();
  // The editor selected the bad value itself.
  await expect
    .poll(() => page.evaluate(() => window.__designerTestApi!.editorSelection?.() ?? ''))
    .toBe('-2');
});

test('serves the manifest JSON Schema for editors', async ({ request }) => {
  const res = await request.get('/manifest.schema.json');
  expect(res.ok()).toBe(true);
  const schema = await res.json();
  expect(schema.properties.kind.const).toBe('AIchorManifest');
});
