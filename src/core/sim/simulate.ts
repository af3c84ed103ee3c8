/**
 * The simulated run: the schedule on a cluster of limited free capacity, as the platform runs
 * it: no gang scheduling, so a pod starts as soon as its requests fit; pending pods go in
 * global-index order (groups by name, then Job index), then pod index; each Job keeps at most
 * `P_eff` pods running.
 *
 * Event-driven over batches of pods: pods of a Job started together finish together (one
 * duration per group), so the work is proportional to the number of (Job, start) batches, never
 * to time steps, and no per-pod state is kept. CPUs and RAM are counted in integer thousandths,
 * so that many small requests add up exactly.
 *
 * A synchronous group's first pods do no work until all of its first-wave pods are up: they hold
 * their resources from their start until then (idle), and finish one duration after it.
 *
 * What it records for drawing: per group, how many of its pods run (and sit idle) over time, and
 * the batches of its first Jobs (the ones the timeline draws as lanes of their own).
 */
import { productOf } from '../jobset/expand.ts';
import { podRate } from '../cost/rate.ts';
import {
  podSpan,
  podWave,
  round as roundTime,
  type GroupPlan,
  type Plan,
} from '../schedule/plan.ts';
import { EXAMPLE_PRICES, type Capacity, type DesignSettings, type Prices } from '../settings.ts';
import { MinHeap } from './heap.ts';

import { RECORDED_JOBS } from './recorded.ts';

export { RECORDED_JOBS };

/** Pods of one Job started together, and when they worked. */
export interface SimBatch {
  /** First pod index of the batch, and how many pods. */
  readonly first: number;
  readonly n: number;
  readonly start: number;
  /** When the pods start working: later than `start` while a synchronous group waits; null if never. */
  readonly workStart: number | null;
  /** Null when the batch never finishes (a synchronous group that never gets all its pods up). */
  readonly end: number | null;
}

/**
 * Jobs that first started together (or, past MAX_COHORTS, neighbouring such runs merged): Jobs
 * start in index order, so each is a range. Jobs that never start form the last one, `start` null.
 */
export interface SimCohort {
  readonly firstJob: number;
  readonly lastJob: number;
  /** First start of its first Job and of its last Job (equal unless merged); null: never. */
  readonly start: number | null;
  readonly lastStart: number | null;
  /** When its last pod ends; null if never. */
  readonly end: number | null;
}

/** A step function of the group's pods over time: from `t[i]` on, `running[i]` are up, `idle[i]` of them waiting. */
export interface SimProfile {
  readonly t: readonly number[];
  readonly running: readonly number[];
  readonly idle: readonly number[];
}

export interface SimGroup {
  readonly name: string;
  /** Start of the first pod, start of the last, end of the last (hours); null if never. */
  readonly firstStart: number | null;
  readonly lastStart: number | null;
  readonly end: number | null;
  /** Hours the group's last pod ends later than it would on an unlimited cluster. */
  readonly delay: number | null;
  /** Pods that started later than on an unlimited cluster, and their total waiting time. */
  readonly delayedPods: number;
  readonly waitingPodHours: number;
  /** Some pod of the group never starts (the cluster is too small, or held by a waiting group). */
  readonly neverStarts: boolean;
  /** For a group marked synchronous: when all its pods of the first wave are up. */
  readonly synchronous: {
    readonly allUpAt: number | null;
    /** GPU-hours and pod-hours its early pods hold while waiting for the others. */
    readonly idleGpuHours: number;
    readonly idlePodHours: number;
    /** The cluster cannot hold all of its pods at once: it never does useful work. */
    readonly canNeverStart: boolean;
  } | null;
  readonly profile: SimProfile;
  /** Batches of Jobs 0 .. RECORDED_JOBS - 1 (or as many as asked for), in start order. */
  readonly jobs: readonly (readonly SimBatch[])[];
  /** Every Job, as runs of Jobs by first start: which queue, and for how long. */
  readonly cohorts: readonly SimCohort[];
}

export interface SimSeries {
  readonly t: readonly number[];
  readonly running: readonly number[];
  readonly pending: readonly number[];
  readonly gpus: readonly number[];
  readonly costPerHour: readonly number[];
}

export interface Simulation {
  /** Null when some pod never starts or never finishes. */
  readonly makespan: number | null;
  /** The makespan on an unlimited cluster (the plan's). */
  readonly idealMakespan: number;
  /** In global-index order (the order pods are scheduled in). */
  readonly groups: readonly SimGroup[];
  readonly series: SimSeries;
  /** Dollars: what the pods hold over the run (idle waiting included), and the peak rate held for the whole run. */
  readonly requestedCost: number | null;
  readonly reservedCost: number | null;
  /** Batches of pods started (the simulation's unit of work). */
  readonly batches: number;
}

/** Designs with more Jobs than this are not simulated (the arrays would not fit comfortably). */
export const MAX_SIM_JOBS = 5_000_000;
/** Nor designs needing more batches than this (each Job wave is at least one batch). */
export const MAX_SIM_BATCHES = 1_000_000;
const MAX_POINTS = 2_000;
/** Cohorts kept per group: past this, neighbours merge in pairs (what a timeline can show). */
export const MAX_COHORTS = 2_048;
const MAX_PROFILE = 5_000;

