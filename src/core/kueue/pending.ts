/**
 * The workloads waiting in the cluster's queues (`kubectl get workloads -A -o yaml`, those with no
 * admission): what each asks for, and its place in its ClusterQueue's queue. Kueue orders a queue
 * by priority, higher first, then by the time the workload entered it, older first (kueue
 * `pkg/cache/queue/cluster_queue.go`, `baseCompareFunc`; `pkg/workload/workload.go`
 * `GetQueueOrderTimestamp`: the creation time, or the eviction's when a PodsReady timeout or an
 * admission check evicted it, with Kueue's default `requeuingTimestamp: Eviction`).
 */
import type { PodSet } from './assign.ts';
import { list, obj, str, type Obj } from './data.ts';
import { podSetOf } from './workload.ts';
import { itemsOf, lastListings, maxExecutionSeconds } from './listing.ts';

export interface PendingWorkload {
  /** `namespace/name`. */
  readonly name: string;
  readonly namespace: string;
  /** Its LocalQueue, in its namespace (`spec.queueName`). */
  readonly queueName: string;
  /** `spec.priority`, which Kueue sets from the priority class (0 without one). */
  readonly priority: number;
  /** When it entered the queue, in ms since the epoch. */
  readonly since: number;
  readonly podSets: readonly PodSet[];
  /** `spec.maximumExecutionTimeSeconds`: how long it may run once admitted; null: no limit. */
  readonly maxSeconds: number | null;
}

type Queued = Pick<PendingWorkload, 'name' | 'priority' | 'since'>;

/** Kueue's order in a queue: higher priority first, then older; then by name (Kueue: by UID). */
export function queueOrder(a: Queued, b: Queued): number {
  return b.priority - a.priority || a.since - b.since || (a.name < b.name ? -1 : 1);
}

const isTrue = (conditions: readonly Obj[], type: string) =>
  conditions.some((c) => c.type === type && c.status === 'True');

export function pendingWorkloads(docs: readonly unknown[]): PendingWorkload[] {
  const out: PendingWorkload[] = [];
  for (const w of lastListings(docs)) {
    if (w.kind !== 'Workload') continue;
    const spec = obj(w.spec);
    const status = obj(w.status);
    const conditions = list(status.conditions).map(obj);
    // Finished, holding quota, or deactivated (`spec.active: false`): not waiting in a queue.
    if (isTrue(conditions, 'Finished') || str(obj(status.admission).clusterQueue)) continue;
    if (spec.active === false || !str(spec.queueName)) continue;
    const meta = obj(w.metadata);
    const namespace = str(meta.namespace, 'default');
    const evicted = conditions.find(
      (c) =>
        c.type === 'Evicted' &&
        c.status === 'True' &&
        (c.reason === 'PodsReadyTimeout' || c.reason === 'AdmissionCheck'),
    );
    const since = Date.parse(str(evicted?.lastTransitionTime, str(meta.creationTimestamp)));
    out.push({
      name: `${namespace}/${str(meta.name)}`,
      namespace,
      queueName: str(spec.queueName),
      priority: Number.isInteger(spec.priority) ? (spec.priority as number) : 0,
      since: Number.isFinite(since) ? since : 0,
      podSets: list(spec.podSets).map((p, i) => {
        const ps = obj(p);
        // At least 0, as the API takes it: a negative count would give quota back.
        const count = Number.isInteger(ps.count) ? Math.max(0, ps.count as number) : 1;
        return podSetOf(str(ps.name, `podset-${i}`), count, obj(obj(ps.template).spec));
      }),
      maxSeconds: maxExecutionSeconds(spec.maximumExecutionTimeSeconds),
    });
  }
  return out;
}

/**
 * When the workloads were listed, as near as they tell: the latest time they carry (a creation,
 * or a condition's change). Null when they carry none.
 */
export function listedAt(docs: readonly unknown[]): number | null {
  let latest = -Infinity;
  for (const w of itemsOf(docs)) {
    const times = [
      obj(w.metadata).creationTimestamp,
      ...list(obj(w.status).conditions).map((c) => obj(c).lastTransitionTime),
    ];
    for (const t of times) {
      const ms = Date.parse(str(t));
      if (ms > latest) latest = ms;
    }
  }
  return Number.isFinite(latest) ? latest : null;
}
