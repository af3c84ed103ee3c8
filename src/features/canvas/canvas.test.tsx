// The canvas's text views, as a user reads them: the table view of every pod (its name first,
// then a sweep's parameters, then its indices) and the details of the pod a click selects (the
// six variables the platform injects), checked against figures computed here from the YAML.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { parse } from 'yaml';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { GroupTable } from './GroupTable.tsx';
import { PodDetails } from './PodDetails.tsx';
import { TableView } from './TableView.tsx';

/** The table view as the canvas renders it: every group of the analysed design. */
function Table() {
  const analysis = useDesigner((s) => s.analysis);
  const expansion = analysis?.expansion;
  const plan = analysis?.schedule?.plan;
  if (!expansion || !plan) return null;
  return <TableView expansion={expansion} plan={plan} groups={expansion.groups} />;
}

/** Each group's Jobs (`count`, 1 when absent), read from the YAML text without the core. */
function countsOf(text: string): Map<string, number> {
  const types = (parse(text) as { spec: { types: Record<string, { count?: number }> } }).spec.types;
  return new Map(Object.entries(types).map(([name, g]) => [name, g.count ?? 1]));
}

beforeEach(() => {
  useDesigner.getState().select(null);
});

describe('TableView', () => {
  it('lists every trial of the sweep template, the pod name in the first column', async () => {
    loadDesign(template('hyperparameter-sweep'));
    // Precondition: the template has 16 trials of one pod each.
    expect(countsOf(template('hyperparameter-sweep')).get('trial')).toBe(16);
    const screen = await render(<Table />);
    const table = screen.getByRole('table', { name: 'Pods of trial' });
    await expect.element(table).toBeVisible();
    await expect.element(table.getByText('trial: 16 pods')).toBeVisible();
    const heads = table.getByRole('columnheader').elements();
    expect(heads.map((h) => h.textContent)).toEqual([
      'Pod',
      'JOB_INDEX',
      'JOB_COMPLETION_INDEX',
      'JOB_GLOBAL_INDEX',
      'Wave',
      'Start (h)',
      'End (h)',
    ]);
    // Would fail if the table drew no rows, or skipped or misnamed a pod.
    const names = table.getByRole('rowheader').elements();
    expect(names.map((n) => n.textContent)).toEqual(
      Array.from({ length: 16 }, (_, j) => `trial-${j}-0`),
    );
    // A trial's own indices: Job 5's pod, JOB_INDEX 5, and the only group so global index 5.
    const cells = table.getByRole('row', { name: /^trial-5-0 / }).getByRole('cell');
    await expect.element(cells.nth(0)).toHaveTextContent('5');
    await expect.element(cells.nth(1)).toHaveTextContent('0');
    await expect.element(cells.nth(2)).toHaveTextContent('5');
  });

  it('puts a sweep’s parameters right after the pod name, each pod with its point', async () => {
    const text = template('hyperparameter-sweep').replace('count: 16', 'count: 3');
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01, 0.001] } }],
    };
    // Precondition: without the sweep there is no `lr` column.
    loadDesign(text);
    const screen = await render(<Table />);
    const table = screen.getByRole('table', { name: 'Pods of trial' });
    await expect.element(table).toBeVisible();
    expect(table.getByRole('columnheader', { name: 'lr' }).elements()).toHaveLength(0);

    // Would fail if the sweep's columns were not drawn (the precondition shows none without it).
    loadDesign(text, { sweeps: { trial: sweep } });
    await expect.element(table.getByRole('columnheader', { name: 'lr' })).toBeVisible();
    const heads = table.getByRole('columnheader').elements();
    expect(heads.slice(0, 3).map((h) => h.textContent)).toEqual(['Pod', 'lr', 'JOB_INDEX']);
    // Job j takes value j of the list (one axis, JOB_INDEX).
    for (const [j, lr] of ['0.1', '0.01', '0.001'].entries()) {
      const cells = table
        .getByRole('row', { name: new RegExp(`^trial-${j}-0 `) })
        .getByRole('cell');
      await expect.element(cells.nth(0)).toHaveTextContent(lr);
    }
  });
});

describe('GroupTable', () => {
  it('gives each group its Jobs and its range of JOB_GLOBAL_INDEX in name order', async () => {
    const text = template('platform-main');
    loadDesign(text);
    const counts = countsOf(text);
    // Precondition: three groups, of 1, 5 and 1 Jobs.
    expect([...counts]).toEqual([
      ['master', 1],
      ['worker', 5],
      ['worker-2', 1],
    ]);
    const screen = await render(<GroupTable />);
    const table = screen.getByRole('table', { name: 'Job groups' });
    await expect.element(table).toBeVisible();
    // Ranges computed here: groups sorted by name, each starting after the Jobs before it.
    let start = 0;
    for (const name of [...counts.keys()].sort()) {
      const n = counts.get(name)!;
      const range = n === 1 ? String(start) : `${start}–${start + n - 1}`;
      const cells = table.getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell');
      await expect.element(cells.nth(0)).toHaveTextContent(String(n));
      await expect.element(cells.nth(6)).toHaveTextContent(range);
      start += n;
    }
  });
});

describe('PodDetails', () => {
  it('shows the six injected variables of the selected pod, indices across groups', async () => {
    const text = template('platform-main');
    loadDesign(text);
    const screen = await render(<PodDetails />);
    // Precondition: nothing is shown until a pod is selected with its details asked for.
    expect(screen.container.querySelector('.pod-details')).toBeNull();

    useDesigner.getState().select({ group: 'worker', job: 3, pod: 0 }, true);
    const details = screen.getByRole('region', { name: 'Pod details' });
    await expect.element(details.getByText('worker-3-0', { exact: true })).toBeVisible();

    // The expected values, computed here from the YAML: JOB_GLOBAL_INDEX is the Jobs of the
    // groups before `worker` in name order, plus its Job index; GLOBAL_REPLICAS all the Jobs.
    const counts = countsOf(text);
    const before = [...counts.keys()]
      .sort()
      .filter((name) => name < 'worker')
      .reduce((n, name) => n + counts.get(name)!, 0);
    const expected: Record<string, string> = {
      JOB_INDEX: '3',
      JOB_COMPLETION_INDEX: '0',
      JOB_GLOBAL_INDEX: String(before + 3),
      GLOBAL_REPLICAS: String([...counts.values()].reduce((a, b) => a + b, 0)),
      REPLICATED_JOB_NAME: 'worker',
      REPLICATED_JOB_REPLICAS: String(counts.get('worker')),
    };
    expect(expected.JOB_GLOBAL_INDEX).toBe('4'); // master's one Job, then worker 3
    // Fails if a variable were missing or wrong. Checked: with JOB_GLOBAL_INDEX expected as the
    // Job index alone ('3', the groups before ignored) this failed, receiving '4'.
    const env = details.getByRole('table', { name: 'Injected variables' });
    const rows = env.getByRole('row').elements();
    expect(
      Object.fromEntries(
        rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]),
      ),
    ).toEqual(expected);
  });
});
