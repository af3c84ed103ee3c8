/**
 * The schedule on a cluster of limited free capacity, as the platform runs it: no gang
 * scheduling, so a pod starts as soon as its requests fit; pending pods go in global-index order
 * (groups by name, then Job index), then pod index; each Job keeps at most `P_eff` pods running.
 *
 * Event-driven over batches of pods: pods of a Job started together finish together (one
 * duration per group), so the work is proportional to the number of (Job, start) batches, never
 * to time steps, and no per-pod state is kept. CPUs and RAM are counted in integer thousandths,
 * so that many small requests add up exactly.
 *
 * A synchronous group's first pods do no work until all of its first-wave pods are up: they hold
 * their resources from their start until then, and finish one duration after it.
 */
import { productOf, type Expansion, type GroupFigures } from '../jobset/expand.ts';
import {
  durationIn,
  EXAMPLE_PRICES,
  gpuPrice,
  type Capacity,
  type DesignSettings,
} from '../settings.ts';
import { MinHeap } from './heap.ts';

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
  /** Some pod of the group can never start: one pod asks for more than the cluster has. */
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
}

export interface SimSeries {
  readonly t: readonly number[];
  readonly running: readonly number[];
  readonly pending: readonly number[];
  readonly gpus: readonly number[];
  readonly costPerHour: readonly number[];
}

export interface Simulation {
  /** Null when some pod never starts. */
  readonly makespan: number | null;
  /** The makespan on an unlimited cluster. */
  readonly idealMakespan: number;
  readonly groups: readonly SimGroup[];
  readonly series: SimSeries;
  /** Batches of pods started (the simulation's unit of work). */
  readonly batches: number;
}

/** Designs with more Jobs than this are not simulated (the arrays would not fit comfortably). */
export const MAX_SIM_JOBS = 5_000_000;
/** Nor designs needing more batches than this (each Job wave is at least one batch). */
export const MAX_SIM_BATCHES = 1_000_000;
const MAX_POINTS = 2_000;

interface G {
  readonly f: GroupFigures;
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
  readonly held: { readonly j: number; readonly n: number }[];
  readonly started: Float64Array;
  readonly running: Float64Array;
  readonly ready: MinHeap;
  readonly inReady: Uint8Array;
  firstStart: number | null;
  lastStart: number | null;
  end: number | null;
  delayedPods: number;
  waitingPodHours: number;
  wave0Started: number;
  wave0StartSum: number;
  allUpAt: number | null;
}

