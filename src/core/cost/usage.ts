/**
 * What a design uses over its run and what that costs, per group and in total: pod-, CPU-,
 * GB- and GPU-hours by product, cost as requested (pods x requests x duration) and as reserved
 * (its peak capacity held for the whole makespan). The gap is waste: slots left empty by a
 * partly filled last wave, and capacity idle after a group finishes before the design does.
 * Every figure comes with the arithmetic that produced it, for the sidebar to explain.
 */
import { num } from '../format.ts';
import { UNSPECIFIED_PRODUCT } from '../jobset/expand.ts';
import { mul, sumKnown } from '../jobset/numbers.ts';
import type { GroupPlan, Plan } from '../schedule/plan.ts';
import { EXAMPLE_PRICES, type DesignSettings, type Prices } from '../settings.ts';
import { podRate } from './rate.ts';

/** A figure and how it was computed ("5 jobs x 1 at a time x 4 cpus = 20"). */
export interface Figure {
  readonly value: number | null;
  readonly formula: string;
}

export interface GroupUsage {
  readonly name: string;
  readonly duration: number;
  /** Hours the group runs: waves x duration. */
  readonly runHours: number | null;
  readonly podHours: Figure;
  readonly cpuHours: Figure;
  readonly gbHours: Figure;
  readonly gpuHours: Figure;
  readonly gpuProduct: string | null;
  readonly requestedCost: Figure;
  readonly reservedCost: Figure;
  /** Reserved minus requested, split by cause. */
  readonly partialWaveWaste: number | null;
  readonly earlyFinishWaste: number | null;
  readonly peakCpus: Figure;
  readonly peakRamGB: Figure;
  readonly peakGpus: Figure;
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
/** Dollars as the sidebar shows them (cents), and unit prices with the digits they have. */
const money = (x: number) => `$${round2(x).toFixed(2)}`;
const price = (x: number) => `$${Number(x.toFixed(4))}`;

export function usage(plan: Plan, settings: DesignSettings = {}): Usage {
  const prices = settings.prices ?? EXAMPLE_PRICES;
  const { makespan } = plan;
  const groups = plan.groups.map((g) => groupUsage(g, makespan, prices));
  const sum = (pick: (u: GroupUsage) => number | null) => sumKnown(groups, pick).value;

  const byProduct = new Map<string, number>();
  for (const u of groups) {
    if (u.gpuHours.value) {
      const key = u.gpuProduct ?? UNSPECIFIED_PRODUCT;
      byProduct.set(key, (byProduct.get(key) ?? 0) + u.gpuHours.value);
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
    podHours: sum((u) => u.podHours.value),
    cpuHours: sum((u) => u.cpuHours.value),
    gbHours: sum((u) => u.gbHours.value),
    gpuHoursByProduct: Object.fromEntries(byProduct),
    requestedCost: sum((u) => u.requestedCost.value),
    reservedCost: sum((u) => u.reservedCost.value),
    biggestWaste,
    partial: groups.some(
      (u) =>
        u.podHours.value === null ||
        u.cpuHours.value === null ||
        u.gbHours.value === null ||
        u.gpuHours.value === null ||
        u.requestedCost.value === null,
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
  const f = (value: number | null, formula: string): Figure => ({
    value,
    formula: unknown ? 'unknown: the group\u2019s figures are not valid' : formula,
  });
  const cpuHours = mul(podHours, cpus);
  const gbHours = mul(podHours, ramGB);
  const gpuHours = mul(podHours, gpus);
  // Dollars per hour for one pod's requests; unknown while some request is not set.
  const rate = podRate(g.pod, prices);
  const gpuRate = rate.gpuRate;
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
  const missing = [
    cpus === null && 'CPUs',
    ramGB === null && 'RAM',
    gpus === null && 'GPUs',
  ].filter(Boolean);
  const unset = unknown
    ? 'unknown: the group\u2019s figures are not valid'
    : `not set: the group\u2019s ${missing.join(' and ') || 'requests'} ${missing.length === 1 ? 'is' : 'are'} not set`;
  return {
    name: g.name,
    duration: d,
    runHours,
    podHours: f(podHours, `${n(pods)} pods x ${n(d)} h = ${n(podHours)}`),
    cpuHours: f(
      cpuHours,
      cpus === null ? unset : `${n(podHours)} pod-hours x ${n(cpus)} CPUs = ${n(cpuHours)}`,
    ),
    gbHours: f(
      gbHours,
      ramGB === null ? unset : `${n(podHours)} pod-hours x ${n(ramGB)} GB = ${n(gbHours)}`,
    ),
    gpuHours: f(
      gpuHours,
      gpus === null ? unset : `${n(podHours)} pod-hours x ${n(gpus)} GPUs = ${n(gpuHours)}`,
    ),
    gpuProduct,
    requestedCost: f(
      requested === null ? null : round2(requested),
      podRateValue === null
        ? unset
        : `${n(podHours)} pod-hours x ${price(podRateValue)}/pod-hour (${n(cpus)} CPUs x ${price(prices.cpuHour)} + ${n(ramGB)} GB x ${price(prices.gbHour)} + ${n(gpus)} GPUs x ${price(gpuRate)}) = ${money(requested ?? 0)}`,
    ),
    reservedCost: f(
      reserved === null ? null : round2(reserved),
      podRateValue === null
        ? unset
        : `${n(conc)} pods at once x ${price(podRateValue)}/pod-hour x ${n(makespan)} h makespan = ${money(reserved ?? 0)}`,
    ),
    partialWaveWaste: partialWaste === null ? null : round2(partialWaste),
    earlyFinishWaste: earlyWaste === null ? null : round2(earlyWaste),
    peakCpus: f(
      g.peak.cpus,
      cpus === null
        ? unset
        : `${n(g.count)} jobs x ${n(g.effectiveParallelism)} at a time x ${n(cpus)} CPUs = ${n(g.peak.cpus)}`,
    ),
    peakRamGB: f(
      g.peak.ramGB,
      ramGB === null
        ? unset
        : `${n(g.count)} jobs x ${n(g.effectiveParallelism)} at a time x ${n(ramGB)} GB = ${n(g.peak.ramGB)}`,
    ),
    peakGpus: f(
      g.peak.gpus,
      gpus === null
        ? unset
        : `${n(g.count)} jobs x ${n(g.effectiveParallelism)} at a time x ${n(gpus)} GPUs = ${n(g.peak.gpus)}`,
    ),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
