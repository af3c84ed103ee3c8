// The keyboard, from the top of the page: Tab never gets stuck in the editor, the skip link
// lands on the pod grid, and every dialog gives focus back to its opener on Esc.
import { openDesigner, yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

test('Tab from the top reaches the figures in a bounded number of presses, the text unchanged', async ({
  page,
}) => {
  await openDesigner(page);
  const before = await yamlText(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let presses = 0;
  let reached = false;
  while (presses < 80 && !reached) {
    await page.keyboard.press('Tab');
    presses++;
    reached = await page.evaluate(
      () => document.activeElement?.closest('[aria-labelledby="resources-title"], .side') != null,
    );
  }
  expect(reached, `focus after ${presses} presses`).toBe(true);
  expect(presses).toBeLessThan(80);
  // Tab passed through the YAML editor without typing into it.
  expect(await yamlText(page)).toBe(before);
});

test('after a click in the editor, Tab indents; Ctrl+M makes it move on', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Tab');
  await expect.poll(() => yamlText(page)).toMatch(/ {2}$/);
  const indented = await yamlText(page);
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') == null))
    .toBe(true);
  expect(await yamlText(page)).toBe(indented);
});

test('the skip link, the first Tab of the page, lands on the pod grid', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the pod grid' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('application', { name: /^Pod grid/ }).first()).toBeFocused();
});

test('every dialog gives focus back to its opener on Esc', async ({ page }) => {
  await openDesigner(page);
  for (const [opener, dialog] of [
    ['Compare', 'Compare designs'],
    ['Templates', 'Templates'],
  ] as const) {
    const button = page.getByRole('button', { name: opener, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
    await expect(button).toBeFocused();
  }
});
