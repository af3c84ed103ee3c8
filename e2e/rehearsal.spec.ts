// A rehearsal in the browser: the Program view gives the command that rehearses the design;
// the record that command writes, dropped on the page, draws the actual run on the timeline
// and each pod's outcome in its details; it is kept with the design, and a link carries only a
// reference to it. The record is made by a real rehearsal of the page's own link.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { runCli } from '../src/cli/run.ts';
import { decodeDesign } from '../src/core/link/codec.ts';
import { clickCell, dropFile, group, openDesigner, showView, yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'jobset-e2e-rehearsal-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The page's link, once autosave has written it. */
async function linkOf(page: Page): Promise<string> {
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v2\./);
  return page.url();
}

/** Rehearses `link` with a shell command in which worker-3-0 fails; the record's text. */
async function rehearse(link: string, name: string): Promise<string> {
  const out = join(work, name);
  const command =
    'if [ "$REPLICATED_JOB_NAME-$JOB_INDEX" = worker-3 ]; then echo "boom: no data"; exit 3; fi; echo ok';
  const r = await runCli(['rehearse', link, '--out', out, '--command', command]);
  expect(r.code, r.stderr).toBe(1);
  return readFileSync(join(out, 'rehearsal.json'), 'utf8');
}

async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the Program view gives the command that rehearses this design, with its link', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await showView(page, 'Program');
  const view = page.getByRole('region', { name: 'Pod program' });
  await expect(view.getByTestId('program-script')).toHaveText(
    'Your command runs main.py: save both files in that folder.',
  );
  const command = view.getByTestId('rehearse-command');
  await expect(command).toContainText("npx jobset-designer rehearse 'http://127.0.0.1:4173/#v2.");
  // The link in the command opens this very design.
  const text = (await command.textContent())!;
  const fragment = /#(v2\.[A-Za-z0-9_.-]+)'/.exec(text)![1]!;
  const decoded = await decodeDesign(fragment);
  expect(decoded.ok && decoded.design.text).toBe(await yamlText(page));
  expect(await violations(page)).toEqual([]);
});

test('a rehearsal record shows the actual run and each pod\u2019s outcome, and is kept with the design', async ({
  page,
  browser,
}) => {
  await openDesigner(page, 'YAML');
  const record = await rehearse(await linkOf(page), 'same');
  await dropFile(page, 'rehearsal.json', record);

  const banner = page.getByRole('region', { name: 'Rehearsal' });
  await expect(banner).toContainText('(failed): 6 of 7 pods succeeded, 1 failed.');
  await expect(
    page.getByText('the rehearsal, the plan dashed behind, failed pods red'),
  ).toBeVisible();
  // The design is the one rehearsed: it stays as it was.
  await expect(
    page.getByText('Showing the rehearsal in "rehearsal.json" on the timeline.'),
  ).toBeVisible();

  await clickCell(page, 'worker', 3, 0);
  const details = page.getByRole('region', { name: 'Pod details' });
  const rehearsed = details.getByTestId('pod-rehearsal');
  await expect(rehearsed).toContainText('failed: exit code 3');
  await expect(details.getByRole('figure', { name: 'End of pods/worker-3-0.log' })).toContainText(
    'boom: no data',
  );
  await clickCell(page, 'worker', 2, 0);
  await expect(rehearsed).toContainText('succeeded (exit code 0)');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await violations(page), scheme).toEqual([]);
  }

  // A reload keeps it (the whole record is saved with the design), also once the address's link
  // (which holds only its reference) has been read, a moment after the saved design.
  await page.reload();
  await expect(banner).toContainText('(failed): 6 of 7 pods succeeded, 1 failed.');
  await page.waitForTimeout(1500);
  await expect(banner).toContainText('Makespan');
  await clickCell(page, 'worker', 3, 0);
  await expect(details.getByTestId('pod-rehearsal')).toContainText('failed: exit code 3');

  // Edited since: the banner says what the rehearsal no longer covers.
  await showView(page, 'Form');
  await group(page, 'worker').getByLabel('Jobs (count)').fill('4');
  await expect(banner).toContainText(
    'The design has changed since: 1 rehearsed pod is not in it now (worker-4-0).',
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(banner).not.toContainText('changed since');

  // The link carries only a reference: a colleague is told which rehearsal, not shown its logs.
  const other = await browser.newPage();
  try {
    await other.goto(await linkOf(page));
    const theirs = other.getByRole('region', { name: 'Rehearsal' });
    await expect(theirs).toContainText('This link holds only a reference to it');
    await expect(theirs).not.toContainText('Makespan');
  } finally {
    await other.close();
  }

  // Undo hides it; redo shows it again.
  await page.getByRole('button', { name: 'Hide rehearsal' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(banner).toBeVisible();
});

test('a rehearsal of another design opens that design with it; undo brings the previous one back', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const record = await rehearse(await linkOf(page), 'other');
  const rehearsed = await yamlText(page);
  // Now another design is open.
  await page.evaluate(() => window.__designerTestApi!.load('kind: AIchorManifest\n'));
  await expect.poll(() => yamlText(page)).toBe('kind: AIchorManifest\n');
  await dropFile(page, 'rehearsal.json', record);
  await expect(page.getByRole('region', { name: 'Rehearsal' })).toBeVisible();
  await expect.poll(() => yamlText(page)).toBe(rehearsed);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe('kind: AIchorManifest\n');
  await expect(page.getByRole('region', { name: 'Rehearsal' })).toHaveCount(0);

  // A record that is not one the designer can read changes nothing and says why.
  await dropFile(page, 'rehearsal.json', record.replace('"version": 1', '"version": 7'));
  await expect(
    page.getByText(/was not opened: it is a rehearsal record the designer cannot read/),
  ).toBeVisible();
  await expect.poll(() => yamlText(page)).toBe('kind: AIchorManifest\n');
});