interface G {
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

type MutableBatch = { -readonly [K in keyof SimBatch]: SimBatch[K] };
type MutableCohort = { -readonly [K in keyof SimCohort]: SimCohort[K] };

/**
 * `recordJobs`: how many Jobs of each group get their batches recorded (the timeline draws
 * RECORDED_JOBS lanes; a rehearsal, which needs every pod's planned start, asks for all).
 */
export function simulate(
  plan: Plan,
  capacity: Capacity,
  settings: DesignSettings = {},
  recordJobs: number = RECORDED_JOBS,
): Simulation | null {
  const prices = settings.prices ?? EXAMPLE_PRICES;
  const sync = new Set(settings.synchronous ?? []);
  const ordered = plan.groups
    .filter((g) => g.figures.state === 'runs')
    .sort((a, b) => a.figures.globalOrder - b.figures.globalOrder);
  if (ordered.reduce((n, g) => n + g.figures.count!, 0) > MAX_SIM_JOBS) return null;
  if (ordered.reduce((n, g) => n + g.figures.count! * g.figures.waves!, 0) > MAX_SIM_BATCHES) {
    return null;
  }

  const gs = ordered.map((g) => newGroup(g, prices, sync.has(g.figures.name), recordJobs));

  const { fit, take } = freeCapacity(capacity);

  const events = finishEvents();
  /** The exact time of the instant being processed. */
  let exactNow = 0;
  let batches = 0;
  let runningPods = 0;
  let pendingPods = gs.reduce((n, g) => n + g.count * g.c, 0);
  let gpusInUse = 0;
  let costPerHour = 0;
  let peakCost = 0;
  let spent = 0;
  let lastT = 0;
  const series = {
    t: [] as number[],
    running: [] as number[],
    pending: [] as number[],
    gpus: [] as number[],
    costPerHour: [] as number[],
  };
  const touched = new Set<G>();
  /** One point per event time: a later record at the same time replaces the earlier one. */
  const record = (t: number) => {
    const last = series.t.length - 1;
    const at = last >= 0 && series.t[last] === t ? last : last + 1;
    series.t[at] = t;
    series.running[at] = runningPods;
    series.pending[at] = pendingPods;
    series.gpus[at] = gpusInUse;
    series.costPerHour[at] = Math.round(costPerHour * 100) / 100;
    peakCost = Math.max(peakCost, costPerHour);
    // A point whenever pods of the group started or finished, even if as many run after as
    // before: one wave ending as the next starts is a new bar.
    for (const g of touched) {
      const pr = g.profile;
      const i = pr.t.length - 1;
      const k = i >= 0 && pr.t[i] === t ? i : i + 1;
      pr.t[k] = t;
      pr.running[k] = g.runningNow;
      pr.idle[k] = g.idleNow;
    }
    touched.clear();
  };
  /** Money held from the last event time to `t` at the rate of that stretch. */
  const advance = (t: number) => {
    spent += costPerHour * (t - lastT);
    lastT = t;
  };

  const schedule = (t: number) => {
    for (let gi = 0; gi < gs.length; gi++) {
      const g = gs[gi]!;
      while (g.ready.size) {
        const room = fit(g);
        if (room <= 0) break;
        const j = g.ready.peek()!;
        const n = Math.min(g.p - g.running[j]!, g.c - g.started[j]!, room);
        if (n <= 0) {
          g.ready.pop();
          g.inReady[j] = 0;
          continue;
        }
        const first = g.started[j]!;
        g.started[j] = first + n;
        g.running[j] = g.running[j]! + n;
        take(g, n, 1);
        runningPods += n;
        pendingPods -= n;
        gpusInUse += n * g.gpus;
        costPerHour += n * g.rate;
        g.runningNow += n;
        touched.add(g);
        if (++batches > MAX_SIM_BATCHES) throw new TooManyBatches();
        countWaits(g, first, n, t);
        const rec = recordStart(g, j, first, n, t);
        startWork(g, gi, j, n, rec, t, exactNow + g.d, events);
        if (g.running[j]! >= g.p || g.started[j]! >= g.c) {
          g.ready.pop();
          g.inReady[j] = 0;
        } else break; // capacity ran out within this Job
      }
    }
    record(t);
  };

  const run = () => {
    while (events.size()) {
      const t = events.nextTime();
      exactNow = events.nextExact();
      advance(t);
      while (events.size() && events.nextTime() === t) {
        const { gi, j, n } = events.pop();
        const g = gs[gi]!;
        g.running[j] = g.running[j]! - n;
        take(g, n, -1);
        runningPods -= n;
        gpusInUse -= n * g.gpus;
        costPerHour -= n * g.rate;
        g.runningNow -= n;
        touched.add(g);
        g.end = Math.max(g.end ?? 0, t);
        endCohort(g.cohorts, j, t);
        if (j < g.open.length) {
          // Batches of one Job finish in the order they started (one duration per group).
          const rec = g.open[j]!.shift();
          if (rec) rec.end = t;
        }
        if (!g.inReady[j] && g.started[j]! < g.c) {
          g.inReady[j] = 1;
          g.ready.push(j);
        }
      }
      schedule(t);
    }
  };

  try {
    schedule(0);
    run();
  } catch (err) {
    if (err instanceof TooManyBatches) return null;
    throw err;
  }

  const groups = gs.map((g) => groupResult(g, capacity));
  const finished = groups.every((g) => g.end !== null || g.firstStart === null);
  const priced = gs.some((g) => podRate(g.plan.figures.pod, prices).complete);
  const makespan =
    finished && !groups.some((g) => g.neverStarts)
      ? Math.max(0, ...groups.map((g) => g.end ?? 0))
      : null;
  return {
    makespan,
    idealMakespan: plan.makespan,
    groups,
    series: thin(series),
    // Like the plan's, unknown when no group's requests are all set (not a cost of zero).
    requestedCost: makespan === null || !priced ? null : round2(spent),
    reservedCost: makespan === null || !priced ? null : round2(peakCost * makespan),
    batches,
  };
}

class TooManyBatches extends Error {}

/** Job `j` first starts at `t`: it joins the last cohort if that one's last Job started then too. */
function startCohort(cohorts: MutableCohort[], j: number, t: number) {
  const last = cohorts.at(-1);
  if (last && last.lastJob === j - 1 && last.lastStart === t) {
    last.lastJob = j;
    return;
  }
  cohorts.push({ firstJob: j, lastJob: j, start: t, lastStart: t, end: null });
  if (cohorts.length <= MAX_COHORTS) return;
  // Too many to draw apart: merge neighbours in pairs (the last stays open to grow).
  const merged: MutableCohort[] = [];
  for (let i = 0; i + 1 < cohorts.length; i += 2)
    merged.push(mergeCohorts(cohorts[i]!, cohorts[i + 1]!));
  if (cohorts.length % 2) merged.push(cohorts.at(-1)!);
  cohorts.splice(0, cohorts.length, ...merged);
}

function mergeCohorts(a: MutableCohort, b: MutableCohort): MutableCohort {
  return {
    firstJob: a.firstJob,
    lastJob: b.lastJob,
    start: a.start,
    lastStart: b.lastStart,
    end: a.end === null && b.end === null ? null : Math.max(a.end ?? 0, b.end ?? 0),
  };
}

/** Pods of Job `j` end at `t`: its cohort (the last one starting at or before it) ends no earlier. */
function endCohort(cohorts: MutableCohort[], j: number, t: number) {
  let lo = 0;
  let hi = cohorts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cohorts[mid]!.firstJob <= j) lo = mid;
    else hi = mid - 1;
  }
  const c = cohorts[lo];
  if (c) c.end = Math.max(c.end ?? 0, t);
}

