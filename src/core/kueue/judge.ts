/**
 * The whole answer for one JobSet, as the designer and the CLI give it: the admission (quota and
 * flavors, admission.ts), then, with the cluster's workloads, when it would start (start.ts), and
 * the verdict both together give: a JobSet the quota could take now still waits while the
 * queue serves others first.
 */
import { admit, type Admission } from './admission.ts';
import { addUsageOf, admittedWorkloads, type AdmittedWorkload } from './admitted.ts';
import type { PodSet } from './assign.ts';
import { listedAt, pendingWorkloads, type PendingWorkload } from './pending.ts';
import { readQueues, type LocalQueue, type Queues } from './queues.ts';
import { pendingInCohort, startOf, type Start } from './start.ts';
import { isTime } from './wait.ts';

export interface Cluster {
  /** Builds the queues afresh, with no usage: the start's run changes the usage it is given. */
  readonly fresh: () => Queues;
  /** The queues with the admitted workloads' usage (not changed here). */
  readonly queues: Queues;
  readonly admitted: readonly AdmittedWorkload[];
  readonly pending: readonly PendingWorkload[];
  readonly listedAt: number | null;
}

/**
 * The cluster the queues' and workloads' documents give (`kubectl get … -o yaml`): the queues
 * with the admitted workloads' usage, the pending ones, when they were listed; `counted`: the
 * admitted workloads whose ClusterQueue is in the queues.
 */
export function clusterOf(
  queueDocs: readonly unknown[],
  workloadDocs: readonly unknown[],
): Cluster & { readonly counted: number } {
  const queues = readQueues(queueDocs);
  const admitted = admittedWorkloads(workloadDocs);
  const counted = addUsageOf(queues, admitted);
  return {
    fresh: () => readQueues(queueDocs),
    queues,
    admitted,
    pending: pendingWorkloads(workloadDocs),
    listedAt: listedAt(workloadDocs),
    counted,
  };
}

export type Verdict = Admission['verdict'];

export interface Judgement {
  readonly admission: Admission;
  /** When it would start, given the cluster's workloads; null without them. */
  readonly start: Start | null;
  /** The verdict with the queue counted: admitted now, or waits (for quota or its turn). */
  readonly verdict: Verdict;
  /** The verdict in words: the admission's, or why the queue holds it. */
  readonly summary: string;
  /** Pending workloads that wait for the same quota. */
  readonly pending: number;
  /** The priority class named, when the files lack it (its priority counts as 0). */
  readonly missingPriorityClass: string | null;
  /**
   * While it waits, its ClusterQueue's preemption policies that are not `Never`: Kueue might
   * admit it sooner by evicting others, which is not simulated.
   */
  readonly mayPreempt: readonly string[];
}

export function judge(
  podSets: readonly PodSet[],
  cluster: Cluster,
  localQueue: LocalQueue,
  version: string,
  priorityClass: string | null,
): Judgement {
  const { queues } = cluster;
  const ownQueue = queues.clusterQueues.get(localQueue.clusterQueue);
  const admission = admit(podSets, queues, localQueue, version);
  const className = priorityClass?.trim() || null;
  const priority = className ? queues.priorityClasses.get(className) : 0;
  const given = cluster.admitted.length > 0 || cluster.pending.length > 0;
  const pending = pendingInCohort(queues, localQueue, cluster.pending);
  // Admitted with no one waiting for the same quota: now, with no run of the queue.
  const runQueue =
    admission.verdict === 'waits' || (admission.verdict === 'admitted' && pending > 0);
  const start: Start | null = !given
    ? null
    : runQueue
      ? startOf(podSets, cluster.fresh, localQueue, cluster.admitted, version, {
          pending: cluster.pending,
          priority: priority ?? 0,
          listedAt: cluster.listedAt,
        })
      : admission.verdict === 'admitted'
        ? { kind: 'now' }
        : null;
  // Quota enough now, but the queue serves others first: it waits.
  const held = admission.verdict === 'admitted' && start !== null && start.kind !== 'now';
  return {
    admission,
    start,
    verdict: held ? 'waits' : admission.verdict,
    summary: held
      ? `waits in the queue: the quota could take it now (${admission.detail}), but ${
          start.kind === 'unknown' && start.blockedBy
            ? `${start.blockedBy} heads the StrictFIFO queue and does not fit`
            : 'pending workloads ahead of it take the quota first'
        }`
      : admission.summary,
    pending,
    missingPriorityClass: className && priority === undefined ? className : null,
    mayPreempt: held || admission.verdict === 'waits' ? (ownQueue?.preemption ?? []) : [],
  };
}

/** What preemption could change, in words; null when nothing. */
export function preemptionWords(j: Pick<Judgement, 'mayPreempt'>): string | null {
  return j.mayPreempt.length
    ? `Its ClusterQueue may preempt (${j.mayPreempt.join(', ')}): Kueue could admit it sooner by evicting other workloads, which is not simulated here.`
    : null;
}

/** When a waiting JobSet would start, in words (UTC, to the minute); null when it need not say. */
export function startWords(start: Start | null): string | null {
  if (!start) return null;
  switch (start.kind) {
    case 'at': {
      if (!isTime(start.time)) return 'Start not known: the workloads give no time a date can be.';
      const when = new Date(start.time).toISOString().slice(0, 16).replace('T', ' ');
      const ahead = start.ahead.length
        ? `, and ${start.ahead.length} pending workload(s) ahead of it admitted (${start.ahead.join(', ')})`
        : '';
      return `Starts: expected at ${when} UTC, once ${start.after.length} workload(s) have ended (the last: ${start.after.at(-1)})${ahead}.`;
    }
    case 'unknown':
      return start.blockedBy
        ? `Start not known: ${start.blockedBy} heads the StrictFIFO queue and never fits, so nothing behind it is admitted.`
        : `Start not known: ${start.holding} admitted workload(s) with no expected end (spec.maximumExecutionTimeSeconds) hold the quota.`;
    case 'now':
    case 'never':
      return null;
  }
}
