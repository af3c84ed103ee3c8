// Never losing work: reloads, links, files and templates.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { analyze } from '../src/core/analyze.ts';
import { CATALOG } from '../src/templates/catalog.ts';
import { readFixture } from '../src/fixtures/read.ts';
import { dropFile, group, openDesigner, pasteOnPage, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

const main = readFixture('platform-main');

/** Waits until the address bar holds the link of the current text. */
async function settledLink(page: Page): Promise<string> {
  const text = await yamlText(page);
  await expect
    .poll(async () => {
      const hash = await page.evaluate(() => location.hash);
      return hash.startsWith('#v2.') ? hash : '';
    })
    .not.toBe('');
  await page.waitForTimeout(400); // the link follows the last edit within a second
  void text;
  return page.evaluate(() => location.href);
}

async function editWorkerCount(page: Page, count: string) {
  await group(page, 'worker').getByLabel('Jobs (count)').fill(count);
  await expect.poll(() => yamlText(page)).toContain(`count: ${count}`);
}

test('an edited design is back after a reload', async ({ page }) => {
  await openDesigner(page);
  await editWorkerCount(page, '9');
  await settledLink(page);
  await page.reload();
  await expect.poll(() => yamlText(page)).toBe(main.replace('count: 5', 'count: 9'));
  await expect(resource(page, 'Total pods')).toHaveText('11');
});

test('a copied link reopens the design byte for byte in a new browser, comments and settings included', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDesigner(page);
  await editWorkerCount(page, '3');
  await page.getByLabel('Pod duration of worker', { exact: true }).fill('2.5');
  const text = await yamlText(page);
  await settledLink(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('dialog', { name: 'Share and export' })).toContainText(
    'Fine to paste anywhere',
  );
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#v2.');

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(link);
  await expect.poll(() => page2.evaluate(() => window.__designerTestApi?.text())).toBe(text);
  await expect(resource(page2, 'Total pods')).toHaveText('5');
  await expect(page2.getByLabel('Pod duration of worker', { exact: true })).toHaveValue('2.5');
  await other.close();
});

test('bad links leave the current design alone, with a message', async ({ page }) => {
  await openDesigner(page);
  await editWorkerCount(page, '4');
  const good = await settledLink(page);
  const edited = await yamlText(page);
  const link = good.slice(good.indexOf('#') + 1);
  const bomb = `v1.${Buffer.from(deflateRawSync(Buffer.alloc(20_000_000, 32))).toString('base64url')}`;
  const cases: [string, RegExp][] = [
    [`${link.slice(0, Math.floor(link.length / 2))}`, /cut short \(its end is missing\)/],
    [
      `${link.slice(0, 40)}${link[40] === 'A' ? 'B' : 'A'}${link.slice(41)}`,
      /damaged \(some of its characters were changed\)/,
    ],
    ['v1.%%%not-base64', /damaged/],
    ['v7.abcdef', /newer version/],
    [bomb, /compression bomb/],
  ];
  for (const [fragment, message] of cases) {
    await page.evaluate((f) => (location.hash = f), fragment);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    expect(await yamlText(page)).toBe(edited);
    await page
      .getByRole('alert')
      .filter({ hasText: message })
      .getByRole('button', { name: 'Dismiss' })
      .click();
  }
});