/**
 * The cohorts as the run left them: one that holds a Job with pods never started (or a group
 * stuck waiting) never ends, and the Jobs that never started at all form a last cohort.
 */
function closeCohorts(
  g: {
    readonly cohorts: MutableCohort[];
    readonly started: Float64Array;
    readonly c: number;
    readonly count: number;
  },
  stuck: boolean,
): SimCohort[] {
  const out = g.cohorts.map((c) => {
    let never = stuck;
    for (let j = c.firstJob; !never && j <= c.lastJob; j++) never = g.started[j]! < g.c;
    return never ? { ...c, end: null } : c;
  });
  const next = (out.at(-1)?.lastJob ?? -1) + 1;
  if (next < g.count) {
    out.push({ firstJob: next, lastJob: g.count - 1, start: null, lastStart: null, end: null });
  }
  return out;
}

const milli = (x: number) => Math.round(x * 1000);
const rateOf = (r: { rate: number; complete: boolean }) => (r.complete ? r.rate : 0);

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

/** At most MAX_POINTS points for the chart, keeping the first and last. */
function thin(s: {
  t: number[];
  running: number[];
  pending: number[];
  gpus: number[];
  costPerHour: number[];
}): SimSeries {
  if (s.t.length <= MAX_POINTS) return s;
  const step = Math.ceil(s.t.length / MAX_POINTS);
  const keep = (_: number, i: number, a: readonly number[]) => i % step === 0 || i === a.length - 1;
  return {
    t: s.t.filter(keep),
    running: s.running.filter(keep),
    pending: s.pending.filter(keep),
    gpus: s.gpus.filter(keep),
    costPerHour: s.costPerHour.filter(keep),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A group's state in the simulation: its figures in integer thousandths, its Jobs' progress. */
function newGroup(plan: GroupPlan, prices: Prices, sync: boolean, recordJobs: number): G {
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
function freeCapacity(capacity: Capacity) {
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
function groupResult(g: G, capacity: Capacity): SimGroup {
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
function finishEvents() {
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
function countWaits(g: G, first: number, n: number, t: number) {
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
function recordStart(g: G, j: number, first: number, n: number, t: number): MutableBatch | null {
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
function startWork(
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
