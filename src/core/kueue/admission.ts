/**
 * Will Kueue admit this JobSet, now? The LocalQueue it joins, its ClusterQueue with the usage of
 * the workloads already admitted, the PodSet limit of the Kueue version, then flavor assignment
 * (assign.ts). The verdict: admitted now (within nominal quota, or by borrowing), waits (quota
 * would do, it is in use), or never with this configuration (more than the queue could ever
 * have, no flavor for the pods, too many PodSets), with the number that blocks.
 */
import { assignFlavors, flavorsTaken, mismatch, type Assignment, type PodSet } from './assign.ts';
import { admittedWorkloads, addUsageOf } from './admitted.ts';
import { formatAmount } from './quantity.ts';
import type { LocalQueue, Queues } from './queues.ts';
import { available, fr, potentialAvailable } from './tree.ts';

/**
 * PodSets per Workload by Kueue version (kueue `pkg/controller/jobframework/constants.go`
 * `MaxPodSets`; the Workload CRD's `MaxItems`): 8 to v0.17, 10 in v0.18, 18 from v0.19.
 */
const PODSET_LIMITS: readonly (readonly [minor: number, limit: number])[] = [
  [19, 18],
  [18, 10],
  [0, 8],
];
export const LATEST_KUEUE = 'v0.19';

/** The PodSet limit of a version (`v0.18.2`, `0.17`); null when it is not a version. */
export function podSetLimit(version: string): number | null {
  const m = /^v?0\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m) return null;
  const minor = Number(m[1]);
  return PODSET_LIMITS.find(([from]) => minor >= from)![1];
}

export type Admission =
  | {
      readonly verdict: 'admitted' | 'waits' | 'never';
      readonly localQueue: LocalQueue;
      readonly assignment: Assignment;
      /** In words: the verdict, then `detail`. */
      readonly summary: string;
      /** The number that blocks, or the flavors taken. */
      readonly detail: string;
    }
  | {
      readonly verdict: 'too-many-podsets';
      readonly localQueue: LocalQueue;
      readonly podSets: number;
      readonly limit: number;
      /** What the quota would say, were the PodSets allowed: the groups that would fit. */
      readonly assignment: Assignment;
      readonly summary: string;
      readonly detail: string;
    };

/** The LocalQueue a JobSet joins: the one named (`name` or `namespace/name`), else the only one. */
export function pickLocalQueue(
  queues: Queues,
  name: string | null,
): { queue: LocalQueue } | { problem: string } {
  const all = queues.localQueues;
  if (name === null) {
    if (all.length === 1) return { queue: all[0]! };
    return {
      problem:
        all.length === 0
          ? 'the files have no LocalQueue'
          : `the files have ${all.length} LocalQueues (${all.map(id).join(', ')}): name one`,
    };
  }
  const found = all.filter((q) => q.name === name || id(q) === name);
  if (found.length === 1) return { queue: found[0]! };
  return {
    problem:
      found.length === 0
        ? `no LocalQueue ${name} in the files (they have ${all.map(id).join(', ') || 'none'})`
        : `${found.length} LocalQueues are named ${name} (${found.map(id).join(', ')}): name one as namespace/name`,
  };
}

const id = (q: LocalQueue) => `${q.namespace}/${q.name}`;

/** The usage of the workloads already admitted (see admitted.ts); how many were counted. */
export function addAdmittedUsage(queues: Queues, docs: readonly unknown[]): number {
  return addUsageOf(queues, admittedWorkloads(docs));
}

/** The verdict for a JobSet's PodSets in the queues (usage of admitted workloads already added). */
export function admit(
  podSets: readonly PodSet[],
  queues: Queues,
  localQueue: LocalQueue,
  version: string = LATEST_KUEUE,
): Admission {
  const cq = queues.clusterQueues.get(localQueue.clusterQueue)!;
  const assignment = assignFlavors(podSets, cq, queues.flavors);
  const limit = podSetLimit(version) ?? podSetLimit(LATEST_KUEUE)!;
  if (podSets.length > limit) {
    const detail = `${podSets.length} replicated Jobs make ${podSets.length} PodSets, and Kueue ${version} takes at most ${limit} per Workload (the API server refuses the Workload; Kueue creates none)`;
    return {
      verdict: 'too-many-podsets',
      localQueue,
      podSets: podSets.length,
      limit,
      assignment,
      summary: `never: ${detail}`,
      detail,
    };
  }
  const verdict =
    assignment.mode === 'Fit'
      ? 'admitted'
      : assignment.noFitReason === 'WaitingForQuota'
        ? 'waits'
        : 'never';
  const detail =
    verdict === 'admitted'
      ? taken(assignment)
      : (blocking(assignment, cq, podSets, queues) ?? assignment.message);
  const head = {
    admitted: `admitted now in ClusterQueue ${cq.name}${assignment.borrowing ? ', borrowing from its cohort' : ''}`,
    waits: 'waits',
    never: 'never with this configuration',
  }[verdict];
  return { verdict, localQueue, assignment, summary: `${head}: ${detail}`, detail };
}

/** The flavors each PodSet takes: `trainer on a100`. */
function taken(a: Assignment): string {
  return a.podSets.map((p) => `${p.name} on ${flavorsTaken(p).join(', ')}`).join('; ');
}

type ClusterQueueOf = Queues['clusterQueues'] extends ReadonlyMap<string, infer C> ? C : never;

/**
 * The first PodSet that does not fit: what it needs of the first flavor that could hold its pods
 * and lacks quota (with what this Workload's earlier PodSets take of it), and what that has.
 */
function blocking(
  a: Assignment,
  cq: ClusterQueueOf,
  podSets: readonly PodSet[],
  queues: Queues,
): string | null {
  const at = a.podSets.findIndex((p) => p.mode !== 'Fit');
  const ps = a.podSets[at];
  if (!ps) return null;
  const earlier = (flavor: string, r: string) =>
    a.podSets
      .slice(0, at)
      .reduce((sum, p) => sum + (p.flavors[r]?.flavor === flavor ? p.requests[r]! : 0), 0);
  for (const group of cq.resourceGroups)
    for (const flavor of group.flavors) {
      const f = queues.flavors.get(flavor);
      if (!f || mismatch(podSets[at]!, f)) continue;
      for (const r of group.coveredResources) {
        if (!Object.hasOwn(ps.requests, r)) continue;
        const k = fr(flavor, r);
        const q = cq.node.quotas.get(k);
        if (!q) continue;
        const need = earlier(flavor, r) + ps.requests[r]!;
        const free = Math.max(0, available(cq.node, k));
        if (need <= free) continue;
        const max = potentialAvailable(cq.node, k);
        const show = (n: number) => formatAmount(r, n);
        const parts = `${show(q.nominal)} nominal + ${show(Math.max(0, max - q.nominal))} borrowable`;
        return need > max
          ? `${ps.name} needs ${show(need)} ${r} on flavor ${flavor}, at most ${show(max)} ever: ${parts}`
          : `${ps.name} needs ${show(need)} ${r} on flavor ${flavor}, ${show(free)} free now (at most ${show(max)}: ${parts})`;
      }
    }
  return null;
}