test('a link opened over a different local design keeps the local one as a draft', async ({
  page,
  browser,
}) => {
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await openDesigner(p2);
  await editWorkerCount(p2, '2');
  const link = await settledLink(p2);
  await other.close();

  await openDesigner(page);
  await editWorkerCount(page, '7');
  await settledLink(page);
  await page.goto(link);
  // The design here has edits: the new address is opened when the user says so.
  await page
    .getByRole('alert')
    .filter({ hasText: 'The address now holds another design' })
    .getByRole('button', { name: 'Open it' })
    .click();
  await expect.poll(() => yamlText(page)).toContain('count: 2');
  await expect(page.getByRole('status').filter({ hasText: 'kept in Drafts' })).toBeVisible();
  await page.getByRole('button', { name: /Drafts \(1\)/ }).click();
  await page
    .getByRole('dialog', { name: 'Drafts' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect.poll(() => yamlText(page)).toContain('count: 7');
});

test('download gives the exact text, and asks first while the design has errors', async ({
  page,
}) => {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download manifest' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('manifest.yaml');
  expect(readFileSync((await file.path())!, 'utf8')).toBe(main);

  await editWorkerCount(page, '-1');
  // The menu closed after the download, as a menu does after its command.
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Download manifest (1 error)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download a manifest with errors?' });
  await expect(dialog).toContainText('count must be');
  const [file2] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download anyway' }).click(),
  ]);
  expect(readFileSync((await file2.path())!, 'utf8')).toBe(main.replace('count: 5', 'count: -1'));
});

test('opens .yaml, .yml and .json files, and refuses binary and oversized ones', async ({
  page,
}) => {
  await openDesigner(page);
  // Share, then "Open file…": the menu closes once a file is chosen.
  const input = {
    setInputFiles: async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByRole('button', { name: 'Share' }).click();
      await page.getByLabel('Open a manifest file').setInputFiles(file);
      await expect(page.getByRole('dialog', { name: 'Share and export' })).toBeHidden();
    },
  };
  const hetero = readFixture('heterogeneous-pools');
  await input.setInputFiles({
    name: 'a.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(hetero),
  });
  await expect.poll(() => yamlText(page)).toBe(hetero);
  const sweep = readFixture('hyperparameter-sweep');
  await input.setInputFiles({
    name: 'b.yml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(sweep),
  });
  await expect.poll(() => yamlText(page)).toBe(sweep);
  const data = analyze(main).data;
  await input.setInputFiles({
    name: 'c.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(resource(page, 'Total pods')).toHaveText('7');
  expect(analyze(await yamlText(page)).data).toEqual(data);

  const before = await yamlText(page);
  await input.setInputFiles({
    name: 'model.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x89, 0, 1, 2, 0, 255]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'binary file' })).toBeVisible();
  await input.setInputFiles({
    name: 'huge.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.alloc(50_000_000, 'a'),
  });
  await expect(page.getByRole('alert').filter({ hasText: '50.0 MB' })).toBeVisible();
  expect(await yamlText(page)).toBe(before);
});

test('every template opens with the figures of its platform example, asking before it replaces edits', async ({
  page,
}) => {
  await openDesigner(page);
  for (const { title, id: file } of CATALOG) {
    await page.getByRole('button', { name: 'Templates' }).click();
    await page
      .getByRole('dialog', { name: 'Templates' })
      .getByRole('button', { name: title })
      .click();
    const text = readFixture(file);
    await expect.poll(() => yamlText(page)).toBe(text);
    // The title follows the template (its manifest has no name of its own).
    const own = analyze(text).view?.name;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(own?.trim() ? own : title);
    const t = analyze(text).expansion!.totals;
    await expect(resource(page, 'Total pods')).toHaveText(t.pods!.toLocaleString('en-US'));
    await expect(resource(page, 'Peak concurrent pods')).toHaveText(
      t.concurrentPods!.toLocaleString('en-US'),
    );
  }
  // An edit to a template's design, then another template: asked first.
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Mixed concurrency' })
    .click();
  await expect.poll(() => yamlText(page)).toBe(readFixture('mixed-concurrency'));
  await group(page, 'evaluator').getByLabel('Jobs (count)').fill('6');
  await expect.poll(() => yamlText(page)).toContain('count: 6');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Two groups' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Open "Two groups"?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await yamlText(page)).toContain('count: 6');
});

test('the title a template or a file gave the design survives a reload', async ({ page }) => {
  await openDesigner(page);
  const unnamed = CATALOG.find(({ id }) => !analyze(readFixture(id)).view?.name?.trim())!;
  expect(unnamed).toBeTruthy();
  const heading = page.getByRole('heading', { level: 1 });
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: unnamed.title })
    .click();
  await expect(heading).toHaveText(unnamed.title);
  await settledLink(page);
  await page.reload();
  await expect.poll(() => yamlText(page)).toBe(readFixture(unnamed.id));
  // Before, the reload said "Untitled design".
  await expect(heading).toHaveText(unnamed.title);
  await expect(page).toHaveTitle(new RegExp(unnamed.title.replace(/[()]/g, '\\$&')));
});

test('opens a file dropped on the page, and a manifest pasted outside the editors', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const batch = readFixture('sequential-batch');
  await dropFile(page, 'batch.yaml', batch);
  await expect.poll(() => yamlText(page)).toBe(batch);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('batch.yaml');

  const sweep = readFixture('hyperparameter-sweep');
  await pasteOnPage(page, sweep);
  await expect.poll(() => yamlText(page)).toBe(sweep);

  await pasteOnPage(page, 'just some notes, not a manifest');
  await expect(page.getByRole('alert').filter({ hasText: 'not an AIchor manifest' })).toBeVisible();
  expect(await yamlText(page)).toBe(sweep);
});

