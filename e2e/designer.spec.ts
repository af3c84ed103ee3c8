import { readFixture } from '../src/fixtures/read.ts';
import { expect, resource, test } from './fixtures.ts';

test('opens with the default design and shows its totals', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(
    'Valid: 0 errors, 0 warnings',
  );
  await expect(page.getByRole('textbox', { name: 'Manifest YAML' })).toHaveValue(
    readFixture('platform-main'),
  );
  await expect(resource(page, 'Total pods')).toHaveText('7');
  await expect(resource(page, 'Peak concurrent pods')).toHaveText('7');
  await expect(resource(page, 'Peak CPUs')).toHaveText('25');
  await expect(resource(page, 'Peak RAM (GB)')).toHaveText('74');
  await expect(resource(page, 'Peak GPUs')).toHaveText('5');
  const groups = page.getByRole('table', { name: 'Job groups' });
  await expect(groups.getByRole('rowheader')).toHaveText(['master', 'worker', 'worker-2']);
});

test('recomputes the figures as the YAML changes, and points at problems', async ({ page }) => {
  await page.goto('/');
  const yaml = page.getByRole('textbox', { name: 'Manifest YAML' });
  await expect(resource(page, 'Total pods')).toHaveText('7');
  const text = readFixture('platform-main').replace(
    '      count: 5\n',
    '      count: 500\n      completions: 2000\n      parallelisms: 4\n',
  );
  await yaml.fill(text);
  await expect(resource(page, 'Total pods')).toHaveText('1,000,002');
  await expect(resource(page, 'Peak concurrent pods')).toHaveText('2,002');

  await yaml.fill(text.replace('    worker:\n', '    Worker:\n'));
  const status = page.getByRole('status', { name: 'Validation' });
  await expect(status).toHaveText('Invalid: 1 error, 0 warnings');
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button').first();
  await expect(problem).toContainText('type-name-invalid');
  await problem.click();
  // The text area selects the bad name.
  const selected = await yaml.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd),
  );
  expect(selected).toBe('Worker');
});

test('serves the manifest JSON Schema for editors', async ({ request }) => {
  const res = await request.get('/manifest.schema.json');
  expect(res.ok()).toBe(true);
  const schema = await res.json();
  expect(schema.properties.kind.const).toBe('AIchorManifest');
});
