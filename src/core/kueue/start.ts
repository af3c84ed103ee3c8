/**
 * When a JobSet would be admitted, given the workloads the cluster runs and those waiting.
 *
 * The admitted workloads end in the order of their expected ends (admitted.ts), each giving its
 * quota back. At each moment the queues are served in Kueue's order (pending.ts: priority, then
 * age; the design is the youngest of its priority): a workload that fits is admitted and holds
 * its quota until its own expected end; one that does not fit blocks the rest of a StrictFIFO
 * ClusterQueue, and lets the next one try in a BestEffortFIFO one. The design starts at the
 * first moment it is admitted.
 *
 * Ending only gives quota back, so whether anything fits can only turn from no to yes as ends
 * pass: the next moment anything is admitted is found by bisection over the ends, the usage
 * moved back and forth incrementally (tree.ts `removeUsage` is the inverse of `addUsage`).
 *
 * Not modelled: preemption (Kueue's default policies preempt nothing), workloads ending before
 * their maximum execution time, and pending workloads of other cohorts (they share no quota).
 */
import { admit } from './admission.ts';
import { addUsageOf, type AdmittedWorkload } from './admitted.ts';
import { assignFlavors, type Assignment, type ClusterQueue, type PodSet } from './assign.ts';
import { queueOrder, type PendingWorkload } from './pending.ts';
import { freeQuota, useQuota, type LocalQueue, type Queues } from './queues.ts';
import type { QuotaNode } from './tree.ts';

export type Start =
  | { readonly kind: 'now' }
  | { readonly kind: 'never' }
  /**
   * At `time` (ms since the epoch), once the workloads `after` have ended, and those `ahead`
   * (pending before it) have been admitted.
   */
  | {
      readonly kind: 'at';
      readonly time: number;
      readonly after: readonly string[];
      readonly ahead: readonly string[];
    }
  /**
   * Not known: even after every workload with an expected end, `holding` workloads with none
   * hold the quota, or `blockedBy` heads a StrictFIFO queue it never leaves.
   */
  | { readonly kind: 'unknown'; readonly holding: number; readonly blockedBy: string | null };

/** The queue around the design: who waits, its priority, when the workloads were listed. */
export interface Waiting {
  readonly pending: readonly PendingWorkload[];
  /** The design's priority (its WorkloadPriorityClass's value; 0 without one). */
  readonly priority: number;
  /** The first moment of the run (pending.ts `listedAt`); null: the first end decides. */
  readonly listedAt: number | null;
}

const NOBODY: Waiting = { pending: [], priority: 0, listedAt: null };

/** An entry of the queues: a pending workload, or the design (`design: true`). */
interface Entry {
  readonly name: string;
  readonly cq: ClusterQueue;
  readonly podSets: readonly PodSet[];
  readonly priority: number;
  readonly since: number;
  readonly maxSeconds: number | null;
  readonly design: boolean;
  /** Entries alike (same ClusterQueue, same PodSets) fit alike: a sweep's trials, say. */
  readonly alike: string;
}

export function startOf(
  podSets: readonly PodSet[],
  queuesOf: () => Queues,
  localQueue: LocalQueue,
  workloads: readonly AdmittedWorkload[],
  version?: string,
  waiting: Waiting = NOBODY,
): Start {
  const queues = queuesOf();
  addUsageOf(queues, workloads);
  const own = queues.clusterQueues.get(localQueue.clusterQueue)!;
  const first = admit(podSets, queues, localQueue, version).verdict;
  if (first === 'never' || first === 'too-many-podsets') return { kind: 'never' };

  const entries = queueEntries(queues, own, waiting).concat({
    name: 'this JobSet',
    cq: own,
    podSets,
    priority: waiting.priority,
    since: Infinity,
    maxSeconds: null,
    design: true,
    alike: '',
  });
  entries.sort(queueOrder);
  const fits = (e: Entry): Assignment | null => {
    if (e.design) {
      const a = admit(e.podSets, queues, localQueue, version);
      return a.verdict === 'admitted' ? a.assignment : null;
    }
    const a = assignFlavors(e.podSets, e.cq, queues.flavors);
    return a.mode === 'Fit' ? a : null;
  };
  /** The entries a pass tries, in order: none behind a StrictFIFO head that does not fit. */
  // Within a pass usage only grows: an entry like one that did not fit does not fit either.
  function* pass(waiting: readonly Entry[]) {
    const blocked = new Set<ClusterQueue>();
    const failed = new Set<string>();
    for (const e of waiting) {
      if (blocked.has(e.cq)) continue;
      const a = e.alike && failed.has(e.alike) ? null : fits(e);
      yield { e, a };
      if (!a && e.alike) failed.add(e.alike);
      if (!a && e.cq.queueingStrategy === 'StrictFIFO') blocked.add(e.cq);
    }
  }
  const anyFits = (waiting: readonly Entry[]) => {
    for (const { a } of pass(waiting)) if (a) return true;
    return false;
  };

  const ends = new Ends(queues, workloads);
  let queue = entries;
  let time = waiting.listedAt ?? -Infinity;
  const ahead: string[] = [];
  for (;;) {
    if (!anyFits(queue)) {
      const k = ends.firstReleaseWhere(() => anyFits(queue));
      if (k === null) {
        const head = [...pass(queue)].find(({ e, a }) => !a && e.cq === own && !e.design);
        return {
          kind: 'unknown',
          holding: ends.holding(),
          blockedBy: own.queueingStrategy === 'StrictFIFO' ? (head?.e.name ?? null) : null,
        };
      }
      time = Math.max(time, ends.releaseTo(k));
    }
    const admitted = new Set<Entry>();
    for (const { e, a } of pass(queue)) {
      if (!a) continue;
      if (e.design)
        // Admitted at the first moment, even behind workloads admitted in the same pass: now.
        return ends.released() === 0
          ? { kind: 'now' }
          : { kind: 'at', time, after: ends.endedNames(), ahead };
      admitted.add(e);
      ahead.push(e.name);
      ends.admit(e, a, time);
    }
    queue = queue.filter((e) => !admitted.has(e));
  }
}

