/**
 * Single pods of an expanded design, each computed in constant time from its group's figures:
 * name, hostname, indices, the six injected variables, wave and time slot.
 */
import type { Expansion, GroupFigures } from './expand.ts';

/** AIchor names every JobSet `experiment-<8 hex>-<4 hex>`: 24 characters (observed). */
export const EXPERIMENT_NAME_PLACEHOLDER = 'experiment-xxxxxxxx-xxxx';

export interface PodEnv {
  readonly JOB_INDEX: string;
  readonly JOB_COMPLETION_INDEX: string;
  readonly JOB_GLOBAL_INDEX: string;
  readonly GLOBAL_REPLICAS: string;
  readonly REPLICATED_JOB_NAME: string;
  readonly REPLICATED_JOB_REPLICAS: string;
}

export interface Pod {
  /** `worker-3-1`: group, Job index, pod index, as the platform page writes it. */
  readonly name: string;
  /** `<experiment>-worker-3-1`, with the experiment name as a placeholder. */
  readonly hostname: string;
  readonly type: string;
  readonly jobIndex: number;
  readonly podIndex: number;
  readonly globalJobIndex: number | null;
  /** Which wave of its Job the pod runs in (0-based); null while the group is paused. */
  readonly wave: number | null;
  /** Time slot `[start, end)` in units of the group's pod duration; null while paused. */
  readonly start: number | null;
  readonly end: number | null;
  readonly env: PodEnv;
}

/** Estimated duration of one pod per group (a designer setting, not a manifest field). */
export type Durations = Readonly<Record<string, number>>;

/** The pod `podIndex` of Job `jobIndex` in `group`, or null when there is no such pod. */
export function podAt(
  expansion: Expansion,
  group: GroupFigures,
  jobIndex: number,
  podIndex: number,
  durations: Durations = {},
): Pod | null {
  const { count, completions, effectiveParallelism: pEff } = group;
  if (count === null || completions === null) return null;
  if (!isIndex(jobIndex, count) || !isIndex(podIndex, completions)) return null;
  const d = durationOf(durations, group.name);
  const wave = pEff ? Math.floor(podIndex / pEff) : null;
  const globalJobIndex = group.globalIndexStart === null ? null : group.globalIndexStart + jobIndex;
  const name = `${group.name}-${jobIndex}-${podIndex}`;
  return {
    name,
    hostname: `${EXPERIMENT_NAME_PLACEHOLDER}-${name}`,
    type: group.name,
    jobIndex,
    podIndex,
    globalJobIndex,
    wave,
    start: wave === null ? null : wave * d,
    end: wave === null ? null : (wave + 1) * d,
    env: {
      JOB_INDEX: String(jobIndex),
      JOB_COMPLETION_INDEX: String(podIndex),
      JOB_GLOBAL_INDEX: globalJobIndex === null ? '' : String(globalJobIndex),
      GLOBAL_REPLICAS:
        expansion.totals.globalReplicas === null ? '' : String(expansion.totals.globalReplicas),
      REPLICATED_JOB_NAME: group.name,
      REPLICATED_JOB_REPLICAS: String(count),
    },
  };
}

/** The k-th pod of a group, Jobs first then pods within a Job (`k` from 0 to pods - 1). */
export function podByOrdinal(
  expansion: Expansion,
  group: GroupFigures,
  k: number,
  durations?: Durations,
): Pod | null {
  const c = group.completions;
  if (!c) return null;
  return podAt(expansion, group, Math.floor(k / c), k % c, durations);
}

/**
 * Every pod, lazily, in the manifest's group order, then Job index, then pod index. A generator
 * so that a million pods stream without being held in memory.
 */
export function* allPods(
  expansion: Expansion,
  only?: string,
  durations?: Durations,
): Generator<Pod> {
  for (const group of expansion.groups) {
    if (only !== undefined && group.name !== only) continue;
    const total = group.pods ?? 0;
    for (let k = 0; k < total; k++) {
      const pod = podByOrdinal(expansion, group, k, durations);
      if (pod) yield pod;
    }
  }
}

/** Length of the design in pod-duration units: the longest group, `waves x d`. */
export function makespan(expansion: Expansion, durations: Durations = {}): number | null {
  let longest = 0;
  for (const g of expansion.groups) {
    if (g.state !== 'runs') continue;
    if (g.waves === null) return null;
    longest = Math.max(longest, g.waves * durationOf(durations, g.name));
  }
  return longest;
}

/** The group's pod duration: own entries only, and only positive finite numbers (else 1). */
export function durationOf(durations: Durations, name: string): number {
  const d = Object.hasOwn(durations, name) ? durations[name] : undefined;
  return d !== undefined && Number.isFinite(d) && d > 0 ? d : 1;
}

function isIndex(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}
