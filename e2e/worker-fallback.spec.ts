import { group } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

test.use({ allowedErrors: [/Failed to load resource/] });

test('runs the core on the main thread, with a notice, when the worker cannot start', async ({
  page,
}) => {
  await page.route(/core\.worker-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: 'main thread' })).toContainText(
    'Checking runs on the main thread',
  );
  await expect(resource(page, 'Total pods')).toHaveText('7');
  await page
    .getByRole('group', { name: 'Editor view' })
    .getByRole('button', { name: 'Form' })
    .click();
  await group(page, 'worker').getByLabel('Jobs (count)').fill('9');
  await expect(resource(page, 'Total pods')).toHaveText('11');
});
