/**
 * What differs between two designs' settings: the what-ifs the figures do not show by
 * themselves (a sweep's axes and mapping, synchronous groups) and those they do (pod durations,
 * the cluster, prices), and the JobSet name. Each as the words the views use, A then B.
 */
import { byCodePoint } from '../jobset/names.ts';
import { figure } from '../format.ts';
import { EXAMPLE_PRICES, type Capacity, type DesignSettings, type Prices } from '../settings.ts';
import { getOwn } from '../own.ts';
import { type AxisValues, type Sweep } from '../sweep/sweep.ts';

export interface SettingChange {
  /** Stable key: `sweep:trial`, `duration:worker`, `cluster`, `prices`, ... */
  readonly key: string;
  readonly label: string;
  /** The setting on each side, in words; null where the side does not set it. */
  readonly a: string | null;
  readonly b: string | null;
}

export function compareSettings(a: DesignSettings, b: DesignSettings): SettingChange[] {
  const out: SettingChange[] = [];
  const push = (key: string, label: string, x: string | null, y: string | null) => {
    if (x !== y) out.push({ key, label, a: x, b: y });
  };
  const groups = (pick: (s: DesignSettings) => object | undefined) =>
    [...new Set([...Object.keys(pick(a) ?? {}), ...Object.keys(pick(b) ?? {})])].sort(byCodePoint);
  for (const g of groups((s) => s.sweeps)) {
    const sweep = (s: DesignSettings) => {
      const x = getOwn(s.sweeps ?? {}, g);
      return x ? sweepText(x) : null;
    };
    push(`sweep:${g}`, `Sweep of "${g}"`, sweep(a), sweep(b));
  }
  for (const g of groups((s) => s.durations)) {
    const hours = (s: DesignSettings) => {
      const d = getOwn(s.durations ?? {}, g);
      return d === undefined ? null : `${figure(d)} h`;
    };
    push(`duration:${g}`, `Pod duration of "${g}"`, hours(a), hours(b));
  }
  const sync = [...new Set([...(a.synchronous ?? []), ...(b.synchronous ?? [])])].sort(byCodePoint);
  for (const g of sync) {
    const on = (s: DesignSettings) => ((s.synchronous ?? []).includes(g) ? 'yes' : null);
    push(`synchronous:${g}`, `"${g}" runs synchronously`, on(a), on(b));
  }
  push(
    'cluster',
    'Your cluster',
    capacityText(a.capacity ?? null),
    capacityText(b.capacity ?? null),
  );
  push('prices', 'Prices', pricesText(a.prices), pricesText(b.prices));
  push('jobsetName', 'JobSet name', a.jobsetName || null, b.jobsetName || null);
  return out;
}

/** `lr: 0.1, 0.01 × batch: 32 to 64, 2 points (linear); by JOB_INDEX`. */
export function sweepText(s: Sweep): string {
  const axes = s.axes.map((x) => `${x.name.trim() || '(no name)'}: ${valuesText(x.values)}`);
  return `${axes.join(' × ') || 'no axis'}; by ${s.index}`;
}

function valuesText(v: AxisValues): string {
  if (v.kind === 'list') return v.values.length ? v.values.join(', ') : 'no values';
  return `${v.from} to ${v.to}, ${v.points} point${v.points === 1 ? '' : 's'} (${v.scale})`;
}

function capacityText(c: Capacity | null): string | null {
  if (!c) return null;
  const parts = [
    c.cpus !== undefined ? `${figure(c.cpus)} CPUs` : null,
    c.ramGB !== undefined ? `${figure(c.ramGB)} GB` : null,
    ...Object.entries(c.gpus ?? {})
      .sort(([p], [q]) => byCodePoint(p, q))
      .map(([p, n]) => `${figure(n)} ${p}`),
  ].filter((x): x is string => x !== null);
  return parts.length ? `${parts.join(', ')} free` : 'unlimited';
}

function pricesText(p: Prices | undefined): string | null {
  const q = p ?? EXAMPLE_PRICES;
  const gpus = Object.entries(q.gpuHour)
    .sort(([x], [y]) => byCodePoint(x, y))
    .map(([k, v]) => `${k} $${v}`);
  return `CPU $${q.cpuHour}/h, GB $${q.gbHour}/h, GPU ${gpus.join(', ')}/h`;
}
