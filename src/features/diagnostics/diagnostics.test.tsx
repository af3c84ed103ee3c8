// The problems of a design as a user reads them: errors before warnings whatever their lines,
// a filter per severity that says how many there are, and the header's "Validation" pill.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { ValidationStatus } from './ValidationStatus.tsx';

/**
 * A design with one error on a later line than a warning, and a second warning after it: a
 * partly empty last wave (said at `parallelisms: 4`), a negative count, and parallelisms above
 * completions. No info.
 */
const design =
  template('sequential-batch').replace('completions: 100', 'completions: 101') +
  [
    '    extra:',
    '      count: -1',
    '      resources:',
    '        cpus: 1',
    '        ramRatio: 2',
    '    over:',
    '      count: 1',
    '      completions: 2',
    '      parallelisms: 3',
    '      resources:',
    '        cpus: 1',
    '        ramRatio: 2',
    '',
  ].join('\n');

/** The 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const severities = (items: readonly Element[]) =>
  items.map((li) => li.querySelector('.severity')?.textContent);

describe('ProblemsList', () => {
  // Checked to fail: with the listed items put back in line order before the assertion (what the
  // list shows without its sort by severity), the severities read warning, error, warning.
  it('lists the error first, before a warning on an earlier line', async () => {
    loadDesign(design, {});
    // Precondition: in the text, and so in the core's line order, a warning comes first.
    const errorLine = lineOf(design, 'count: -1');
    const warningLine = lineOf(design, 'parallelisms: 4');
    expect(warningLine).toBeLessThan(errorLine);
    expect(useDesigner.getState().analysis!.diagnostics.map((d) => d.severity)).toEqual([
      'warning',
      'error',
      'warning',
    ]);

    const screen = await render(<ProblemsList />);
    const list = screen.getByRole('list', { name: 'Problems' });
    await expect.element(list).toBeVisible();
    const items = list.getByRole('listitem').elements();
    expect(severities(items)).toEqual(['error', 'warning', 'warning']);
    // The error says where it is (line:column) and what is wrong.
    expect(items[0]!.textContent).toMatch(new RegExp(`^${errorLine}:\\d+ error`));
    expect(items[0]!.textContent).toContain('It is -1');
    expect(items[1]!.textContent).toMatch(new RegExp(`^${warningLine}:`));
  });

  it('has a filter per severity with its count; each shows only its kind', async () => {
    loadDesign(design, {});
    const screen = await render(<ProblemsList />);
    const filters = screen.getByRole('group', { name: 'Show problems' });
    const all = filters.getByRole('button', { name: 'All (3)' });
    const errors = filters.getByRole('button', { name: 'Errors (1)' });
    const warnings = filters.getByRole('button', { name: 'Warnings (2)' });
    await expect.element(filters.getByRole('button', { name: 'Info (0)' })).toBeVisible();
    // Precondition: everything is shown, and All says so.
    await expect.element(all).toHaveAttribute('aria-pressed', 'true');
    const list = screen.getByRole('list', { name: 'Problems' });
    expect(list.getByRole('listitem').elements()).toHaveLength(3);

    await warnings.click();
    await expect.element(warnings).toHaveAttribute('aria-pressed', 'true');
    await expect.element(all).toHaveAttribute('aria-pressed', 'false');
    expect(severities(list.getByRole('listitem').elements())).toEqual(['warning', 'warning']);

    await errors.click();
    await expect.element(errors).toHaveAttribute('aria-pressed', 'true');
    expect(severities(list.getByRole('listitem').elements())).toEqual(['error']);
  });
});

describe('ValidationStatus', () => {
  it('says "Valid" with its counts for a clean design, "Invalid" with them otherwise', async () => {
    loadDesign(template('two-groups'), {});
    // Precondition: the core finds neither an error nor a warning in the template.
    const found = useDesigner.getState().analysis!.diagnostics;
    expect(found.filter((d) => d.severity !== 'info')).toEqual([]);
    const screen = await render(<ValidationStatus />);
    const status = screen.getByRole('status', { name: 'Validation' });
    await expect.element(status).toHaveTextContent('Valid: 0 errors, 0 warnings');

    loadDesign(design, {});
    await expect.element(status).toHaveTextContent('Invalid: 1 error, 2 warnings');
    await expect.element(status).toHaveAttribute('aria-busy', 'false');
  });

  it('opens the list of problems from the pill, and says it is checking while stale', async () => {
    loadDesign(design, {});
    const screen = await render(<ValidationStatus />);
    const pill = screen.getByRole('button', { name: 'Validation' });
    // Precondition: closed.
    await expect.element(pill).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('dialog', { name: 'Problems' }).query()).toBeNull();
    await pill.click();
    const problems = screen.getByRole('dialog', { name: 'Problems' });
    await expect.element(problems).toBeVisible();
    await expect
      .element(problems.getByRole('list', { name: 'Problems' }).getByRole('listitem').first())
      .toHaveTextContent(/error.*It is -1/);

    // An edit not yet analysed: the figures shown are of the text before it.
    useDesigner.getState().commit(design.replace('count: -1', 'count: 1'), { origin: 'yaml' });
    await expect
      .element(screen.getByRole('status', { name: 'Validation' }))
      .toHaveAttribute('aria-busy', 'true');
  });
});
