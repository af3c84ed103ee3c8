/**
 * "Your cluster": the free capacity the user has and which groups must run synchronously (design
 * settings), the simulated run on it, and what it found (cluster findings, with their fixes).
 */
import { lazy, Suspense, useState } from 'react';
import { NEVER_FINISHES, productOf, type SimGroup, type GroupFigures } from '../../core/ui.ts';
import type { Capacity } from '../../core/settings.ts';
import { formatNumber } from '../../ui/format.ts';
import { useDesigner } from '../../state/store.ts';
import { useApplyFix } from '../../state/fixes.ts';
import { selectClusterFindings, selectExpansion, selectSchedule } from '../../state/selectors.ts';
import { LintList } from '../../ui/LintList.tsx';
import { getOwn, putOwn } from '../../core/own.ts';

// The chart's D3 shapes load with the first simulated run, not with the page.
const CostChart = lazy(() => import('./CostChart.tsx').then((m) => ({ default: m.CostChart })));

export function ClusterPanel() {
  const applyFix = useApplyFix();
  const expansion = useDesigner(selectExpansion);
  const capacity = useDesigner((s) => s.capacity);
  const setCapacity = useDesigner((s) => s.setCapacity);
  const synchronous = useDesigner((s) => s.synchronous);
  const setSynchronous = useDesigner((s) => s.setSynchronous);
  const schedule = useDesigner(selectSchedule);
  const findings = useDesigner(selectClusterFindings);
  const [open, setOpen] = useState(capacity !== null);
  if (!expansion || !schedule) return null;
  const sim = schedule.simulated;
  const products = [...new Set(expansion.groups.filter((g) => g.pod.gpus).map(productOf))];
  const cap: Capacity = capacity ?? {};
  /** Merges a change; a field set to undefined is removed (unlimited). */
  const set = (patch: { [K in keyof Capacity]?: Capacity[K] | undefined }) => {
    const next: Record<string, unknown> = { ...cap, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setCapacity(Object.keys(next).length ? (next as Capacity) : null);
  };
  const num = (v: string) => (v.trim() === '' ? undefined : Math.max(0, Number(v)));
  const figures = new Map(expansion.groups.map((g) => [g.name, g]));
  return (
    <details className="cluster" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Your cluster</summary>
      {open && (
        <>
          <p className="note">
            Free capacity; leave a field empty for unlimited. What-if settings: they never change
            the manifest.
          </p>
          <div className="settings-grid">
            <label>
              Free CPUs
              <input
                type="number"
                min="0"
                value={cap.cpus ?? ''}
                onChange={(e) => set({ cpus: num(e.target.value) })}
              />
            </label>
            <label>
              Free RAM (GB)
              <input
                type="number"
                min="0"
                value={cap.ramGB ?? ''}
                onChange={(e) => set({ ramGB: num(e.target.value) })}
              />
            </label>
            {products.map((p) => (
              <label key={p}>
                Free GPUs: {p}
                <input
                  type="number"
                  min="0"
                  value={getOwn(cap.gpus ?? {}, p) ?? ''}
                  onChange={(e) => {
                    const gpus: Record<string, number> = { ...cap.gpus };
                    const n = num(e.target.value);
                    if (n === undefined) delete gpus[p];
                    else putOwn(gpus, p, n);
                    set({ gpus: Object.keys(gpus).length ? gpus : undefined });
                  }}
                />
              </label>
            ))}
          </div>
          <fieldset className="sync">
            <legend>Runs synchronously (all pods must be up)</legend>
            {expansion.groups.map((g) => (
              <label key={g.name}>
                <input
                  type="checkbox"
                  checked={synchronous.includes(g.name)}
                  onChange={(e) => setSynchronous(g.name, e.target.checked)}
                />{' '}
                {g.name}
              </label>
            ))}
          </fieldset>
          {schedule.tooLargeToSimulate && (
            <p className="note stale">
              This design is too large to simulate here (more than a million batches of pods).
            </p>
          )}
          {sim && (
            <div className="simulation" aria-label="Simulated run" role="group">
              <p>
                On this cluster the design{' '}
                <strong>
                  {sim.makespan === null ? NEVER_FINISHES : `runs ${formatNumber(sim.makespan)} h`}
                </strong>{' '}
                (unlimited: {formatNumber(sim.idealMakespan)} h).
              </p>
              <LintList items={findings} label="Cluster findings" onFix={applyFix} />
              <table aria-label="Simulated groups">
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col">Ends (h)</th>
                    <th scope="col">Waits</th>
                  </tr>
                </thead>
                <tbody>
                  {sim.groups.map((g) => (
                    <tr key={g.name}>
                      <th scope="row">{g.name}</th>
                      <td>{endText(g)}</td>
                      <td title={`${formatNumber(g.waitingPodHours)} pod-hours of waiting`}>
                        {waitText(g, figures.get(g.name))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Suspense fallback={<p className="note">Loading the chart…</p>}>
                <CostChart
                  series={sim.series}
                  span={Math.max(sim.makespan ?? 0, sim.idealMakespan)}
                />
              </Suspense>
            </div>
          )}
        </>
      )}
    </details>
  );
}

function endText(g: SimGroup): string {
  if (g.synchronous?.canNeverStart || (g.neverStarts && g.firstStart === null))
    return 'never starts';
  if (g.end === null) return NEVER_FINISHES;
  return formatNumber(g.end);
}

function waitText(g: SimGroup, f: GroupFigures | undefined): string {
  const pods = f?.pods ?? 0;
  if (g.synchronous?.canNeverStart) return `all ${formatNumber(pods)} pods, forever`;
  if (g.neverStarts) return 'some pods, forever';
  if (g.synchronous && g.synchronous.idlePodHours > 0) {
    return `${formatNumber(g.synchronous.idlePodHours)} pod-hours idle`;
  }
  return g.delayedPods ? `${formatNumber(g.delayedPods)} pods` : 'none';
}
