/**
 * The Markdown diff as a pull request shows it: `jobset-designer diff --format markdown` run as a
 * process on a known change (src/fixtures/read.ts `platformMainChange`), the Markdown rendered
 * as GitHub-flavoured Markdown (marked, GFM) in a real browser, its table read for the numbers
 * (checked against the core's own figures of each side), and its links followed into the
 * designer, where they reopen each side and the comparison.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { marked } from 'marked';
import { analyze } from '../src/core/analyze.ts';
import { platformMainChange } from '../src/fixtures/read.ts';
import { runCliProcess } from './cli.ts';
import { yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

const { before, after } = platformMainChange();

/** The CLI, as a process, in a folder holding before.yaml and after.yaml (and `extra` files). */
function diffMarkdown(base: string, second = 'after.yaml', extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'diff-md-e2e-'));
  try {
    writeFileSync(join(dir, 'before.yaml'), before);
    writeFileSync(join(dir, 'after.yaml'), after);
    for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
    const r = runCliProcess(
      ['diff', 'before.yaml', second, '--format', 'markdown', '--designer-url', base],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function showComment(page: Page, markdown: string) {
  const html = await marked.parse(markdown, { gfm: true });
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Pull request</title></head><body><main>${html}</main></body></html>`,
  );
}

test('the comment shows the change in numbers, and its links reopen each side and the comparison', async ({
  page,
  baseURL,
}) => {
  await showComment(page, diffMarkdown(`${baseURL}/`));
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    '',
    'before.yaml',
    'after.yaml',
    'change',
  ]);
  // The numbers, against the core's figures of each side.
  const [a, b] = [analyze(before), analyze(after)].map((x) => x.expansion!.totals);
  const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label} `) });
  await expect(row('Pods').getByRole('cell')).toHaveText([
    'Pods',
    String(a!.pods),
    String(b!.pods),
    `+${b!.pods! - a!.pods!}`,
  ]);
  await expect(row('Peak GPUs').first().getByRole('cell')).toHaveText([
    'Peak GPUs',
    String(a!.peak.gpus),
    String(b!.peak.gpus),
    `+${b!.peak.gpus! - a!.peak.gpus!}`,
  ]);
  // Escapes render as the names they stand for.
  await expect(
    page.getByRole('listitem').filter({ hasText: 'worker-2 → helper: renamed' }),
  ).toHaveCount(1);
  await expect(page.getByText("its Jobs' first JOB_GLOBAL_INDEX 6 → 1").first()).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'GLOBAL_REPLICAS: 7 → 10' }),
  ).toHaveCount(1);

  // Followed, the links open the designer: the comparison, then each side.
  const href = async (name: string) =>
    (await page.getByRole('link', { name }).getAttribute('href'))!;
  const [compare, openBefore, openAfter] = [
    await href('Compare them'),
    await href('Open before.yaml'),
    await href('Open after.yaml'),
  ];
  await page.goto(compare);
  const dialog = page.getByRole('dialog', { name: 'Compare designs' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('before.yaml');
  await expect(dialog.getByRole('table', { name: 'Totals compared' })).toContainText('Pods');
  for (const [link, text] of [
    [openBefore, before],
    [openAfter, after],
  ] as const) {
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => yamlText(page)).toBe(text);
  }
});

test('a hostile file name is text in the comment: no element, no broken table', async ({
  page,
  baseURL,
}) => {
  const name = 'x|<img src=x onerror=alert(1)>*y*[z](javascript:alert(2)).yaml';
  await showComment(page, diffMarkdown(`${baseURL}/`, name, { [name]: after }));
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([
    '',
    'before.yaml',
    // As written, with an invisible word joiner after `:` and `@` (no autolink, no mention).
    name.replace(/[@:]/g, '$&\u2060'),
    'change',
  ]);
});
