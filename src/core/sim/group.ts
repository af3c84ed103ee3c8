/**
 * A group in the simulation: its state (figures in integer thousandths, its Jobs' progress),
 * the cluster's free capacity it takes, the finish events, and what the run made of it.
 */
import { productOf } from '../jobset/expand.ts';
import { podRate, round2 } from '../cost/rate.ts';
import { podSpan, podWave, round as roundTime, type GroupPlan } from '../schedule/plan.ts';
import type { Capacity, Prices } from '../settings.ts';
import { MinHeap } from './heap.ts';
import { closeCohorts, startCohort, type MutableCohort } from './cohorts.ts';
import type { SimBatch, SimGroup, SimProfile } from './types.ts';

export interface G {
  readonly plan: GroupPlan;
  readonly d: number;
  readonly p: number;
  readonly c: number;
  readonly count: number;
  readonly cpus: number;
  readonly ram: number;
  readonly gpus: number;
  readonly product: string;
  readonly rate: number;
  readonly sync: boolean;
  /** Batches of a synchronous group's first wave, waiting for the rest of it to be up. */
  readonly held: { readonly j: number; readonly n: number; readonly rec: MutableBatch | null }[];
  readonly started: Float64Array;
  readonly running: Float64Array;
  readonly ready: MinHeap;
  readonly inReady: Uint8Array;
  readonly profile: { t: number[]; running: number[]; idle: number[] };
  readonly jobs: MutableBatch[][];
  readonly cohorts: MutableCohort[];
  /** Open recorded batches per recorded Job, oldest first, to close when they finish. */
  readonly open: MutableBatch[][];
  runningNow: number;
  idleNow: number;
  firstStart: number | null;
  lastStart: number | null;
  end: number | null;
  delayedPods: number;
  waitingPodHours: number;
  wave0Started: number;
  wave0StartSum: number;
  allUpAt: number | null;
}

export type MutableBatch = { -readonly [K in keyof SimBatch]: SimBatch[K] };

/** A group's state in the simulation: its figures in integer thousandths, its Jobs' progress. */
export function newGroup(plan: GroupPlan, prices: Prices, sync: boolean, recordJobs: number): G {
  const f = plan.figures;
  const count = f.count!;
  const gpus = f.pod.gpus ?? 0;
  const recorded = Math.min(count, recordJobs);
  return {
    plan,
    d: plan.duration,
    p: f.effectiveParallelism!,
    c: f.completions!,
    count,
    cpus: milli(f.pod.cpus ?? 0),
    ram: milli(f.pod.ramGB ?? 0),
    gpus,
    product: productOf(f),
    // Like the plan's costs, a pod whose requests are not all set is left out of them.
    rate: rateOf(podRate(f.pod, prices)),
    sync,
    held: [],
    started: new Float64Array(count),
    running: new Float64Array(count),
    // Jobs 0..count-1 in order already form a valid heap.
    ready: new MinHeap(
      (a, b) => a < b,
      Array.from({ length: count }, (_, j) => j),
    ),
    inReady: new Uint8Array(count).fill(1),
    profile: { t: [], running: [], idle: [] },
    jobs: Array.from({ length: recorded }, () => []),
    cohorts: [],
    open: Array.from({ length: recorded }, () => []),
    runningNow: 0,
    idleNow: 0,
    firstStart: null,
    lastStart: null,
    end: null,
    delayedPods: 0,
    waitingPodHours: 0,
    wave0Started: 0,
    wave0StartSum: 0,
    allUpAt: null,
  };
}

/** The cluster's free capacity, taken and given back by pods; a dimension not given is unlimited. */
export function freeCapacity(capacity: Capacity) {
  let freeCpus = capacity.cpus === undefined ? Infinity : milli(capacity.cpus);
  let freeRam = capacity.ramGB === undefined ? Infinity : milli(capacity.ramGB);
  const freeGpus = new Map<string, number>(Object.entries(capacity.gpus ?? {}));
  const gpuLimited = capacity.gpus !== undefined;
  const gpusFree = (product: string) => (gpuLimited ? (freeGpus.get(product) ?? 0) : Infinity);
  /** How many more pods of the group fit now. */
  const fit = (g: G) =>
    Math.min(
      g.cpus > 0 ? Math.floor(freeCpus / g.cpus) : Infinity,
      g.ram > 0 ? Math.floor(freeRam / g.ram) : Infinity,
      g.gpus > 0 ? Math.floor(gpusFree(g.product) / g.gpus) : Infinity,
    );
  const take = (g: G, n: number, sign: 1 | -1) => {
    freeCpus -= sign * n * g.cpus;
    freeRam -= sign * n * g.ram;
    if (gpuLimited && g.gpus > 0) freeGpus.set(g.product, gpusFree(g.product) - sign * n * g.gpus);
  };
  return { fit, take };
}

/** What the run made of a group: its times, waits and (when synchronous) idle time. */
export function groupResult(g: G, capacity: Capacity): SimGroup {
  const never = g.started.some((s) => s < g.c);
  const stuck = g.held.length > 0; // a synchronous group still waiting: its pods never end
  const ideal = g.plan.runHours ?? 0;
  const syncInfo = g.sync
    ? {
        allUpAt: g.allUpAt,
        idleGpuHours:
          g.allUpAt === null
            ? Infinity
            : round2((g.allUpAt * g.wave0Started - g.wave0StartSum) * g.gpus),
        idlePodHours:
          g.allUpAt === null ? Infinity : round(g.allUpAt * g.wave0Started - g.wave0StartSum),
        canNeverStart: holdsAtOnce(g.plan.figures, capacity) < g.count * g.p,
      }
    : null;
  const end = never || stuck ? null : g.end;
  return {
    name: g.plan.name,
    firstStart: g.firstStart,
    lastStart: g.lastStart,
    end,
    delay: end === null ? null : Math.max(0, round(end - ideal)),
    delayedPods: g.delayedPods,
    waitingPodHours: round(g.waitingPodHours),
    neverStarts: never,
    synchronous: syncInfo,
    profile: thinProfile(g.profile),
    jobs: g.jobs,
    cohorts: closeCohorts(g, stuck),
  };
}

