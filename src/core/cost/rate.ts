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
  const cents = x * 100;
  // The reading makes -0 a plain 0 (shown as "0", never "-0").
  if (cents === 0) return 0;
  const nearest = Math.round(cents);
  // Reading the cents to 12 digits moves them by at most half a unit of the 12th digit: only
  // cents that close to a half can round otherwise, and only they pay for the reading (a
  // design of 10,000 groups rounds hundreds of thousands of amounts).
  if (0.5 - Math.abs(cents - nearest) > Math.abs(cents) * 1e-11) return nearest / 100;
  return Math.round(Number(cents.toPrecision(12))) / 100;
}
