// axe-core over every view, popover and dialog, in light and dark: nothing found.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { analyze } from '../src/core/analyze.ts';
import { exportJobSet } from '../src/core/k8s/export.ts';
import { generatedDesign, readFixture } from '../src/fixtures/read.ts';
import { openDesigner, showView } from './designer.ts';
import { expect, test } from './fixtures.ts';

async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const view = showView;

/** A JobSet with something that does not carry over, so the dialog shows its report. */
const JOBSET = (() => {
  const r = exportJobSet(analyze(readFixture('two-groups')), 'two');
  if (r.kind !== 'exported') throw new Error(r.kind);
  return r.yaml.replace('spec:\n  network:', 'spec:\n  suspend: true\n  network:');
})();

const SIZES = [
  [1440, 900],
  [1280, 720],
  [900, 1000],
] as const;

for (const [width, height] of SIZES)
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds nothing in any view, ${width}x${height}, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await openDesigner(page, 'YAML');
      await page.evaluate((t) => window.__designerTestApi!.load(t), readFixture('platform-main'));
      for (const section of ['Per group', 'Your cluster', 'Prices (examples)'])
        await page.locator('.resources summary', { hasText: section }).click();
      expect(await violations(page), 'YAML view').toEqual([]);

      await view(page, 'Form');
      await expect(page.getByRole('form', { name: 'Manifest form' })).toBeVisible();
      expect(await violations(page), 'Form view').toEqual([]);

      await view(page, 'Both');
      expect(await violations(page), 'Both').toEqual([]);

      // A pod's details.
      const grid = page.getByRole('application', { name: /Pod grid/ });
      await grid.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'Pod details' })).toBeVisible();
      expect(await violations(page), 'pod details').toEqual([]);

      await page.getByRole('button', { name: 'Table view' }).click();
      await expect(page.getByRole('button', { name: 'Table view' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(await violations(page), 'table view').toEqual([]);

      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Share and export' })).toBeVisible();
      expect(await violations(page), 'Share').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /Validation/ }).click();
      await expect(page.getByRole('dialog', { name: 'Problems' })).toBeVisible();
      expect(await violations(page), 'Problems').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'How to read this' }).click();
      await expect(page.getByRole('dialog', { name: 'How to read this' })).toBeVisible();
      expect(await violations(page), 'How to read this').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Templates', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Templates' })).toBeVisible();
      expect(await violations(page), 'Templates').toEqual([]);
      await page.keyboard.press('Escape');

      await view(page, 'Kubernetes');
      const k8s = page.getByRole('region', { name: 'Kubernetes JobSet' });
      await expect(k8s.locator('[data-testid="jobset-yaml"][data-ready="true"]')).toBeVisible();
      expect(await violations(page), 'Kubernetes').toEqual([]);
      await k8s.getByLabel('JobSet name').fill('Not_A_Name');
      await expect(k8s.getByRole('alert')).toBeVisible();
      expect(await violations(page), 'Kubernetes, a refused name').toEqual([]);

      await view(page, 'Program');
      const program = page.getByRole('region', { name: 'Pod program' });
      await program.getByRole('button', { name: /^Add a sweep to / }).click();
      await program.getByRole('button', { name: 'Add an axis' }).click();
      await expect(program.locator('[data-testid="jobset-yaml"][data-ready="true"]')).toBeVisible();
      expect(await violations(page), 'Program, with a sweep being defined').toEqual([]);

      // A JobSet in the editor: the banner and the conversion dialog.
      await view(page, 'YAML');
      await page.evaluate((t) => window.__designerTestApi!.load(t), JOBSET);
      await page.getByRole('button', { name: 'Convert to an AIchor manifest…' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Convert this Kubernetes JobSet?' }),
      ).toBeVisible();
      expect(await violations(page), 'JobSet conversion').toEqual([]);
      await page.keyboard.press('Escape');

      // Comparing with a template: the totals, groups, both runs and the YAML diff.
      await page.evaluate((t) => window.__designerTestApi!.load(t), readFixture('platform-main'));
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      const compare = page.getByRole('dialog', { name: 'Compare designs' });
      expect(await violations(page), 'Compare, choosing').toEqual([]);
      await compare.getByLabel('A template').selectOption({ label: 'Heterogeneous pools' });
      await compare.getByRole('button', { name: 'Compare with this template' }).click();
      await expect(compare.locator('[data-testid="yaml-diff"][data-ready="true"]')).toBeVisible();
      expect(await violations(page), 'Compare').toEqual([]);
    });
  }

// Keys stay at the top of the YAML editor while it scrolls (sticky lines); under the pointer
// Monaco greys them, which took the keys' teal to 4.18:1 (found by axe in hostile.spec.ts when
// the pointer happened to rest there).
for (const scheme of ['light', 'dark'] as const)
  test(`a hovered sticky line in the YAML editor keeps its contrast, ${scheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openDesigner(page, 'YAML');
    await page.evaluate((t) => window.__designerTestApi!.load(t), generatedDesign(30, 2, 4, 2));
    const editor = page.getByRole('region', { name: 'Manifest YAML' });
    // The cursor to the last group: the editor scrolls, `spec:` and `types:` stay on top.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    const sticky = editor.locator('.sticky-line-content').first();
    await expect(sticky).toBeVisible();
    await sticky.hover();
    await expect(editor.locator('.sticky-widget')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
