// Comparing two designs, as a user reads it: the totals side by side with the change, what
// happened to each group, and swapping the sides turning the changes around.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import type { Locator } from 'vitest/browser';
import { analyze } from '../../core/analyze.ts';
import { compareDesigns } from '../../core/compare/diff.ts';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import CompareDialog from './CompareDialog.tsx';
import { GroupChanges, TotalsTable } from './CompareTables.tsx';

const before = template('two-groups');
/** The same design with two more workers. */
const after = before.replace('    worker:\n      count: 4', '    worker:\n      count: 6');

/** The texts of the cells (A, B, change) of a totals row. */
const cellsOf = (table: Locator, label: string) =>
  table
    .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} `) })
    .getByRole('cell')
    .elements()
    .map((c) => c.textContent);

beforeEach(() => {
  useDesigner.getState().endCompare();
});

describe('CompareTables', () => {
  it('shows the changed totals with their signed change, and the others as unchanged', async () => {
    // Precondition: the two designs differ in the workers' count alone.
    expect(after).not.toBe(before);
    expect(after.replace('count: 6', 'count: 4')).toBe(before);
    const diff = compareDesigns(analyze(before), analyze(after));
    const screen = await render(<TotalsTable diff={diff} a="two groups" b="more workers" />);
    const table = screen.getByRole('table', { name: 'Totals compared' });
    await expect.element(table).toBeVisible();
    // 1 master + 4 workers, then 1 + 6: each a Job of one pod. Would fail if a row or its
    // change were missing (or the change had the wrong sign).
    expect(cellsOf(table, 'Jobs')).toEqual(['5', '7', '+2']);
    expect(cellsOf(table, 'Pods')).toEqual(['5', '7', '+2']);
    // The same wave of one hour on both sides: no change, said in words.
    expect(cellsOf(table, 'Makespan (h)')).toEqual(['1', '1', 'no change']);
  });

  it('names the group that changed and how, and every pod’s GLOBAL_REPLICAS', async () => {
    const diff = compareDesigns(analyze(before), analyze(after));
    // Precondition: the core sees both groups on both sides, none added or removed.
    expect(diff.groups.map((g) => g.kind).sort()).toEqual(['changed', 'changed']);
    const screen = await render(<GroupChanges groups={diff.groups} />);
    const list = screen.getByRole('list', { name: 'Groups compared' });
    await expect.element(list).toBeVisible();
    const worker = list.getByRole('listitem').filter({ hasText: /^worker changed/ });
    await expect.element(worker).toHaveTextContent('Jobs (count) 4 → 6');
    await expect.element(worker).toHaveTextContent('pods 4 → 6');
    // The master's own fields are the same, but its pods read GLOBAL_REPLICAS, 5 then 7.
    const master = list.getByRole('listitem').filter({ hasText: /^master changed/ });
    await expect.element(master).toHaveTextContent('GLOBAL_REPLICAS 5 → 7');
    expect(master.element().textContent).not.toContain('Jobs (count)');
  });
});

describe('CompareDialog', () => {
  it('compares the current design with another, and swapping the sides turns the changes around', async () => {
    loadDesign(after);
    const other = { text: before, settings: {}, label: 'Template: Two groups' };
    useDesigner.getState().startCompare(other);
    useDesigner.getState().setOtherAnalysis(other, analyze(before));
    const screen = await render(<CompareDialog renderDiff={() => <p>YAML diff</p>} />);
    const dialog = screen.getByRole('dialog', { name: 'Compare designs' });
    const table = dialog.getByRole('table', { name: 'Totals compared' });
    await expect.element(table).toBeVisible();
    // Precondition: old -> new, the other design on the left (A), the current one on the right.
    await expect
      .element(dialog.getByRole('columnheader', { name: 'A: Template: Two groups' }))
      .toBeInTheDocument();
    expect(useDesigner.getState().comparison?.currentFirst).toBe(false);
    expect(cellsOf(table, 'Pods')).toEqual(['5', '7', '+2']);

    // Fails if the swap did nothing. Checked: without the click on "Swap sides" this failed,
    // the row staying ['5', '7', '+2'].
    await dialog.getByRole('button', { name: 'Swap sides' }).click();
    await expect.poll(() => cellsOf(table, 'Pods')).toEqual(['7', '5', '-2']);
    expect(cellsOf(table, 'Jobs')).toEqual(['7', '5', '-2']);
    await expect.element(dialog.getByText('They run the same.')).not.toBeInTheDocument();
  });
});
