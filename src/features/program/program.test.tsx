// The "Program" view: the two Python files generated for the design, one shown at a time, and a
// group's sweep, whose axes become a design setting and write the count the grid decides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { analyseEachChange, loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { ProgramPanel } from './ProgramPanel.tsx';

/** The code as the app shows it (read-only Monaco there), here as plain text. */
const renderCode = (text: string, label: string) => <pre aria-label={label}>{text}</pre>;

async function renderProgram() {
  const screen = await render(<ProgramPanel renderCode={renderCode} />);
  const files = screen.getByRole('group', { name: 'Files' });
  await expect.element(files).toBeVisible();
  return { screen, files };
}

const state = () => useDesigner.getState();
const workerCount = () => /\n {4}worker:\n {6}count: (\d+)\n/.exec(state().text)?.[1];

describe('ProgramPanel', () => {
  it('shows the generated files, jobset_env.py first, then the script the command runs', async () => {
    loadDesign(template('platform-main')); // command: python3 -u main.py
    const { screen, files } = await renderProgram();
    const env = files.getByRole('button', { name: 'jobset_env.py', exact: true });
    const main = files.getByRole('button', { name: 'main.py', exact: true });
    // Precondition: jobset_env.py is the file shown, and it is not main.py.
    await expect.element(env).toHaveAttribute('aria-pressed', 'true');
    await expect.element(main).toHaveAttribute('aria-pressed', 'false');
    const shownEnv = screen.getByLabelText('jobset_env.py (read-only)');
    await expect.element(shownEnv).toHaveTextContent('def wait_for_peers(');
    await expect
      .element(screen.getByTestId('program-script'))
      .toHaveTextContent('Your command runs main.py: save both files in that folder.');

    // Would fail if the file buttons did not switch the code shown, or a group had no function.
    await main.click();
    await expect.element(main).toHaveAttribute('aria-pressed', 'true');
    const shownMain = screen.getByLabelText('main.py (read-only)');
    for (const fn of ['run_master', 'run_worker', 'run_worker_2']) {
      await expect.element(shownMain).toHaveTextContent(`def ${fn}():`);
    }
    await expect
      .element(files.getByRole('button', { name: 'Download main.py' }))
      .toBeInTheDocument();
  });
});

describe('SweepEditor', () => {
  // The count a sweep needs is written from the figures of the text as it is: as in the app,
  // each change is analysed a moment later (the worker's part).
  let stop = () => {};
  beforeEach(() => {
    stop = analyseEachChange();
  });
  afterEach(() => stop());
  it('adds a sweep to a group: its values become the sweep setting and the count', async () => {
    loadDesign(template('platform-main'));
    const { screen } = await renderProgram();
    await screen.getByLabelText('Group').selectOptions('worker');
    // Precondition: no sweep yet, five workers.
    expect(state().sweeps).toEqual({});
    expect(workerCount()).toBe('5');

    await screen.getByRole('button', { name: 'Add a sweep to worker' }).click();
    const sweep = screen.getByRole('group', { name: 'Sweep of worker' });
    const values = sweep
      .getByRole('group', { name: 'Axis 1' })
      .getByLabelText('Values, separated by commas');
    await values.fill('0.1, 0.01, 0.001');
    await userEvent.keyboard('{Enter}'); // applies at once, as leaving the field does
    await expect
      .element(sweep.getByRole('status'))
      .toHaveTextContent('3 points: count follows the grid.');
    // Would fail if the values never reached the store, or the count were not written.
    await expect
      .poll(() => state().sweeps.worker)
      .toEqual({
        index: 'JOB_INDEX',
        axes: [{ name: 'lr', values: { kind: 'list', values: [0.1, 0.01, 0.001] } }],
      });
    await expect.poll(workerCount).toBe('3');
  });

  it('adds an axis: the grid is the product of the axes, and the count follows it', async () => {
    const lr = { name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01, 0.001] } };
    const text = template('platform-main').replace(
      '    worker:\n      count: 5',
      '    worker:\n      count: 3',
    );
    loadDesign(text, { sweeps: { worker: { index: 'JOB_INDEX', axes: [lr] } } });
    const { screen } = await renderProgram();
    await screen.getByLabelText('Group').selectOptions('worker');
    const sweep = screen.getByRole('group', { name: 'Sweep of worker' });
    // Precondition: one axis of three values, three workers.
    await expect
      .element(sweep.getByRole('status'))
      .toHaveTextContent('3 points: count follows the grid.');
    expect(workerCount()).toBe('3');

    await sweep.getByRole('button', { name: 'Add an axis' }).click();
    const axis2 = sweep.getByRole('group', { name: 'Axis 2' });
    await axis2.getByLabelText('Name').fill('batch');
    await axis2.getByLabelText('Values', { exact: true }).selectOptions('linear');
    await axis2.getByLabelText('from').fill('32');
    await axis2.getByLabelText('to').fill('64');
    await axis2.getByLabelText('points').fill('2');
    // Checked: with the axis given 3 points, the status said 9 points and this failed.
    await expect
      .element(sweep.getByRole('status'))
      .toHaveTextContent('6 points: count follows the grid.');
    await expect
      .poll(() => state().sweeps.worker?.axes)
      .toEqual([
        lr,
        { name: 'batch', values: { kind: 'range', scale: 'linear', from: 32, to: 64, points: 2 } },
      ]);
    await expect.poll(workerCount).toBe('6');
  });
});
