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
import { podRate, round2 } from '../cost/rate.ts';
import type { Plan } from '../schedule/plan.ts';
import { EXAMPLE_PRICES, type Capacity, type DesignSettings } from '../settings.ts';
import { RECORDED_JOBS } from './recorded.ts';
import { endCohort, MAX_COHORTS } from './cohorts.ts';
import {
  countWaits,
  finishEvents,
  freeCapacity,
  groupResult,
  holdsAtOnce,
  newGroup,
  recordStart,
  startWork,
  type G,
} from './group.ts';
import type { SimSeries, Simulation } from './types.ts';

export { RECORDED_JOBS, MAX_COHORTS, holdsAtOnce };
export type { SimBatch, SimCohort, SimGroup, SimProfile, SimSeries, Simulation } from './types.ts';

/** Designs with more Jobs than this are not simulated (the arrays would not fit comfortably). */
export const MAX_SIM_JOBS = 5_000_000;

/** Nor designs needing more batches than this (each Job wave is at least one batch). */
export const MAX_SIM_BATCHES = 1_000_000;

const MAX_POINTS = 2_000;

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
  const run: Run = {
    gs,
    ...freeCapacity(capacity),
    events: finishEvents(),
    exactNow: 0,
    tally: newTally(gs.reduce((n, g) => n + g.count * g.c, 0)),
  };
  try {
    startBatches(run, 0);
    while (run.events.size()) {
      const t = run.events.nextTime();
      run.exactNow = run.events.nextExact();
      advanceTo(run.tally, t);
      while (run.events.size() && run.events.nextTime() === t) finishBatch(run, t);
      startBatches(run, t);
    }
  } catch (err) {
    if (err instanceof TooManyBatches) return null;
    throw err;
  }
  const { series, batches, spent, peakCost } = run.tally;
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

class TooManyBatches extends Error {}

/** The run under way: the groups, the cluster's free capacity, the finish events, the tally. */
interface Run {
  readonly gs: readonly G[];
  readonly fit: (g: G) => number;
  readonly take: (g: G, n: number, sign: 1 | -1) => void;
  readonly events: ReturnType<typeof finishEvents>;
  /** The exact time of the instant being processed. */
  exactNow: number;
  readonly tally: Tally;
}

/** What the whole cluster does over the run: pods, GPUs and money, and the chart's points. */
interface Tally {
  batches: number;
  runningPods: number;
  pendingPods: number;
  gpusInUse: number;
  costPerHour: number;
  peakCost: number;
  spent: number;
  lastT: number;
  readonly series: {
    t: number[];
    running: number[];
    pending: number[];
    gpus: number[];
    costPerHour: number[];
  };
  /** Groups whose pods started or finished at the instant being processed. */
  readonly touched: Set<G>;
}

function newTally(pendingPods: number): Tally {
  return {
    batches: 0,
    runningPods: 0,
    pendingPods,
    gpusInUse: 0,
    costPerHour: 0,
    peakCost: 0,
    spent: 0,
    lastT: 0,
    series: { t: [], running: [], pending: [], gpus: [], costPerHour: [] },
    touched: new Set(),
  };
}

/** `n` pods of group `g` start (sign 1) or end (-1). */
function count(tally: Tally, g: G, n: number, sign: 1 | -1) {
  tally.runningPods += sign * n;
  if (sign > 0) tally.pendingPods -= n;
  tally.gpusInUse += sign * n * g.gpus;
  tally.costPerHour += sign * n * g.rate;
  g.runningNow += sign * n;
  tally.touched.add(g);
}

/** Money held from the last event time to `t` at the rate of that stretch. */
function advanceTo(tally: Tally, t: number) {
  tally.spent += tally.costPerHour * (t - tally.lastT);
  tally.lastT = t;
}

/** One point per event time: a later record at the same time replaces the earlier one. */
function recordPoint(tally: Tally, t: number) {
  const { series } = tally;
  const last = series.t.length - 1;
  const at = last >= 0 && series.t[last] === t ? last : last + 1;
  series.t[at] = t;
  series.running[at] = tally.runningPods;
  series.pending[at] = tally.pendingPods;
  series.gpus[at] = tally.gpusInUse;
  series.costPerHour[at] = Math.round(tally.costPerHour * 100) / 100;
  tally.peakCost = Math.max(tally.peakCost, tally.costPerHour);
  // A point whenever pods of the group started or finished, even if as many run after as
  // before: one wave ending as the next starts is a new bar.
  for (const g of tally.touched) {
    const pr = g.profile;
    const i = pr.t.length - 1;
    const k = i >= 0 && pr.t[i] === t ? i : i + 1;
    pr.t[k] = t;
    pr.running[k] = g.runningNow;
    pr.idle[k] = g.idleNow;
  }
  tally.touched.clear();
}

/** At `t`, every pending pod that fits starts, in global-index order; then the instant is recorded. */
function startBatches(run: Run, t: number) {
  const { gs, fit, take, tally } = run;
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
      count(tally, g, n, 1);
      if (++tally.batches > MAX_SIM_BATCHES) throw new TooManyBatches();
      countWaits(g, first, n, t);
      const rec = recordStart(g, j, first, n, t);
      startWork(g, gi, j, n, rec, t, run.exactNow + g.d, run.events);
      if (g.running[j]! >= g.p || g.started[j]! >= g.c) {
        g.ready.pop();
        g.inReady[j] = 0;
      } else break; // capacity ran out within this Job
    }
  }
  recordPoint(tally, t);
}

/** The next batch to finish at `t` ends: its capacity is free, and its Job is ready again. */
function finishBatch(run: Run, t: number) {
  const { gi, j, n } = run.events.pop();
  const g = run.gs[gi]!;
  g.running[j] = g.running[j]! - n;
  run.take(g, n, -1);
  count(run.tally, g, n, -1);
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
