/**
 * Design settings: what the designer knows about a design beyond its manifest. Saved with the
 * design, never written into the YAML.
 */

import type { RehearsalRecord, RehearsalRef } from './record/record.ts';
import type { Sweep } from './sweep/sweep.ts';

/** Free capacity of the cluster; a dimension left out is unlimited. */
export interface Capacity {
  readonly cpus?: number;
  readonly ramGB?: number;
  /** Free GPUs by product. A product not listed has none free once any GPU is listed. */
  readonly gpus?: Readonly<Record<string, number>>;
}

export interface Prices {
  readonly cpuHour: number;
  readonly gbHour: number;
  /** Dollars per GPU-hour by product; `default` for products not listed. */
  readonly gpuHour: Readonly<Record<string, number>>;
}

export interface DesignSettings {
  /** Estimated pod duration per group, in hours (default 1). */
  readonly durations?: Readonly<Record<string, number>>;
  readonly capacity?: Capacity | null;
  /** Groups whose pods must all be running before any does useful work. */
  readonly synchronous?: readonly string[];
  readonly prices?: Prices;
  /** The name of the design exported as a Kubernetes JobSet; unset for the default. */
  readonly jobsetName?: string;
  /** Per group, the grid of hyperparameters its pods sweep. */
  readonly sweeps?: Readonly<Record<string, Sweep>>;
  /** The rehearsal shown with the design; a link holds only its reference (`record` null). */
  readonly rehearsal?: Rehearsal | null;
  /** The Kueue queues the design is checked against (kueue/verdict.ts). */
  readonly kueue?: KueueSetting | null;
}

/** Kueue's queues as the user pasted them, and which LocalQueue and Kueue version to use. */
export interface KueueSetting {
  /** `kubectl get clusterqueues,resourceflavors,cohorts,localqueues -o yaml`, as text. */
  readonly queues: string;
  /** `name` or `namespace/name`; '' for the only one. */
  readonly localQueue: string;
  /** A Kueue release (`v0.18`); '' for the latest rules. */
  readonly version: string;
  /** The WorkloadPriorityClass the JobSet asks for; '' for none (saved before it existed: none). */
  readonly priorityClass?: string;
  /** `kubectl get workloads -A -o yaml`: the quota admitted workloads hold, and their ends. */
  readonly workloads?: string;
}

/** A rehearsal of the design (`jobset-designer rehearse`), as the designer keeps it. */
export interface Rehearsal {
  readonly ref: RehearsalRef;
  /** The whole record; null when only a link's reference came (open the file to see it). */
  readonly record: RehearsalRecord | null;
}

/**
 * Example prices, clearly examples: roughly public on-demand cloud list prices per hour in
 * 2025 (a GPU inside a cloud instance, a vCPU, a GB of RAM). Users should enter their own.
 */
export const EXAMPLE_PRICES: Prices = {
  cpuHour: 0.04,
  gbHour: 0.005,
  gpuHour: {
    default: 2.0,
    'NVIDIA-A100-SXM4-80GB': 3.0,
    'A100-SXM4-80GB': 3.0,
    'NVIDIA-A100-SXM4-40GB': 2.5,
    'NVIDIA-H100-80GB-HBM3': 5.0,
    'Tesla-V100-SXM3-32GB': 2.0,
    'nvidia-tesla-t4': 0.5,
    T4: 0.5,
  },
};

/** The group's pod duration in hours: own entries only, positive finite numbers only (else 1). */
export function durationIn(settings: DesignSettings, group: string): number {
  const durations = settings.durations ?? {};
  const d = Object.hasOwn(durations, group) ? durations[group] : undefined;
  return d !== undefined && Number.isFinite(d) && d > 0 ? d : 1;
}

export function gpuPrice(prices: Prices, product: string | null): number {
  const table = prices.gpuHour;
  if (product !== null && Object.hasOwn(table, product)) return table[product]!;
  return Object.hasOwn(table, 'default') ? table.default! : 0;
}

/** The group's settings (duration, synchronous, …) move to its new name, in one place for all. */
export function renameGroupSettings(
  settings: DesignSettings,
  from: string,
  to: string,
): DesignSettings {
  if (from === to) return settings;
  const out: { -readonly [K in keyof DesignSettings]: DesignSettings[K] } = { ...settings };
  const durations = settings.durations ?? {};
  if (Object.hasOwn(durations, from)) {
    const { [from]: d, ...rest } = durations;
    out.durations = { ...rest, [to]: d! };
  }
  const sync = settings.synchronous ?? [];
  if (sync.includes(from)) out.synchronous = [...new Set(sync.map((g) => (g === from ? to : g)))];
  const sweeps = settings.sweeps ?? {};
  if (Object.hasOwn(sweeps, from)) {
    const { [from]: sweep, ...rest } = sweeps;
    out.sweeps = { ...rest, [to]: sweep! };
  }
  return out;
}

/** The settings without those of a removed group. */
export function dropGroupSettings(settings: DesignSettings, name: string): DesignSettings {
  const out: { -readonly [K in keyof DesignSettings]: DesignSettings[K] } = { ...settings };
  const durations = settings.durations ?? {};
  if (Object.hasOwn(durations, name)) {
    const { [name]: _, ...rest } = durations;
    out.durations = rest;
  }
  if (settings.synchronous?.includes(name)) {
    out.synchronous = settings.synchronous.filter((g) => g !== name);
  }
  const sweeps = settings.sweeps ?? {};
  if (Object.hasOwn(sweeps, name)) {
    const { [name]: _, ...rest } = sweeps;
    out.sweeps = rest;
  }
  return out;
}

/** True when the group has a setting of its own. */
export function hasGroupSettings(settings: DesignSettings, name: string): boolean {
  return (
    Object.hasOwn(settings.durations ?? {}, name) ||
    (settings.synchronous ?? []).includes(name) ||
    Object.hasOwn(settings.sweeps ?? {}, name)
  );
}

/** True when `prices` are the example prices, whoever made the copy (a link, a reload). */
export function isExamplePrices(prices: Prices): boolean {
  const a = prices.gpuHour;
  const b = EXAMPLE_PRICES.gpuHour;
  return (
    prices.cpuHour === EXAMPLE_PRICES.cpuHour &&
    prices.gbHour === EXAMPLE_PRICES.gbHour &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.keys(b).every((k) => Object.hasOwn(a, k) && a[k] === b[k])
  );
}

/** The settings the figures read: all but the rehearsal, which only the views draw. */
export function analysisSettings(settings: DesignSettings): DesignSettings {
  const { rehearsal: _, ...rest } = settings;
  return rest;
}
