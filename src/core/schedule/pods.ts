/**
 * Single pods of an expanded design, each computed in constant time from its group's figures:
 * name, hostname, indices and the six injected variables, with its wave and time slot from the
 * plan.
 */
import { podSpan, podWave, type GroupPlan, type Plan } from './plan.ts';
import type { Expansion } from '../jobset/expand.ts';
import { podIdentity, type PodEnv } from '../operators/env.ts';

export type { PodEnv };

export interface Pod {
  /** `worker-3-1`: group, Job index, pod index, as the platform page writes it (`master-0` for a replica of another operator's type). */
  readonly name: string;
  /** `<experiment>-worker-3-1`, with the experiment name as a placeholder. */
  readonly hostname: string;
  readonly type: string;
  readonly jobIndex: number;
  readonly podIndex: number;
  readonly globalJobIndex: number | null;
  /** Which wave of its Job the pod runs in (0-based); null while the group is paused. */
  readonly wave: number | null;
  /** When the pod runs, `[start, end)` in hours on the planned run; null while paused. */
  readonly start: number | null;
  readonly end: number | null;
  readonly env: PodEnv;
}

/** The pod `podIndex` of Job `jobIndex` in `plan`'s group, or null when there is no such pod. */
export function podAt(
  expansion: Expansion,
  plan: GroupPlan,
  jobIndex: number,
  podIndex: number,
): Pod | null {
  const group = plan.figures;
  const { count, completions } = group;
  if (count === null || completions === null) return null;
  if (!isIndex(jobIndex, count) || !isIndex(podIndex, completions)) return null;
  const span = podSpan(plan, podIndex);
  const globalJobIndex = group.globalIndexStart === null ? null : group.globalIndexStart + jobIndex;
  const { name, hostname, env } = podIdentity(expansion, group, jobIndex, podIndex, globalJobIndex);
  return {
    name,
    hostname,
    type: group.name,
    jobIndex,
    podIndex,
    globalJobIndex,
    wave: span ? podWave(group, podIndex) : null,
    start: span?.start ?? null,
    end: span?.end ?? null,
    env,
  };
}

/** The k-th pod of a group, Jobs first then pods within a Job (`k` from 0 to pods - 1). */
export function podByOrdinal(expansion: Expansion, plan: GroupPlan, k: number): Pod | null {
  const c = plan.figures.completions;
  if (!c) return null;
  return podAt(expansion, plan, Math.floor(k / c), k % c);
}

/**
 * Every pod, lazily, in the manifest's group order, then Job index, then pod index. A generator
 * so that a million pods stream without being held in memory.
 */
export function* allPods(expansion: Expansion, plan: Plan, only?: string): Generator<Pod> {
  for (const group of plan.groups) {
    if (only !== undefined && group.name !== only) continue;
    const total = group.figures.pods ?? 0;
    for (let k = 0; k < total; k++) {
      const pod = podByOrdinal(expansion, group, k);
      if (pod) yield pod;
    }
  }
}

function isIndex(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}