/**
 * Finish events, ordered by time: parallel arrays indexed by event id (reused once popped).
 * Times as keys rounded to the nanohour (so that 0.1 + 0.2 and 0.3 are one instant), and
 * exactly, so that ends computed from them do not drift (4 waves of 1/3 h end at 4/3).
 */
export function finishEvents() {
  const time: number[] = [];
  const exact: number[] = [];
  const group: number[] = [];
  const job: number[] = [];
  const count: number[] = [];
  const freeIds: number[] = [];
  const heap = new MinHeap((a, b) => time[a]! < time[b]! || (time[a] === time[b] && a < b));
  return {
    /** `n` pods of Job `j` of group `gi` finish at `at` (hours, exact). */
    add(at: number, gi: number, j: number, n: number) {
      const id = freeIds.pop() ?? time.length;
      time[id] = roundTime(at);
      exact[id] = at;
      group[id] = gi;
      job[id] = j;
      count[id] = n;
      heap.push(id);
    },
    size: () => heap.size,
    nextTime: () => time[heap.peek()!]!,
    nextExact: () => exact[heap.peek()!]!,
    pop() {
      const id = heap.pop()!;
      freeIds.push(id);
      return { gi: group[id]!, j: job[id]!, n: count[id]! };
    },
  };
}

/** Waiting: how much later than on an unlimited cluster (the plan) each pod of a batch starts. */
export function countWaits(g: G, first: number, n: number, t: number) {
  for (let b = first; b < first + n;) {
    const wave = podWave(g.plan.figures, b)!;
    const upto = Math.min(first + n, (wave + 1) * g.p);
    const wait = t - podSpan(g.plan, b)!.start;
    if (wait > 1e-9) {
      g.delayedPods += upto - b;
      g.waitingPodHours += (upto - b) * wait;
    }
    if (wave === 0) {
      g.wave0Started += upto - b;
      g.wave0StartSum += (upto - b) * t;
    }
    b = upto;
  }
}

/** A batch of Job `j` starts at `t`: its cohort, the group's starts, and the batch when recorded. */
export function recordStart(
  g: G,
  j: number,
  first: number,
  n: number,
  t: number,
): MutableBatch | null {
  if (first === 0) startCohort(g.cohorts, j, t);
  g.firstStart ??= t;
  g.lastStart = t;
  if (j >= g.jobs.length) return null;
  const rec: MutableBatch = { first, n, start: t, workStart: t, end: null };
  g.jobs[j]!.push(rec);
  g.open[j]!.push(rec);
  return rec;
}

/**
 * The batch works and finishes at `end`; in a synchronous group still waiting, it is up but
 * idle (no end yet) until the whole first wave is, and then all of the held batches start.
 */
export function startWork(
  g: G,
  gi: number,
  j: number,
  n: number,
  rec: MutableBatch | null,
  t: number,
  end: number,
  events: ReturnType<typeof finishEvents>,
) {
  if (!g.sync || g.allUpAt !== null) {
    events.add(end, gi, j, n);
    return;
  }
  g.held.push({ j, n, rec });
  g.idleNow += n;
  if (rec) rec.workStart = null;
  if (g.wave0Started < g.count * g.p) return;
  g.allUpAt = t;
  for (const h of g.held) {
    events.add(end, gi, h.j, h.n);
    if (h.rec) h.rec.workStart = t;
  }
  g.idleNow = 0;
  g.held.length = 0;
}

/** How many pods of the group the whole free capacity holds at once (CPUs and RAM in thousandths). */
export function holdsAtOnce(f: GroupPlan['figures'], capacity: Capacity): number {
  const cap = (free: number | undefined, need: number | null) =>
    need && free !== undefined ? Math.floor(milli(free) / milli(need)) : Infinity;
  const product = productOf(f);
  const gpus =
    f.pod.gpus && capacity.gpus
      ? Math.floor(
          (Object.hasOwn(capacity.gpus, product) ? capacity.gpus[product]! : 0) / f.pod.gpus,
        )
      : Infinity;
  return Math.min(cap(capacity.cpus, f.pod.cpus), cap(capacity.ramGB, f.pod.ramGB), gpus);
}

const milli = (x: number) => Math.round(x * 1000);

const rateOf = (r: { rate: number; complete: boolean }) => (r.complete ? r.rate : 0);

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const MAX_PROFILE = 5_000;

/**
 * At most MAX_PROFILE points of a group's profile (what the timeline draws): a design of a
 * million batches would otherwise send millions of points on every edit. The drawing then shows
 * the run at that resolution.
 */
function thinProfile(p: { t: number[]; running: number[]; idle: number[] }): SimProfile {
  if (p.t.length <= MAX_PROFILE) return p;
  const step = Math.ceil(p.t.length / MAX_PROFILE);
  const keep = (_: number, i: number, a: readonly number[]) => i % step === 0 || i === a.length - 1;
  return { t: p.t.filter(keep), running: p.running.filter(keep), idle: p.idle.filter(keep) };
}
