/**
 * The cluster's free capacity, as the user gives it: CPUs, RAM and GPUs of each product the
 * design asks for. A field left empty is unlimited (its key is removed); no field set at all is
 * no capacity (the run is the unlimited one). What-if settings: they never change the manifest.
 */
import type { Capacity } from '../../core/settings.ts';
import { getOwn, putOwn } from '../../core/own.ts';
import { useDesigner } from '../../state/store.ts';

/** A field's figure: empty for unlimited, never below 0. */
const num = (v: string) => (v.trim() === '' ? undefined : Math.max(0, Number(v)));

export function CapacityFields({ products }: { products: readonly string[] }) {
  const capacity = useDesigner((s) => s.capacity);
  const setCapacity = useDesigner((s) => s.setCapacity);
  const cap: Capacity = capacity ?? {};
  /** Merges a change; a field set to undefined is removed (unlimited). */
  const set = (patch: { [K in keyof Capacity]?: Capacity[K] | undefined }) => {
    const next: Record<string, unknown> = { ...cap, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setCapacity(Object.keys(next).length ? (next as Capacity) : null);
  };
  return (
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
  );
}
