/** What one pod's requests cost per hour: the one place a pod's cost rate is computed. */
import type { PerPod } from '../jobset/expand.ts';
import { gpuPrice, type Prices } from '../settings.ts';

export interface PodRate {
  /** Dollars per hour for the requests that are set (unset ones count as nothing). */
  readonly rate: number;
  /** False when CPUs, RAM or GPUs are not set: the rate covers only the rest. */
  readonly complete: boolean;
  /** The GPU price per hour that applies to the pod's product. */
  readonly gpuRate: number;
}

export function podRate(pod: PerPod, prices: Prices): PodRate {
  const gpuRate = gpuPrice(prices, pod.gpuProduct);
  const rate =
    (pod.cpus ?? 0) * prices.cpuHour + (pod.ramGB ?? 0) * prices.gbHour + (pod.gpus ?? 0) * gpuRate;
  return {
    rate,
    complete: pod.cpus !== null && pod.ramGB !== null && pod.gpus !== null,
    gpuRate,
  };
}

/**
 * An amount to the cent (also hours or GPU-hours to two decimals), the half cent read as written:
 * `2.205` is 2.21 whether it was computed as 0.735 x 3 or 2.2049999999999996, so that the plan and
 * the simulated run, which add the same amounts in different orders, give the same cents.
 */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}
