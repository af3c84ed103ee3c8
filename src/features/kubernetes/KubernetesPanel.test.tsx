// The Kubernetes view: the design as a JobSet (a replicatedJob per group, in type-name order), its
// name field (a name Kubernetes refuses is said there, and nothing can be taken away), and an
// invalid manifest's errors each a click from their place.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { render } from 'vitest-browser-react';
import { analyze } from '../../core/analyze.ts';
import { exportJobSet } from '../../core/k8s/export.ts';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { designSettings } from '../../state/slices/design.ts';
import { useDesigner } from '../../state/store.ts';
import { KubernetesPanel } from './KubernetesPanel.tsx';

/** The analysis with its JobSet, as the worker gives it while the Kubernetes view shows. */
function exportNow(): void {
  const s = useDesigner.getState();
  const analysis = analyze(s.text, designSettings(s));
  s.setAnalysis({
    version: s.version,
    analysis,
    jobset: exportJobSet(analysis, s.jobsetName),
    computeMs: 0,
  });
}

/** The app shows the YAML in a read-only editor; here, as text. */
const panel = () => (
  <KubernetesPanel
    renderYaml={(text, label) => (
      <pre aria-label={label} data-testid="jobset-yaml">
        {text}
      </pre>
    )}
  />
);

interface Manifest {
  spec: { types: Record<string, { count: number }> };
}
interface JobSet {
  kind: string;
  metadata: { name: string };
  spec: { replicatedJobs: { name: string; replicas: number }[] };
}

const main = template('platform-main');

describe('KubernetesPanel', () => {
  // Checked to fail: with the design's groups read from the two-groups template instead (the
  // JobSet of another design), the replicatedJobs (master, worker, worker-2) no longer match.
  it('shows the JobSet with a replicatedJob per group, in type-name order, with its count', async () => {
    loadDesign(main, {});
    const screen = await render(panel());
    // Precondition: no export yet, so the view waits for it.
    await expect.element(screen.getByText('Exporting…')).toBeVisible();

    exportNow();
    const yaml = screen
      .getByRole('region', { name: 'Kubernetes JobSet' })
      .getByTestId('jobset-yaml');
    await expect.element(yaml).toHaveAccessibleName('Kubernetes JobSet YAML (read-only)');
    const shown = parseYaml(yaml.element().textContent!) as JobSet;
    const types = (parseYaml(main) as Manifest).spec.types;
    expect(shown.kind).toBe('JobSet');
    expect(shown.spec.replicatedJobs.map((r) => [r.name, r.replicas])).toEqual(
      Object.keys(types)
        .sort()
        .map((name) => [name, types[name]!.count]),
    );
    // The platform's builder has no JobSet counterpart: said, not dropped silently.
    await expect
      .element(screen.getByRole('region', { name: 'Not carried over (1)' }))
      .toHaveTextContent(/builder/);
  });

  it('names the JobSet from its field; a name Kubernetes refuses is said and nothing is offered', async () => {
    loadDesign(main, {});
    exportNow();
    const screen = await render(panel());
    const name = screen.getByLabelText('JobSet name');
    const download = screen.getByRole('button', { name: 'Download' });
    // Precondition: no name of its own; the default one is the placeholder and the JobSet's.
    await expect.element(name).toHaveValue('');
    await expect.element(name).toHaveAttribute('placeholder', 'experiment');
    await expect.element(screen.getByTestId('jobset-yaml')).toHaveTextContent(/name: experiment/);

    await name.fill('lr-sweep');
    expect(useDesigner.getState().jobsetName).toBe('lr-sweep');
    exportNow();
    const shown = () =>
      parseYaml(screen.getByTestId('jobset-yaml').element().textContent!) as JobSet;
    await expect.poll(() => shown().metadata.name).toBe('lr-sweep');
    await expect.element(download).toBeEnabled();

    await name.fill('LR_sweep');
    exportNow();
    await expect.element(name).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/DNS-1035/);
    await expect.element(download).toBeDisabled();
    await expect.element(screen.getByRole('button', { name: 'Copy YAML' })).toBeDisabled();
    expect(screen.getByTestId('jobset-yaml').query()).toBeNull();
  });

  it('exports no invalid manifest, and each error is a click from its line', async () => {
    const text = main.replace('count: 5', 'count: -5');
    loadDesign(text, {});
    exportNow();
    const line = text.split('\n').findIndex((l) => l.includes('count: -5')) + 1;
    // Precondition: the manifest has exactly one error, on that line.
    const errors = useDesigner
      .getState()
      .analysis!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([line]);

    const screen = await render(panel());
    await expect
      .element(screen.getByText(/An invalid manifest is not exported/))
      .toHaveTextContent('Fix its error first');
    expect(screen.getByTestId('jobset-yaml').query()).toBeNull();
    await screen.getByRole('button', { name: `Line ${line}` }).click();
    const reveal = useDesigner.getState().reveal!;
    expect(reveal.target).toBe('yaml');
    expect(text.slice(reveal.start, reveal.end)).toBe('-5');
  });
});
