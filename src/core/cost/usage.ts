/**
 * What a design uses over its run and what that costs, per group and in total: pod-, CPU-,
 * GB- and GPU-hours by product, cost as requested (pods x requests x duration) and as reserved
 * (its peak capacity held for the whole makespan). The gap is waste: slots left empty by a
 * partly filled last wave, and capacity idle after a group finishes before the design does.
 * Every figure comes with the arithmetic that produced it, for the sidebar to explain.
 */
import { dollars, num } from '../format.ts';
import { UNSPECIFIED_PRODUCT, type GroupFigures } from '../jobset/expand.ts';
import { mul, sumKnown, tidy } from '../jobset/numbers.ts';
import type { GroupPlan, Plan } from '../schedule/plan.ts';
import { EXAMPLE_PRICES, type DesignSettings, type Prices } from '../settings.ts';
import { podRate, round2 } from './rate.ts';

/** A figure and how it was computed ("5 jobs x 1 at a time x 4 cpus = 20"). */
export interface Figure {
  readonly value: number | null;
  readonly formula: string;
}

/** The per-group figures that come with their arithmetic. */
export type UsageFigure =
  | 'podHours'
  | 'cpuHours'
  | 'gbHours'
  | 'gpuHours'
  | 'requestedCost'
  | 'reservedCost'
  | 'peakCpus'
  | 'peakRamGB'
  | 'peakGpus';

export interface GroupUsage extends Readonly<Record<UsageFigure, number | null>> {
  readonly name: string;
  readonly duration: number;
  /** Hours the group runs: waves x duration. */
  readonly runHours: number | null;
  readonly gpuProduct: string | null;
  /** Reserved minus requested, split by cause. */
  readonly partialWaveWaste: number | null;
  readonly earlyFinishWaste: number | null;
  /**
   * What the arithmetic is made of. The formulas themselves are written on demand by
   * `explain` (a design of thousands of groups would otherwise carry thousands of strings).
   */
  readonly inputs: {
    readonly unknown: boolean;
    /** The group's figures and the prices: the same objects the analysis has elsewhere. */
    readonly figures: GroupFigures;
    readonly prices: Prices;
    readonly pods: number | null;
    readonly concurrent: number | null;
    readonly podRate: number | null;
    readonly gpuRate: number;
    readonly makespan: number;
    /** The costs before rounding to cents: totals add these and round once. */
    readonly requested: number | null;
    readonly reserved: number | null;
  };
}

export interface Usage {
  readonly groups: readonly GroupUsage[];
  /** The plan's makespan (groups with unknown figures left out). */
  readonly makespan: number;
  readonly podHours: number | null;
  readonly cpuHours: number | null;
  readonly gbHours: number | null;
  readonly gpuHoursByProduct: Readonly<Record<string, number>>;
  readonly requestedCost: number | null;
  readonly reservedCost: number | null;
  /** The group whose reserved-but-unused capacity costs the most, and why. */
  readonly biggestWaste: {
    readonly group: string;
    readonly amount: number;
    readonly cause: string;
  } | null;
  /** True when some group's requests are not set: sums cover the rest. */
  readonly partial: boolean;
}

const n = (x: number | null) => (x === null ? '?' : num(x));
/** Dollars as the sidebar shows them (`$25,000,000.00`), and unit prices with their digits. */
const money = (x: number) => dollars(x);
const price = (x: number) => `$${Number(x.toFixed(4))}`;

export function usage(plan: Plan, settings: DesignSettings = {}): Usage {
  const prices = settings.prices ?? EXAMPLE_PRICES;
  const { makespan } = plan;
  const groups = plan.groups.map((g) => groupUsage(g, makespan, prices));
  const sum = (pick: (u: GroupUsage) => number | null) => sumKnown(groups, pick).value;

  const byProduct = new Map<string, number>();
  for (const u of groups) {
    if (u.gpuHours) {
      const key = u.gpuProduct ?? UNSPECIFIED_PRODUCT;
      byProduct.set(key, tidy((byProduct.get(key) ?? 0) + u.gpuHours));
    }
  }
  let biggestWaste: Usage['biggestWaste'] = null;
  for (const u of groups) {
    const partial = u.partialWaveWaste ?? 0;
    const early = u.earlyFinishWaste ?? 0;
    const amount = partial + early;
    if (amount > 0.005 && (!biggestWaste || amount > biggestWaste.amount)) {
      biggestWaste = {
        group: u.name,
        amount,
        cause:
          partial >= early
            ? 'its last wave is only partly full'
            : 'it finishes before the design does, leaving its reserved capacity idle',
      };
    }
  }
  return {
    groups,
    makespan,
    podHours: sum((u) => u.podHours),
    cpuHours: sum((u) => u.cpuHours),
    gbHours: sum((u) => u.gbHours),
    gpuHoursByProduct: Object.fromEntries(byProduct),
    // Rounded once, at the end: seven groups rounded each to cents do not add up to the cents of
    // their sum (the simulated run, which adds exact amounts, would disagree by a cent).
    requestedCost: cents(sum((u) => u.inputs.requested)),
    reservedCost: cents(sum((u) => u.inputs.reserved)),
    biggestWaste,
    partial: groups.some(
      (u) =>
        u.podHours === null ||
        u.cpuHours === null ||
        u.gbHours === null ||
        u.gpuHours === null ||
        u.requestedCost === null,
    ),
  };
}

