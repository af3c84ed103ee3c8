// Readable at every size: with the 1,000 x 1,000 design, at the three sizes we look at and in
// both themes, no text is cut or spills out of its box.
import type { Page } from '@playwright/test';
import { generatedDesign } from '../src/fixtures/read.ts';
import { openDesigner, yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

const SIZES = [
  [1440, 900],
  [1280, 720],
  [900, 1000],
] as const;

/**
 * Elements whose content is wider than their box and not scrollable (so cut or spilling), and
 * text that leaves the panel it is in. Canvases and the editor's own rendering are left out.
 */
function overflows(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('.monaco-editor, canvas, svg, .visually-hidden, .wide-only, [hidden]'))
        continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.display === 'none')
        continue;
      if (!el.getClientRects().length) continue;
      const scrolls = /auto|scroll/.test(style.overflowX);
      if (!scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        found.push(`${describe(el)}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
      const panel = el.parentElement?.closest('.panel, .app-header');
      if (panel && el.children.length === 0 && (el.textContent ?? '').trim()) {
        const a = el.getBoundingClientRect();
        const b = panel.getBoundingClientRect();
        const scroller = el.parentElement?.closest('.table-scroll, .table-view, .group-list');
        if (!scroller && (a.right > b.right + 1 || a.left < b.left - 1))
          found.push(
            `${describe(el)}: outside its panel (${a.left}-${a.right} in ${b.left}-${b.right})`,
          );
      }
    }
    return found;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of SIZES) {
    test(`no figure or label is cut at ${width}x${height}, ${scheme}, with 1,000 x 1,000 pods`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await openDesigner(page, 'YAML');
      const text = generatedDesign(1, 1000, 1000, 10);
      await page.evaluate((t) => window.__designerTestApi!.load(t), text);
      await expect.poll(() => yamlText(page)).toBe(text);
      for (const section of ['Per group', 'Your cluster', 'Prices (examples)'])
        await page.locator('.resources summary', { hasText: section }).click();
      await expect(page.getByRole('table', { name: 'Resources' })).toContainText('1,000');
      expect(await overflows(page), 'YAML view').toEqual([]);
      await page
        .getByRole('group', { name: 'Editor view' })
        .getByRole('button', { name: 'Both' })
        .click();
      await expect(page.getByRole('form', { name: 'Manifest form' })).toBeVisible();
      expect(await overflows(page), 'YAML and form').toEqual([]);
    });
  }
}