/** The pending workloads that share quota with the design's ClusterQueue. */
function queueEntries(queues: Queues, own: ClusterQueue, waiting: Waiting): Entry[] {
  return sharing(queues, own, waiting.pending).map(({ w, cq }) => ({
    ...w,
    cq,
    design: false,
    alike: `${cq.name}\u0000${JSON.stringify(w.podSets)}`,
  }));
}

function sharing(queues: Queues, own: ClusterQueue, pending: readonly PendingWorkload[]) {
  const root = (n: QuotaNode): QuotaNode => (n.parent ? root(n.parent) : n);
  const ownRoot = root(own.node);
  const lqs = new Map(queues.localQueues.map((q) => [`${q.namespace}/${q.name}`, q]));
  return pending.flatMap((w) => {
    const cq = queues.clusterQueues.get(
      lqs.get(`${w.namespace}/${w.queueName}`)?.clusterQueue ?? '',
    );
    return cq && root(cq.node) === ownRoot ? [{ w, cq }] : [];
  });
}

/** How many pending workloads wait for the quota the LocalQueue's ClusterQueue draws on. */
export function pendingInCohort(
  queues: Queues,
  localQueue: LocalQueue,
  pending: readonly PendingWorkload[],
): number {
  const own = queues.clusterQueues.get(localQueue.clusterQueue);
  return own ? sharing(queues, own, pending).length : 0;
}

/**
 * The running workloads' ends, in order, and a cursor over them: the first `released` have
 * ended and given their quota back. Workloads admitted during the run join in order of their
 * own ends (always later than the cursor: they start at or after every end passed).
 */
class Ends {
  private readonly ending: AdmittedWorkload[];
  private readonly endless: AdmittedWorkload[];
  private count = 0;
  private readonly queues: Queues;

  constructor(queues: Queues, workloads: readonly AdmittedWorkload[]) {
    this.queues = queues;
    this.ending = workloads.filter((w) => w.end !== null).sort(byEnd);
    this.endless = workloads.filter((w) => w.end === null);
  }

  released = () => this.count;
  holding = () => this.endless.length;
  endedNames = () => this.ending.slice(0, this.count).map((w) => w.name);

  /** The fewest further ends after which `ok` holds (counted from the start); null: none. */
  firstReleaseWhere(ok: () => boolean): number | null {
    const from = this.count;
    this.move(this.ending.length);
    if (!ok()) {
      this.move(from);
      return null;
    }
    let [lo, hi] = [from + 1, this.ending.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      this.move(mid);
      if (ok()) hi = mid;
      else lo = mid + 1;
    }
    this.move(from);
    return lo;
  }

  /** Ends the workloads up to the `k`th, and those ending at the same time; that time. */
  releaseTo(k: number): number {
    const time = this.ending[k - 1]!.end!;
    while (k < this.ending.length && this.ending[k]!.end === time) k++;
    this.move(k);
    return time;
  }

  /** A pending workload admitted at `time`: it holds its quota until its own end. */
  admit(e: Entry, a: Assignment, time: number): void {
    const usage = a.podSets.flatMap((p) =>
      Object.entries(p.flavors).map(([resource, f]) => ({
        flavor: f.flavor,
        resource,
        amount: p.requests[resource]!,
      })),
    );
    const w: AdmittedWorkload = {
      name: e.name,
      clusterQueue: e.cq.name,
      usage,
      end: e.maxSeconds !== null && Number.isFinite(time) ? time + e.maxSeconds * 1000 : null,
    };
    for (const u of usage) useQuota(e.cq, u.flavor, u.resource, u.amount);
    if (w.end === null) this.endless.push(w);
    else {
      const at = this.ending.findIndex((x, i) => i >= this.count && byEnd(w, x) < 0);
      this.ending.splice(at < 0 ? this.ending.length : at, 0, w);
    }
  }

  private move(k: number): void {
    for (; this.count < k; this.count++) this.apply(this.ending[this.count]!, freeQuota);
    for (; this.count > k; this.count--) this.apply(this.ending[this.count - 1]!, useQuota);
  }

  private apply(w: AdmittedWorkload, change: typeof useQuota): void {
    const cq = this.queues.clusterQueues.get(w.clusterQueue);
    if (cq) for (const u of w.usage) change(cq, u.flavor, u.resource, u.amount);
  }
}

const byEnd = (a: AdmittedWorkload, b: AdmittedWorkload) =>
  a.end! - b.end! || (a.name < b.name ? -1 : 1);
