// The list of findings with their fixes: each finding in its words, each fix a button that
// hands the fix back, and nothing when there is nothing to say.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import type { Diagnostic } from '../core/ui.ts';
import { LintList } from './LintList.tsx';

const finding = (message: string, fixes: Diagnostic['fixes'] = []): Diagnostic => ({
  severity: 'warning',
  code: 'partial-last-wave',
  message,
  path: [],
  start: 0,
  end: 0,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fixes,
});

describe('LintList', () => {
  it('lists findings by their words and hands back the fix a button names', async () => {
    const onFix = vi.fn();
    const fix = { title: 'Set parallelisms to 4', edits: [] } as unknown as NonNullable<
      Diagnostic['fixes']
    >[number];
    const screen = await render(
      <LintList
        items={[finding('Pods idle', [fix]), finding('Peak over')]}
        label="Findings"
        onFix={onFix}
      />,
    );
    const list = screen.getByRole('list', { name: 'Findings' });
    await expect.element(list).toBeVisible();
    expect(screen.getByRole('listitem').elements()).toHaveLength(2);
    await expect.element(screen.getByText('Peak over')).toBeVisible();
    await screen.getByRole('button', { name: 'Set parallelisms to 4' }).click();
    expect(onFix).toHaveBeenCalledWith(fix);
  });

  it('given where to go, says where each finding is and goes there, with the same fixes', async () => {
    const onFix = vi.fn();
    const go = vi.fn();
    const fix = { title: 'Set parallelisms to 4', edits: [] } as unknown as NonNullable<
      Diagnostic['fixes']
    >[number];
    const inForm = { ...finding('Pods idle', [fix]), path: ['spec', 'types', 'w'], line: 7 };
    const yamlOnly = { ...finding('Peak over'), line: 9, column: 3 };
    const screen = await render(
      <LintList
        items={[inForm, yamlOnly]}
        label="Problems"
        onFix={onFix}
        locate={{
          inForm: (path) => path.length > 0,
          preferred: () => 'yaml',
          go,
        }}
      />,
    );
    const items = screen.getByRole('listitem').elements();
    // Precondition: both lines are there, each with its place, severity and code.
    expect(items).toHaveLength(2);
    expect(items[1]!.textContent).toMatch(/^9:3 warning partial-last-wave Peak over/);
    // Only the finding whose field the form has offers "Show in form".
    expect(screen.getByRole('button', { name: 'Show in form' }).elements()).toHaveLength(1);
    await screen.getByRole('button', { name: 'Show in form' }).click();
    expect(go).toHaveBeenLastCalledWith(inForm, 'form');
    await screen.getByRole('button', { name: /^9:3/ }).click();
    expect(go).toHaveBeenLastCalledWith(yamlOnly, 'yaml');
    await screen.getByRole('button', { name: 'Set parallelisms to 4' }).click();
    expect(onFix).toHaveBeenCalledWith(fix);
  });

  it('says nothing when there is nothing to say', async () => {
    const screen = await render(<LintList items={[]} label="Findings" onFix={() => {}} />);
    expect(screen.container.querySelector('ul')).toBeNull();
  });
});
