// Hostile input in the browser: names that are Object.prototype's, an address changed again and
// again by another page, and the app under a strict Content-Security-Policy.
import AxeBuilder from '@axe-core/playwright';
import { withTypes } from '../src/fixtures/read.ts';
import { encodeDesign } from '../src/core/link/codec.ts';
import { CONTENT_SECURITY_POLICY } from '../src/tools/securityHeaders.mjs';
import { group, openDesigner, showView, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

test('a link with groups named constructor and toString opens, and reopens after a reload', async ({
  page,
}) => {
  const text = withTypes(
    '    constructor:\n      count: 2\n      resources: { cpus: 1, ramRatio: 2 }\n    toString:\n      count: 1\n      resources: { cpus: 1, ramRatio: 2 }\n',
  );
  const settings = JSON.parse('{"durations":{"constructor":3},"synchronous":["toString"]}');
  const link = await encodeDesign({ text, settings });
  await page.goto(`/#${link}`);
  await expect(resource(page, 'Total pods')).toHaveText('3');
  await expect(page.getByLabel('Pod duration of constructor', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Pod duration of toString', { exact: true })).toHaveValue('1');
  // Autosaved: a reload reads it back from local storage.
  await page.waitForTimeout(1200);
  await page.reload();
  await expect(resource(page, 'Total pods')).toHaveText('3');
  await expect(page.getByLabel('Pod duration of constructor', { exact: true })).toHaveValue('3');
  expect(await yamlText(page)).toBe(text);
});

test('a page that changes the address 11 times replaces no edited design, and drops no draft', async ({
  page,
}) => {
  await openDesigner(page);
  await group(page, 'worker').getByLabel('Jobs (count)').fill('7');
  await expect.poll(() => yamlText(page)).toContain('count: 7');
  const mine = await yamlText(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v2\./);
  const links = await Promise.all(
    Array.from({ length: 11 }, (_, i) =>
      encodeDesign({ text: withTypes(`    g${i}:\n      count: ${i + 1}\n`), settings: {} }),
    ),
  );
  for (const link of links) await page.evaluate((h) => (location.hash = h), link!);
  const ask = page.getByRole('alert').filter({ hasText: 'The address now holds another design' });
  await expect(ask).toBeVisible();
  expect(await yamlText(page)).toBe(mine); // nothing replaced while unanswered
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await ask.getByRole('button', { name: 'Open it' }).click();
  await expect.poll(() => yamlText(page)).toBe(withTypes('    g10:\n      count: 11\n'));
  // Now a design from a link, unedited: the next changes open at once, each keeping the one
  // before as a draft. Past ten drafts, those from links make room; the edited one stays.
  for (const link of links.slice(0, 10)) {
    await page.evaluate((h) => (location.hash = h), link!);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${link}`);
  }
  await expect.poll(() => yamlText(page)).toBe(withTypes('    g9:\n      count: 10\n'));
  const drafts = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('jobset-designer:v1:drafts') ?? '[]') as { text: string }[],
  );
  expect(drafts.map((d) => d.text)).toContain(mine);
  await page.getByRole('button', { name: /^Drafts/ }).click();
  await expect(page.getByRole('dialog', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(
    drafts.length,
  );
});

test('the designer runs under its Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const response = await page.goto('/');
  expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
  await openDesigner(page);
  // Every view, its workers and lazy chunks: the editor, the form, Kubernetes, the program.
  for (const view of ['YAML', 'Form', 'Kubernetes', 'Program', 'Both'] as const) {
    await showView(page, view);
    await page.waitForTimeout(300);
  }
  await expect(resource(page, 'Total pods')).toHaveText('7');
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
});
