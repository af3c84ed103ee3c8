/**
 * What a design uses over its run and what that costs, per group and in total: pod-, CPU-,
 * GB- and GPU-hours by product, cost as requested (pods x requests x duration) and as reserved
 * (its peak capacity held for the whole makespan). The gap is waste: slots left empty by a
 * partly filled last wave, and capacity idle after a group finishes before the design does.
 * Every figure comes with the arithmetic that produced it, for the sidebar to explain.
 */
import { UNSPECIFIED_PRODUCT, type Expansion, type GroupFigures } from '../jobset/expand.ts';
import { mul, sumKnown } from '../jobset/numbers.ts';
import { durationIn, EXAMPLE_PRICES, gpuPrice, type DesignSettings } from '../settings.ts';

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
  readonly makespan: number | null;
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

const n = (x: number | null) => (x === null ? '?' : Number(x.toFixed(4)).toLocaleString('en-US'));
/** Dollars as the sidebar shows them (cents), and unit prices with the digits they have. */
const money = (x: number) => `$${round2(x).toFixed(2)}`;
const price = (x: number) => `$${Number(x.toFixed(4))}`;

export function usage(expansion: Expansion, settings: DesignSettings = {}): Usage {
  const prices = settings.prices ?? EXAMPLE_PRICES;
  const running = expansion.groups.filter((g) => g.state === 'runs');
  const makespan =
    running.some((g) => g.waves === null) || expansion.groups.some((g) => g.state === 'unknown')
      ? null
      : Math.max(0, ...running.map((g) => g.waves! * durationIn(settings, g.name)));

  const groups = expansion.groups.map((g) => groupUsage(g, settings, makespan, prices));
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

function groupUsage(
  g: GroupFigures,
  settings: DesignSettings,
  makespan: number | null,
  prices: DesignSettings['prices'] & object,
): GroupUsage {
  const d = durationIn(settings, g.name);
  const runs = g.state === 'runs';
  // A group whose figures are not valid has unknown usage, not zero.
  const unknown = g.state === 'unknown';
  const pods = runs ? g.pods : unknown ? null : 0;
  const runHours = unknown ? null : runs && g.waves !== null ? g.waves * d : runs ? null : 0;
  const { cpus, ramGB, gpus, gpuProduct } = g.pod;
  const podHours = mul(pods, d);
  const f = (value: number | null, formula: string): Figure => ({
    value,
    formula: unknown ? 'unknown: the group\u2019s figures are not valid' : formula,
  });
  const cpuHours = mul(podHours, cpus);
  const gbHours = mul(podHours, ramGB);
  const gpuHours = mul(podHours, gpus);
  const gpuRate = gpuPrice(prices, gpuProduct);
  // Dollars per hour for one pod's requests.
  const podRate =
    cpus === null || ramGB === null || gpus === null
      ? null
      : cpus * prices.cpuHour + ramGB * prices.gbHour + gpus * gpuRate;
  const requested = mul(podHours, podRate);
  const conc = runs ? g.concurrentPods : 0;
  const reserved = makespan === null ? null : mul(mul(conc, podRate), makespan);
  const slotHours = runHours === null || conc === null ? null : conc * runHours;
  const partialWaste =
    slotHours === null || podHours === null || podRate === null
      ? null
      : (slotHours - podHours) * podRate;
  const earlyWaste =
    makespan === null || runHours === null || conc === null || podRate === null
      ? null
      : conc * (makespan - runHours) * podRate;
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
      podRate === null
        ? unset
        : `${n(podHours)} pod-hours x ${price(podRate)}/pod-hour (${n(cpus)} CPUs x ${price(prices.cpuHour)} + ${n(ramGB)} GB x ${price(prices.gbHour)} + ${n(gpus)} GPUs x ${price(gpuRate)}) = ${money(requested ?? 0)}`,
    ),
    reservedCost: f(
      reserved === null ? null : round2(reserved),
      podRate === null
        ? unset
        : `${n(conc)} pods at once x ${price(podRate)}/pod-hour x ${n(makespan)} h makespan = ${money(reserved ?? 0)}`,
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
