/**
 * expand: the figures of a jobset design, per group and in total, exactly as SEMANTICS.md
 * defines them. Every figure is a formula over the group's numbers, so the cost is proportional
 * to the number of groups, never to the number of pods: 1,000 Jobs x 1,000 pods expand as fast
 * as 7 pods. Single pods come from `pods.ts`, also in constant time.
 */
import type { Group } from './groups.ts';
import { byCodePoint } from './names.ts';
import { mul, sumKnown } from './numbers.ts';
import { JOBSET_RUN, type RunKind } from '../operators/operators.ts';

/** Why a group does or does not run: `paused` when `parallelisms: 0`, `empty` with no pods. */
export type GroupState = 'runs' | 'paused' | 'empty' | 'unknown';

export interface PerPod {
  readonly cpus: number | null;
  readonly ramGB: number | null;
  readonly gpus: number | null;
  readonly gpuProduct: string | null;
}

export interface Peak {
  readonly cpus: number | null;
  readonly ramGB: number | null;
  readonly gpus: number | null;
}

export interface GroupFigures {
  readonly name: string;
  readonly count: number | null;
  readonly completions: number | null;
  readonly parallelisms: number | null;
  /** `min(parallelisms, completions)`: pods of one Job that actually run at once. */
  readonly effectiveParallelism: number | null;
  readonly pods: number | null;
  readonly concurrentPods: number | null;
  /** Waves per Job, `ceil(completions / P_eff)`; null while paused or unknown. */
  readonly waves: number | null;
  readonly state: GroupState;
  /** JOB_GLOBAL_INDEX of this group's Job 0 (groups numbered in type-name order). */
  readonly globalIndexStart: number | null;
  /** Position of the group in the platform's global order (sorted by name, code point). */
  readonly globalOrder: number;
  readonly pod: PerPod;
  readonly peak: Peak;
  /** True when the group has no `resources`: its requests are unspecified. */
  readonly resourcesNotSet: boolean;
}

export interface Totals {
  readonly jobs: number | null;
  readonly pods: number | null;
  readonly concurrentPods: number | null;
  /** GLOBAL_REPLICAS: Jobs over all groups. */
  readonly globalReplicas: number | null;
  readonly peak: Peak & { readonly gpusByProduct: Readonly<Record<string, number>> };
  /** True when some group's figure is unknown or unset, so sums cover only part of the design. */
  readonly partial: boolean;
}

export interface Expansion {
  /** In the manifest's own order. */
  readonly groups: readonly GroupFigures[];
  readonly totals: Totals;
  /** The operator's run: how its pods are named, and what the figures rest on. */
  readonly run: RunKind;
}

/** The key under which GPUs of a group with no `product` are counted. */
export const UNSPECIFIED_PRODUCT = '(no product)';

/** The product a group's GPUs are counted (and priced, and scheduled) under. */
/** Waves of a Job: `completions` pods, `pEff` at a time (the last wave may be partial). */
export function wavesOf(completions: number, pEff: number): number {
  return Math.ceil(completions / pEff);
}

/** How the waves are counted, in words the breakdown shows beside the figure. */
export function wavesFormula(completions: number | null, pEff: number | null): string {
  return `ceil(${completions ?? '?'} completions / ${pEff ?? '?'} at a time)`;
}

export function productOf(g: GroupFigures): string {
  return g.pod.gpuProduct ?? UNSPECIFIED_PRODUCT;
}

export function expand(groups: readonly Group[], run: RunKind = JOBSET_RUN): Expansion {
  const order = groups.map((g) => g.name).sort(byCodePoint);
  const rank = new Map(order.map((name, i) => [name, i]));
  // Global index starts follow the sorted order; an unknown count makes later starts unknown.
  const countOf = new Map(groups.map((g) => [g.name, g.count]));
  const starts = new Map<string, number | null>();
  let running: number | null = 0;
  for (const name of order) {
    starts.set(name, running);
    const count = countOf.get(name) ?? null;
    running = running === null || count === null ? null : running + count;
  }

  const figures = groups.map((g) => groupFigures(g, starts.get(g.name) ?? null, rank.get(g.name)!));
  return { groups: figures, totals: totals(figures), run };
}

function groupFigures(
  g: Group,
  globalIndexStart: number | null,
  globalOrder: number,
): GroupFigures {
  const { count, completions, parallelisms } = g;
  const pEff =
    completions !== null && parallelisms !== null ? Math.min(parallelisms, completions) : null;
  const pods = mul(count, completions);
  const concurrentPods = mul(count, pEff);
  let waves: number | null = null;
  let state: GroupState = 'unknown';
  if (completions !== null && parallelisms !== null && count !== null) {
    if (completions === 0) waves = 0;
    else if (parallelisms > 0) waves = wavesOf(completions, pEff!);
    state = count === 0 || completions === 0 ? 'empty' : parallelisms === 0 ? 'paused' : 'runs';
  }
  const r = g.resources;
  const pod: PerPod = { cpus: r.cpus, ramGB: r.ramGB, gpus: r.gpus, gpuProduct: r.gpuProduct };
  return {
    name: g.name,
    count,
    completions,
    parallelisms,
    effectiveParallelism: pEff,
    pods,
    concurrentPods,
    waves,
    state,
    globalIndexStart,
    globalOrder,
    pod,
    peak: {
      cpus: mul(concurrentPods, pod.cpus),
      ramGB: mul(concurrentPods, pod.ramGB),
      gpus: mul(concurrentPods, pod.gpus),
    },
    resourcesNotSet: !r.set,
  };
}

function totals(groups: readonly GroupFigures[]): Totals {
  const sum = (pick: (g: GroupFigures) => number | null) => sumKnown(groups, pick);
  const jobs = sum((g) => g.count);
  const pods = sum((g) => g.pods);
  const concurrent = sum((g) => g.concurrentPods);
  const cpus = sum((g) => g.peak.cpus);
  const ram = sum((g) => g.peak.ramGB);
  const gpus = sum((g) => g.peak.gpus);
  // A Map, not an object: a product may be called anything, `constructor` included.
  const byProduct = new Map<string, number>();
  for (const g of groups) {
    if (g.peak.gpus) {
      const key = productOf(g);
      byProduct.set(key, (byProduct.get(key) ?? 0) + g.peak.gpus);
    }
  }
  const gpusByProduct = Object.fromEntries(byProduct);
  return {
    jobs: jobs.value,
    pods: pods.value,
    concurrentPods: concurrent.value,
    globalReplicas: jobs.complete ? jobs.value : null,
    peak: { cpus: cpus.value, ramGB: ram.value, gpus: gpus.value, gpusByProduct },
    partial: ![jobs, pods, concurrent, cpus, ram, gpus].every((s) => s.complete),
  };
}
