/**
 * "Your cluster": the free capacity the user has, and the schedule the worker simulates on it
 * (pods queue when resources run out; synchronous groups that cannot all be up are flagged).
 */
import { productOf } from '../../core/jobset/expand.ts';
import type { Capacity } from '../../core/settings.ts';
import { formatNumber } from '../../app/format.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { CostChart } from './CostChart.tsx';

export function ClusterPanel() {
  const expansion = useDesigner(selectExpansion);
  const capacity = useDesigner((s) => s.capacity);
  const setCapacity = useDesigner((s) => s.setCapacity);
  const synchronous = useDesigner((s) => s.synchronous);
  const setSynchronous = useDesigner((s) => s.setSynchronous);
  const sim = useDesigner((s) => s.analysis?.simulation ?? null);
  if (!expansion) return null;
  const products = [...new Set(expansion.groups.filter((g) => g.pod.gpus).map(productOf))];
  const cap: Capacity = capacity ?? {};
  /** Merges a change; a field set to undefined is removed (unlimited). */
  const set = (patch: { [K in keyof Capacity]?: Capacity[K] | undefined }) => {
    const next: Record<string, unknown> = { ...cap, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setCapacity(Object.keys(next).length ? (next as Capacity) : null);
  };
  const num = (v: string) => (v.trim() === '' ? undefined : Math.max(0, Number(v)));
  return (
    <details className="cluster" open={capacity !== null}>
      <summary>Your cluster</summary>
      <p className="note">Free capacity; leave a field empty for unlimited.</p>
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
              value={cap.gpus?.[p] ?? ''}
              onChange={(e) => {
                const gpus: Record<string, number> = { ...cap.gpus };
                const n = num(e.target.value);
                if (n === undefined) delete gpus[p];
                else gpus[p] = n;
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
      {capacity !== null && !sim && (
        <p className="note stale">
          This design is too large to simulate here (more than a million batches of pods).
        </p>
      )}
      {sim && (
        <div className="simulation" aria-label="Simulated schedule" role="group">
          <p>
            On this cluster the design runs{' '}
            <strong>
              {sim.makespan === null ? 'never to the end' : `${formatNumber(sim.makespan)} h`}
            </strong>{' '}
            (unlimited: {formatNumber(sim.idealMakespan)} h).
          </p>
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
                  <td>{g.neverStarts ? 'never' : formatNumber(g.end)}</td>
                  <td title={`${formatNumber(g.waitingPodHours)} pod-hours of waiting`}>
                    {g.delayedPods ? `${formatNumber(g.delayedPods)} pods` : 'none'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <CostChart series={sim.series} />
        </div>
      )}
    </details>
  );
}