function groupUsage(plan: GroupPlan, makespan: number, prices: Prices): GroupUsage {
  const g = plan.figures;
  const d = plan.duration;
  const runs = g.state === 'runs';
  // A group whose figures are not valid has unknown usage, not zero.
  const unknown = plan.runHours === null;
  const pods = runs ? g.pods : unknown ? null : 0;
  const runHours = plan.runHours;
  const { cpus, ramGB, gpus, gpuProduct } = g.pod;
  const podHours = mul(pods, d);
  // Dollars per hour for one pod's requests; unknown while some request is not set.
  const rate = podRate(g.pod, prices);
  const podRateValue = rate.complete ? rate.rate : null;
  const requested = mul(podHours, podRateValue);
  const conc = runs ? g.concurrentPods : unknown ? null : 0;
  const reserved = mul(mul(conc, podRateValue), makespan);
  const slotHours = runHours === null || conc === null ? null : conc * runHours;
  const partialWaste =
    slotHours === null || podHours === null || podRateValue === null
      ? null
      : (slotHours - podHours) * podRateValue;
  const earlyWaste =
    runHours === null || conc === null || podRateValue === null
      ? null
      : conc * (makespan - runHours) * podRateValue;
  return {
    name: g.name,
    duration: d,
    runHours,
    gpuProduct,
    podHours,
    cpuHours: mul(podHours, cpus),
    gbHours: mul(podHours, ramGB),
    gpuHours: mul(podHours, gpus),
    requestedCost: requested === null ? null : round2(requested),
    reservedCost: reserved === null ? null : round2(reserved),
    peakCpus: g.peak.cpus,
    peakRamGB: g.peak.ramGB,
    peakGpus: g.peak.gpus,
    partialWaveWaste: partialWaste === null ? null : round2(partialWaste),
    earlyFinishWaste: earlyWaste === null ? null : round2(earlyWaste),
    inputs: {
      unknown,
      figures: g,
      prices,
      pods,
      concurrent: conc,
      podRate: podRateValue,
      gpuRate: rate.gpuRate,
      makespan,
      requested,
      reserved,
    },
  };
}

/** A group's figure with the arithmetic that produced it, in words. */
export function figure(u: GroupUsage, which: UsageFigure): Figure {
  return { value: u[which], formula: explain(u, which) };
}

/** How a group's figure was computed: "16 pod-hours x 4 CPUs = 64". */
export function explain(u: GroupUsage, which: UsageFigure): string {
  const i = u.inputs;
  if (i.unknown) return 'unknown: the group\u2019s figures are not valid';
  const { cpus, ramGB, gpus } = i.figures.pod;
  const f = i.figures;
  const missing = [
    cpus === null && 'CPUs',
    ramGB === null && 'RAM',
    gpus === null && 'GPUs',
  ].filter(Boolean);
  const unset = `not set: the group\u2019s ${missing.join(' and ') || 'requests'} ${missing.length === 1 ? 'is' : 'are'} not set`;
  const peak = (per: number | null, unit: string, value: number | null) =>
    per === null
      ? unset
      : `${n(f.count)} jobs x ${n(f.effectiveParallelism)} at a time x ${n(per)} ${unit} = ${n(value)}`;
  const hours = (per: number | null, unit: string, value: number | null) =>
    per === null ? unset : `${n(u.podHours)} pod-hours x ${n(per)} ${unit} = ${n(value)}`;
  switch (which) {
    case 'podHours':
      return `${n(i.pods)} pods x ${n(u.duration)} h = ${n(u.podHours)}`;
    case 'cpuHours':
      return hours(cpus, 'CPUs', u.cpuHours);
    case 'gbHours':
      return hours(ramGB, 'GB', u.gbHours);
    case 'gpuHours':
      return hours(gpus, 'GPUs', u.gpuHours);
    case 'requestedCost':
      return i.podRate === null
        ? unset
        : `${n(u.podHours)} pod-hours x ${price(i.podRate)}/pod-hour (${n(cpus)} CPUs x ${price(i.prices.cpuHour)} + ${n(ramGB)} GB x ${price(i.prices.gbHour)} + ${n(gpus)} GPUs x ${price(i.gpuRate)}) = ${money(u.requestedCost ?? 0)}`;
    case 'reservedCost':
      return i.podRate === null
        ? unset
        : `${n(i.concurrent)} pods at once x ${price(i.podRate)}/pod-hour x ${n(i.makespan)} h makespan = ${money(u.reservedCost ?? 0)}`;
    case 'peakCpus':
      return peak(cpus, 'CPUs', u.peakCpus);
    case 'peakRamGB':
      return peak(ramGB, 'GB', u.peakRamGB);
    case 'peakGpus':
      return peak(gpus, 'GPUs', u.peakGpus);
  }
}

function cents(x: number | null): number | null {
  return x === null ? null : round2(x);
}
