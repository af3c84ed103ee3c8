// The Resources sidebar: its figures agree with arithmetic done by hand on the YAML, the cluster a
// user types in is simulated, and the cost chart's labels all fit inside it.
// The app's styles: the chart's labels are measured at the size the app gives them.
import '../../app/app.css';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { render } from 'vitest-browser-react';
import { analyseNow, loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { ClusterPanel } from './ClusterPanel.tsx';
import { CostChart } from './CostChart.tsx';
import { GroupBreakdown } from './GroupBreakdown.tsx';
import { ResourcesPanel } from './ResourcesPanel.tsx';

const A100 = 'NVIDIA-A100-SXM4-80GB';
const sweep = template('hyperparameter-sweep');

interface Group {
  count: number;
  completions?: number;
  parallelisms?: number;
  resources?: { accelerators?: { gpu?: { count: number } } };
}

/** The figures by hand: pods = count x completions, peak = count x min(parallelisms, completions). */
function byHand(text: string) {
  const groups = Object.values(
    (parseYaml(text) as { spec: { types: Record<string, Group> } }).spec.types,
  );
  const completions = (g: Group) => g.completions ?? 1;
  const atOnce = (g: Group) => g.count * Math.min(g.parallelisms ?? 1, completions(g));
  return {
    pods: groups.reduce((n, g) => n + g.count * completions(g), 0),
    peakGpus: groups.reduce(
      (n, g) => n + atOnce(g) * (g.resources?.accelerators?.gpu?.count ?? 0),
      0,
    ),
  };
}

/** A cell's whole text: 16 is not 160. */
const exactly = (n: number) => new RegExp(`^${n}$`);

describe('ResourcesPanel', () => {
  // Checked to fail: with the figures by hand taken from the sweep at `count: 15` (one trial fewer
  // than the design shown), Total pods reads 16, not 15.
  it('shows the hyperparameter sweep at 16 pods and a peak of 16 GPUs, as the YAML says', async () => {
    loadDesign(sweep, {});
    const want = byHand(sweep);
    // Precondition: by hand, 16 one-GPU trials.
    expect(want).toEqual({ pods: 16, peakGpus: 16 });
    const screen = await render(<ResourcesPanel />);
    const table = screen.getByRole('table', { name: 'Resources' });
    const cell = (label: string) =>
      table
        .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}(\\s|$)`) })
        .getByRole('cell');
    await expect.element(cell('Total pods')).toHaveTextContent(exactly(want.pods));
    await expect.element(cell('Peak GPUs')).toHaveTextContent(exactly(want.peakGpus));
    await expect.element(cell(`Peak GPUs: ${A100}`)).toHaveTextContent(exactly(want.peakGpus));
    // One wave of 1 h pods.
    await expect.element(cell('Makespan (h)')).toHaveTextContent(exactly(1));
  });
});

describe('ClusterPanel', () => {
  it('simulates 16 one-GPU trials on 4 free GPUs: 4 h, against 1 h unlimited', async () => {
    loadDesign(sweep, {});
    const screen = await render(<ClusterPanel />);
    await screen.getByText('Your cluster').click();
    const gpus = screen.getByLabelText(`Free GPUs: ${A100}`);
    // Precondition: no capacity set, so nothing is simulated.
    await expect.element(gpus).toHaveValue(null);
    expect(screen.getByRole('group', { name: 'Simulated run' }).query()).toBeNull();

    await gpus.fill('4');
    expect(useDesigner.getState().capacity).toEqual({ gpus: { [A100]: 4 } });
    analyseNow();
    const sim = screen.getByRole('group', { name: 'Simulated run' });
    await expect
      .element(sim)
      .toHaveTextContent('On this cluster the design runs 4 h (unlimited: 1 h)');
    // 12 of the 16 trials wait for a GPU.
    await expect.element(sim.getByRole('row', { name: /trial/ })).toHaveTextContent(/12 pods/);
    await expect
      .element(screen.getByRole('img', { name: /\$ per hour over 4 hours/ }))
      .toBeVisible();
  });
});

/** The labels of a chart that reach past its left or right edge (as drawn, in the page). */
function labelsOutside(svg: Element): (string | null)[] {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].flatMap((t) => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 0.5 || r.right > box.right + 0.5 ? [t.textContent] : [];
  });
}

describe('CostChart', () => {
  // Checked to fail: with the "25h" label anchored at its middle before the first measure (the
  // cut label of before), the labels outside are ['25h'].
  it('keeps every axis label inside the chart, the last time label at the right edge too', async () => {
    loadDesign(sweep.replace('count: 16', 'count: 100'), { capacity: { gpus: { [A100]: 4 } } });
    const sim = useDesigner.getState().analysis!.schedule!.simulated!;
    // Precondition: 100 trials 4 at a time take 25 h, so a time label sits at the right edge.
    expect(sim.makespan).toBe(25);
    const screen = await render(<CostChart series={sim.series} span={sim.makespan!} />);
    const chart = screen.getByRole('img', { name: /\$ per hour over 25 hours/ });
    await expect.element(chart).toBeVisible();
    const svg = chart.element();
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain('25h');
    expect(labelsOutside(svg)).toEqual([]);

    // The same for the GPUs in use.
    await screen.getByRole('button', { name: 'GPUs' }).click();
    await expect
      .element(screen.getByRole('img', { name: /GPUs in use over 25 hours, peak 4/ }))
      .toBeVisible();
    expect(labelsOutside(svg)).toEqual([]);
  });
});

describe('GroupBreakdown', () => {
  it("puts each group's own figures in its table, whatever order the lists come in", async () => {
    loadDesign(template('two-groups'));
    const a = useDesigner.getState().analysis!;
    const usage = a.usage!;
    const expansion = a.expansion!;
    expect(expansion.groups.map((g) => g.name)).toEqual(['master', 'worker']);
    const jobs = Object.fromEntries(expansion.groups.map((g) => [g.name, g.count]));
    expect(jobs.master).not.toBe(jobs.worker);
    // The usage in another order than the figures (before, the tables paired them by place).
    const reversed = { ...usage, groups: [...usage.groups].reverse() };
    const screen = await render(<GroupBreakdown usage={reversed} expansion={expansion} />);
    await screen.getByText('Per group').click();
    for (const name of ['master', 'worker']) {
      const table = screen.getByRole('table', { name: `Figures of ${name}` });
      await expect.element(table).toBeVisible();
      const row = table.getByRole('row', { name: /^Jobs/ });
      await expect.element(row).toHaveTextContent(String(jobs[name]));
    }
  });
});