test('the link is written after the figures of an edit are on screen, and still within a second', async ({
  page,
}) => {
  // Every answer of the core's worker comes 500 ms late: longer than the link's wait (300 ms),
  // as on a large design. Saving and encoding must not take the main thread before the figures.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: [unknown]) {
      setTimeout(() => post.apply(this, args), 500);
    } as typeof Worker.prototype.postMessage;
    const log: { what: string; at: number }[] = [];
    (window as unknown as { __log: typeof log }).__log = log;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...a: Parameters<History['replaceState']>) => {
      log.push({ what: `link ${String(a[2])}`, at: performance.now() });
      replace(...a);
    };
    document.addEventListener(
      'keydown',
      () => log.push({ what: 'key', at: performance.now() }),
      true,
    );
  });
  await openDesigner(page);
  await expect(resource(page, 'Total pods')).toHaveText('7');
  await settledLink(page);
  await page.evaluate(() => {
    const log = (window as unknown as { __log: { what: string; at: number }[] }).__log;
    log.length = 0;
    const cell = [...document.querySelectorAll('table[aria-label="Resources"] tr')].find((r) =>
      r.textContent?.startsWith('Total pods'),
    )!;
    new MutationObserver(() =>
      log.push({ what: `figure ${cell.querySelector('td')?.textContent}`, at: performance.now() }),
    ).observe(cell, { subtree: true, characterData: true, childList: true });
  });
  const count = group(page, 'worker').getByLabel('Jobs (count)');
  await count.click();
  await count.press('End');
  await count.press('Backspace');
  await count.press('9');
  await expect(resource(page, 'Total pods')).toHaveText('11');
  const readLog = () =>
    page.evaluate(() => (window as unknown as { __log: { what: string; at: number }[] }).__log);
  // The link written after the last key.
  await expect
    .poll(async () => {
      const entries = await readLog();
      const key = entries.filter((e) => e.what === 'key').at(-1)!;
      return entries.some((e) => e.what.startsWith('link') && e.at > key.at);
    })
    .toBe(true);
  const log = await readLog();
  const lastKey = log.filter((e) => e.what === 'key').at(-1)!;
  const figure = log.find((e) => e.what === 'figure 11');
  const links = log.filter((e) => e.what.startsWith('link') && e.at > lastKey.at);
  expect(figure, JSON.stringify(log)).toBeDefined();
  expect(links.length, JSON.stringify(log)).toBeGreaterThan(0);
  // The link of the edited text came after its figures, and within a second of the last key.
  expect(links[0]!.at, JSON.stringify(log)).toBeGreaterThan(figure!.at);
  expect(links[0]!.at - lastKey.at, JSON.stringify(log)).toBeLessThan(1000);
});
