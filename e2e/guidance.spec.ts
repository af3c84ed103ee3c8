// What helps a user read the designer: problems by severity with a filter, the grid's axes in
// words, the table toggle's state, and the "How to read this" help.
import { readFixture } from '../src/fixtures/read.ts';
import { encodeDesign } from '../src/core/link/codec.ts';
import { openDesigner, yamlText, focusYaml } from './designer.ts';
import { expect, test } from './fixtures.ts';

test('problems list errors first, then warnings, then info, and filter by severity', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  // Two groups without resources (info, early lines) and a count of -1 further down (an error).
  const text = readFixture('two-groups').replace(/(worker:\n\s+count:) \d+/, '$1 -1');
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await expect.poll(() => yamlText(page)).toBe(text);
  await page.getByRole('button', { name: /Validation/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Problems' });
  const items = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  const severities = await items.locator('.severity').allTextContents();
  expect(severities[0]).toBe('error');
  expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
  expect(severities).toContain('info');

  const errors = dialog.getByRole('button', { name: /^Errors \(1\)$/ });
  await errors.click();
  await expect(errors).toHaveAttribute('aria-pressed', 'true');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('count');
  await dialog.getByRole('button', { name: /^All/ }).click();
  await expect(items).toHaveCount(severities.length);
});

const rank = (s: string) => ['error', 'warning', 'info'].indexOf(s);

test('the grid says what its rows and columns are; Table view shows its pressed state', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const canvas = page.getByRole('region', { name: 'Jobs and pods' });
  await expect(
    canvas.getByText(/Each row is a Job \(a, from 0\), each column a pod index/),
  ).toBeVisible();
  const table = canvas.getByRole('button', { name: 'Table view' });
  await expect(table).toHaveAttribute('aria-pressed', 'false');
  const before = await table.evaluate((b) => getComputedStyle(b).backgroundColor);
  await table.click();
  await expect(table).toHaveAttribute('aria-pressed', 'true');
  expect(await table.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe(before);
});

test('? opens "How to read this" outside text fields; Esc closes it and focus comes back', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const grid = page.getByRole('application', { name: /Pod grid/ });
  await grid.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'How to read this' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Each row is a Job');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(grid).toBeFocused();

  // Typed into the editor, ? is a character, not a shortcut.
  await focusYaml(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('#?');
  await expect(help).toBeHidden();
  await expect.poll(() => yamlText(page)).toContain('#?');

  const button = page.getByRole('button', { name: 'How to read this' });
  await button.click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(button).toBeFocused();
});

test('a first visit says three things to try, until dismissed; a link visit does not', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const hint = page.getByRole('complementary', { name: 'Getting started' });
  await expect(hint).toContainText('Three things to try');
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toBeHidden();
  await page.reload();
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await expect(hint).toBeHidden();
  // Someone opening a colleague's link came for that design: no hint.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  const link = await encodeDesign({ text: readFixture('two-groups'), settings: {} });
  await visitor.goto(`${new URL(page.url()).origin}/#${link}`);
  await expect(visitor.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
  await expect(visitor.getByRole('complementary', { name: 'Getting started' })).toHaveCount(0);
  await other.close();
});
