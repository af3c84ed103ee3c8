// Reading manifests as the platform does, in the editor: YAML 1.1 keys, files in UTF-16, and the
// fixes for what a pasted snippet is missing. (Row numbers refer to issue 11's table.)
import type { Page } from '@playwright/test';
import { analyze } from '../src/core/analyze.ts';
import { readFixture } from '../src/fixtures/read.ts';
import {
  dropFile,
  group,
  lineOf,
  markers,
  openDesigner,
  pasteOnPage,
  yamlCursorAtEndOfLine,
  yamlText,
} from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

const main = readFixture('platform-main');

/** Pastes a manifest outside the editors, as a user opening a snippet from the docs does. */
async function paste(page: Page, text: string) {
  await pasteOnPage(page, text);
  await expect.poll(() => yamlText(page)).toBe(text);
}

/** Opens the quick fixes at the start of line `n` of the YAML editor and picks `title`. */
async function quickFix(page: Page, n: number, title: string) {
  await yamlCursorAtEndOfLine(page, n);
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+.');
  // Chosen with the keyboard, as a user does: the list opens on its first fix.
  const titles = page.locator('.action-widget .monaco-list-row.action .title');
  await expect(titles.first()).toBeVisible();
  const all = await titles.allTextContents();
  // Listed once, even when several problems offer it.
  expect(
    all.filter((t) => t === title),
    `"${title}" among ${all.join(' | ')}`,
  ).toHaveLength(1);
  const index = all.indexOf(title);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const status = (page: Page) => page.getByRole('status', { name: 'Validation' });

test('row 3: a group named `on` is an error at its key; the quick fix quotes it', async ({
  page,
}) => {
  await openDesigner(page);
  const text = main.replace('  types:\n', '  types:\n    on:\n      count: 1\n');
  await paste(page, text);
  const line = lineOf(text, '    on:');
  await expect
    .poll(async () => (await markers(page)).find((m) => m.code === 'group-key-not-text'))
    .toMatchObject({ severity: 'error', line, column: 5 });
  const marker = (await markers(page)).find((m) => m.code === 'group-key-not-text')!;
  expect(marker.message).toContain('reads as the boolean true');

  await quickFix(page, line, 'Quote the name: "on"');
  const fixed = text.replace('    on:', '    "on":');
  await expect.poll(() => yamlText(page)).toBe(fixed);
  await expect(status(page)).toHaveText(/^Valid/);
  await expect(group(page, 'on')).toBeVisible();
});

test('row 7: a UTF-16 file (what PowerShell writes) opens from the file picker and by drop', async ({
  page,
}) => {
  await openDesigner(page);
  const hetero = readFixture('heterogeneous-pools');
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hetero, 'utf16le')]);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByLabel('Open a manifest file').setInputFiles({
    name: 'manifest.yaml',
    mimeType: 'application/yaml',
    buffer: utf16le,
  });
  await expect.poll(() => yamlText(page)).toBe(hetero);
  const pods = analyze(hetero).expansion!.totals.pods!;
  await expect(resource(page, 'Total pods')).toHaveText(pods.toLocaleString('en-US'));
  await page.keyboard.press('Escape');

  // Big-endian, dropped on the page.
  const batch = readFixture('sequential-batch');
  const be = Buffer.from(batch, 'utf16le').swap16();
  const bytes = [0xfe, 0xff, ...be];
  await dropFile(page, 'batch.yaml', bytes);
  await expect.poll(() => yamlText(page)).toBe(batch);

  // UTF-16 that lost its byte order mark is refused with the reason, the design kept.
  await dropFile(page, 'nobom.yaml', [...Buffer.from(main, 'utf16le')]);
  await expect(
    page.getByRole('alert').filter({ hasText: 'UTF-16 text without a byte order mark' }),
  ).toBeVisible();
  expect(await yamlText(page)).toBe(batch);
});

test('row 18: a missing builder is fixed from the Problems list with the image of spec.image', async ({
  page,
}) => {
  await openDesigner(page);
  const text = main.replace(/builder:\n( {2}.*\n)+/, '');
  await paste(page, text);
  await expect(status(page)).toHaveText('Invalid: 1 error, 0 warnings');
  await status(page).click();
  const item = page
    .getByRole('dialog', { name: 'Problems' })
    .getByRole('listitem')
    .filter({ hasText: 'missing-key' });
  await expect(item).toContainText(
    'for example `builder: { image: image, dockerfile: ./Dockerfile, context: . }`',
  );
  await item.getByRole('button', { name: 'Add `builder`' }).click();
  await expect(status(page)).toHaveText('Valid: 0 errors, 0 warnings');
  const builder = analyze(await yamlText(page)).data as { builder: unknown };
  expect(builder.builder).toEqual({ image: 'image', dockerfile: './Dockerfile', context: '.' });
});

test('row 19: a platform-page snippet pasted as is is completed by one fix, undone in one step', async ({
  page,
}) => {
  await openDesigner(page);
  const snippet = `spec:
  operator: jobset
  command: "python3 train.py"
  types:
    worker:
      count: 2
      resources:
        cpus: 4
        ramRatio: 2
`;
  await paste(page, snippet);
  await expect(status(page)).toHaveText('Invalid: 4 errors, 0 warnings');
  await quickFix(page, 1, 'Complete the manifest');
  await expect(status(page)).toHaveText('Valid: 0 errors, 0 warnings');
  const completed = await yamlText(page);
  // Everything the snippet said is still there, with the required fields added.
  const kept = completed.split('\n');
  let at = 0;
  for (const line of snippet.split('\n')) at = kept.indexOf(line, at) + 1 || Infinity;
  expect(at, completed).toBeLessThan(Infinity);
  expect(analyze(completed).data).toMatchObject({
    kind: 'AIchorManifest',
    spec: { operator: 'jobset', image: expect.any(String), types: { worker: { count: 2 } } },
  });
  await expect(resource(page, 'Total pods')).toHaveText('2');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(snippet);
});
