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
  const ends = new Ends(queues, workloads);
  const moment = new Moment(entries, fits);
  let time = waiting.listedAt ?? -Infinity;
  const ahead: string[] = [];
  for (;;) {
    for (const { e, a } of moment.cycles()) {
      if (e.design)
        // Admitted at the first moment, even beside workloads admitted with it: now.
        return ends.released() === 0
          ? { kind: 'now' }
          : { kind: 'at', time, after: ends.endedNames(), ahead };
      ahead.push(e.name);
      ends.admit(e, a, time);
    }
    // Nothing more fits until quota is given back: the first end after which something does.
    const k = ends.firstReleaseWhere(() => moment.anyFits());
    if (k === null) {
      const head = moment.queue.find((e) => e.cq === own);
      return {
        kind: 'unknown',
        holding: ends.holding(),
        blockedBy: own.queueingStrategy === 'StrictFIFO' && head && !head.design ? head.name : null,
      };
    }
    time = ends.releaseTo(k, time);
  }
}

/**
 * The queues at one moment, served as Kueue's scheduler serves them (kueue
 * `pkg/scheduler/scheduler.go`, `schedule` and `makeClassicalIterator`): in each cycle, the
 * head of every ClusterQueue; those within nominal quota before those that borrow, then by
 * priority, then by age; each admitted if it still fits. A head that does not fit blocks a
 * StrictFIFO queue; in a BestEffortFIFO queue it steps aside until quota is given back, and
 * the next one becomes the head.
 */
class Moment {
  queue: Entry[];
  private readonly fits: (e: Entry) => Assignment | null;
  /** Stepped aside until the next release (BestEffortFIFO), by `alike` too. */
  private aside = new Set<Entry>();

  constructor(entries: Entry[], fits: (e: Entry) => Assignment | null) {
    this.queue = entries;
    this.fits = fits;
  }

  /** The workloads admitted at this moment, in the order they are, until none fits. */
  *cycles(): Generator<{ e: Entry; a: Assignment }> {
    this.aside = new Set();
    for (;;) {
      const heads = this.heads().map((e) => ({ e, a: this.fits(e) }));
      if (!heads.length) return;
      heads.sort(
        (x, y) =>
          (x.a?.borrowing ?? 0) - (y.a?.borrowing ?? 0) ||
          y.e.priority - x.e.priority ||
          x.e.since - y.e.since ||
          (x.e.name < y.e.name ? -1 : 1),
      );
      let moved = false;
      for (const { e, a: nominated } of heads) {
        // Admitted only if it still fits after those admitted before it in this cycle.
        const a = nominated && this.fits(e);
        if (a) {
          this.queue = this.queue.filter((x) => x !== e);
          moved = true;
          yield { e, a };
        } else if (!nominated && e.cq.queueingStrategy === 'BestEffortFIFO') {
          this.aside.add(e);
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  /** Whether anything would be admitted now (a release later, with the queue as it is). */
  anyFits(): boolean {
    const failed = new Set<string>();
    const blocked = new Set<ClusterQueue>();
    for (const e of this.queue) {
      if (blocked.has(e.cq)) continue;
      // Entries alike fit alike; usage does not change while this looks.
      if (!(e.alike && failed.has(e.alike)) && this.fits(e)) return true;
      if (e.alike) failed.add(e.alike);
      if (e.cq.queueingStrategy === 'StrictFIFO') blocked.add(e.cq);
    }
    return false;
  }

  /** Each ClusterQueue's head: its first entry (StrictFIFO), or its first not stepped aside. */
  private heads(): Entry[] {
    const seen = new Set<ClusterQueue>();
    const heads: Entry[] = [];
    for (const e of this.queue) {
      if (seen.has(e.cq)) continue;
      if (e.cq.queueingStrategy === 'StrictFIFO') {
        seen.add(e.cq);
        if (!this.aside.has(e)) heads.push(e);
        continue;
      }
      if (this.aside.has(e)) continue;
      seen.add(e.cq);
      heads.push(e);
    }
    return heads;
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

  /**
   * Ends the workloads up to the `k`th, and every other one over by then (at the same time, or
   * overdue at `now`); the time they are all over.
   */
  releaseTo(k: number, now: number): number {
    const time = Math.max(now, this.ending[k - 1]!.end!);
    while (k < this.ending.length && this.ending[k]!.end! <= time) k++;
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
