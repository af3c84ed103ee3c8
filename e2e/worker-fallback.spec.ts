import { expect, resource, test } from './fixtures.ts';

test.use({ allowedErrors: [/Failed to load resource/] });

test('runs the core on the main thread, with a notice, when the worker cannot start', async ({
  page,
}) => {
  await page.route(/core\.worker-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Checking runs on the main thread');
  await expect(resource(page, 'Total pods')).toHaveText('7');
  const yaml = page.getByRole('textbox', { name: 'Manifest YAML' });
  await yaml.fill((await yaml.inputValue()).replace('count: 5', 'count: 9'));
  await expect(resource(page, 'Total pods')).toHaveText('11');
});
