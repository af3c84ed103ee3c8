/** Page helpers for the designer: how a user reaches each part, in one place. */
import type { Page } from '@playwright/test';
import type {} from '../src/app/testApiTypes.ts';
import { expect } from './fixtures.ts';

export type ViewName = 'YAML' | 'Form' | 'Both' | 'Kubernetes' | 'Program';

/** Switches the editor pane to a view, as a user does: its button in "Editor view". */
export async function showView(page: Page, name: ViewName) {
  await page.getByRole('group', { name: 'Editor view' }).getByRole('button', { name }).click();
}

/** Opens the designer and waits for the YAML editor and the first check. */
export async function openDesigner(page: Page, mode: 'YAML' | 'Form' | 'Both' = 'Both') {
  await page.goto('/');
  await showView(page, mode);
  if (mode !== 'Form')
    await expect(page.locator('[data-testid="monaco-host"][data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Validation' })).not.toHaveText('Checking…');
}

/**
 * The YAML text, as the store holds it (read through the test build's hook). The app starts
 * after the page's first paint, which may come after its load event (a reload returns then).
 */
export async function yamlText(page: Page): Promise<string> {
  await page.waitForFunction(() => !!window.__designerTestApi);
  return page.evaluate(() => window.__designerTestApi!.text());
}

export function markers(page: Page) {
  return page.evaluate(() => window.__designerTestApi!.markers());
}

/**
 * Focuses the YAML editor by a click in the middle of the part of it that shows. Not the centre
 * of its lines: they are as tall as the text, and the editor shows part of them.
 */
export async function focusYaml(page: Page) {
  const host = page.getByRole('region', { name: 'Manifest YAML' }).locator('.monaco-editor');
  await host.scrollIntoViewIfNeeded();
  const box = (await host.boundingBox())!;
  // A hover card may cover the middle: then move away and click higher up.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.3);
    await expect(host).toHaveClass(/focused/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** Puts the cursor at the end of line `n` of the YAML editor. */
export async function yamlCursorAtEndOfLine(page: Page, n: number) {
  await focusYaml(page);
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

export function group(page: Page, name: string) {
  return page
    .getByRole('form', { name: 'Manifest form' })
    .getByRole('group', { name, exact: true });
}

/** Pastes `text` outside the editors (the page opens a pasted manifest). */
export async function pasteOnPage(page: Page, text: string) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Drops a file of these contents (text, or bytes as numbers) on the page. */
export async function dropFile(page: Page, name: string, contents: string | number[]) {
  await page.evaluate(
    ({ name, contents }) => {
      const dt = new DataTransfer();
      const body = typeof contents === 'string' ? contents : new Uint8Array(contents);
      dt.items.add(new File([body], name, { type: 'application/yaml' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    },
    { name, contents },
  );
}

/** Opens the Problems list from the header and follows "Show in form" of the first `code` problem. */
export async function showProblemInForm(page: Page, code: string) {
  await page.getByRole('status', { name: 'Validation' }).click();
  await page
    .getByRole('dialog', { name: 'Problems' })
    .getByRole('listitem')
    .filter({ hasText: code })
    .getByRole('button', { name: 'Show in form' })
    .click();
}

/** Clicks the cell of (group, job, pod) of the pod grid where the app draws it now. */
export async function clickCell(page: Page, name: string, job: number, pod: number) {
  await page.getByRole('application', { name: /Pod grid/ }).scrollIntoViewIfNeeded();
  const at = await page.evaluate(([n, j, p]) => window.__designerTestApi!.gridCell!(n, j, p), [
    name,
    job,
    pod,
  ] as const);
  expect(at, `cell ${name}-${job}-${pod}`).not.toBeNull();
  expect(at!.size).toBeGreaterThanOrEqual(4);
  await page.mouse.click(at!.x, at!.y);
}