export function simulate(
  expansion: Expansion,
  capacity: Capacity,
  settings: DesignSettings = {},
): Simulation | null {
  const prices = settings.prices ?? EXAMPLE_PRICES;
  const sync = new Set(settings.synchronous ?? []);
  const ordered = expansion.groups
    .filter((f) => f.state === 'runs' && f.count! > 0 && f.completions! > 0)
    .sort((a, b) => a.globalOrder - b.globalOrder);
  if (ordered.reduce((n, f) => n + f.count!, 0) > MAX_SIM_JOBS) return null;
  if (
    ordered.reduce(
      (n, f) => n + f.count! * Math.ceil(f.completions! / f.effectiveParallelism!),
      0,
    ) > MAX_SIM_BATCHES
  ) {
    return null;
  }
  const milli = (x: number) => Math.round(x * 1000);

  const gs: G[] = ordered.map((f) => {
    const count = f.count!;
    const gpus = f.pod.gpus ?? 0;
    const product = productOf(f);
    const cpus = milli(f.pod.cpus ?? 0);
    const ram = milli(f.pod.ramGB ?? 0);
    return {
      f,
      d: durationIn(settings, f.name),
      p: f.effectiveParallelism!,
      c: f.completions!,
      count,
      cpus,
      ram,
      gpus,
      product,
      rate:
        (f.pod.cpus ?? 0) * prices.cpuHour +
        (f.pod.ramGB ?? 0) * prices.gbHour +
        gpus * gpuPrice(prices, f.pod.gpuProduct),
      sync: sync.has(f.name),
      held: [],
      started: new Float64Array(count),
      running: new Float64Array(count),
      // Jobs 0..count-1 in order already form a valid heap.
      ready: new MinHeap(
        (a, b) => a < b,
        Array.from({ length: count }, (_, j) => j),
      ),
      inReady: new Uint8Array(count).fill(1),
      firstStart: null,
      lastStart: null,
      end: null,
      delayedPods: 0,
      waitingPodHours: 0,
      wave0Started: 0,
      wave0StartSum: 0,
      allUpAt: null,
    };
  });

  // Free capacity; a dimension not given is unlimited.
  let freeCpus = capacity.cpus === undefined ? Infinity : milli(capacity.cpus);
  let freeRam = capacity.ramGB === undefined ? Infinity : milli(capacity.ramGB);
  const freeGpus = new Map<string, number>(Object.entries(capacity.gpus ?? {}));
  const gpuLimited = capacity.gpus !== undefined;
  const gpusFree = (product: string) => (gpuLimited ? (freeGpus.get(product) ?? 0) : Infinity);
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

  // Finish events: parallel arrays indexed by event id, ordered by time.
  const evTime: number[] = [];
  const evGroup: number[] = [];
  const evJob: number[] = [];
  const evCount: number[] = [];
  const freeIds: number[] = [];
  const addEvent = (time: number, gi: number, j: number, n: number) => {
    const id = freeIds.pop() ?? evTime.length;
    evTime[id] = time;
    evGroup[id] = gi;
    evJob[id] = j;
    evCount[id] = n;
    events.push(id);
  };
  const events = new MinHeap(
    (a, b) => evTime[a]! < evTime[b]! || (evTime[a] === evTime[b] && a < b),
  );
  let batches = 0;
  let runningPods = 0;
  let pendingPods = gs.reduce((n, g) => n + g.count * g.c, 0);
  let gpusInUse = 0;
  let costPerHour = 0;
  const series = {
    t: [] as number[],
    running: [] as number[],
    pending: [] as number[],
    gpus: [] as number[],
    costPerHour: [] as number[],
  };
  /** One point per event time: a later record at the same time replaces the earlier one. */
  const record = (t: number) => {
    const last = series.t.length - 1;
    const at = last >= 0 && series.t[last] === t ? last : last + 1;
    series.t[at] = t;
    series.running[at] = runningPods;
    series.pending[at] = pendingPods;
    series.gpus[at] = gpusInUse;
    series.costPerHour[at] = Math.round(costPerHour * 100) / 100;
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
        if (++batches > MAX_SIM_BATCHES) throw new TooManyBatches();
        // Waiting: pod b would start at floor(b / P) x d on an unlimited cluster.
        for (let b = first; b < first + n;) {
          const wave = Math.floor(b / g.p);
          const upto = Math.min(first + n, (wave + 1) * g.p);
          const wait = t - wave * g.d;
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
        g.firstStart ??= t;
        g.lastStart = t;
        if (g.sync && g.allUpAt === null) {
          // Up, but idle until the whole first wave is: no end time yet.
          g.held.push({ j, n });
          if (g.wave0Started === g.count * g.p) {
            g.allUpAt = t;
            for (const h of g.held) addEvent(t + g.d, gi, h.j, h.n);
            g.held.length = 0;
          }
        } else addEvent(t + g.d, gi, j, n);
        if (g.running[j]! >= g.p || g.started[j]! >= g.c) {
          g.ready.pop();
          g.inReady[j] = 0;
        } else break; // capacity ran out within this Job
      }
    }
    record(t);
  };

  try {
    schedule(0);
    run();
  } catch (err) {
    if (err instanceof TooManyBatches) return null;
    throw err;
  }
  function run() {
    while (events.size) {
      const t = evTime[events.peek()!]!;
      while (events.size && evTime[events.peek()!] === t) {
        const id = events.pop()!;
        freeIds.push(id);
        const g = gs[evGroup[id]!]!;
        const j = evJob[id]!;
        const n = evCount[id]!;
        g.running[j] = g.running[j]! - n;
        take(g, n, -1);
        runningPods -= n;
        gpusInUse -= n * g.gpus;
        costPerHour -= n * g.rate;
        g.end = Math.max(g.end ?? 0, t);
        if (!g.inReady[j] && g.started[j]! < g.c) {
          g.inReady[j] = 1;
          g.ready.push(j);
        }
      }
      schedule(t);
    }
  }

  const ideal = Math.max(0, ...gs.map((g) => Math.ceil(g.c / g.p) * g.d));
  const groups: SimGroup[] = gs.map((g) => {
    const never = g.started.some((s) => s < g.c);
    const syncInfo = sync.has(g.f.name)
      ? {
          allUpAt: g.allUpAt,
          idleGpuHours:
            g.allUpAt === null
              ? Infinity
              : Math.round((g.allUpAt * g.wave0Started - g.wave0StartSum) * g.gpus * 100) / 100,
          idlePodHours:
            g.allUpAt === null ? Infinity : round(g.allUpAt * g.wave0Started - g.wave0StartSum),
          canNeverStart: holdsAtOnce(g.f, capacity) < g.count * g.p,
        }
      : null;
    return {
      name: g.f.name,
      firstStart: g.firstStart,
      lastStart: g.lastStart,
      end: never ? null : g.end,
      delay:
        never || g.end === null ? null : Math.max(0, round(g.end - Math.ceil(g.c / g.p) * g.d)),
      delayedPods: g.delayedPods,
      waitingPodHours: round(g.waitingPodHours),
      neverStarts: never,
      synchronous: syncInfo,
    };
  });
  const makespan = groups.some((g) => g.neverStarts)
    ? null
    : Math.max(0, ...groups.map((g) => g.end ?? 0));
  return { makespan, idealMakespan: ideal, groups, series: thin(series), batches };
}

class TooManyBatches extends Error {}

/** How many pods of the group the whole free capacity holds at once (CPUs and RAM in thousandths). */
export function holdsAtOnce(f: GroupFigures, capacity: Capacity): number {
  const milli = (x: number) => Math.round(x * 1000);
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
