/**
 * When a waiting JobSet would be admitted: the admitted workloads end in the order of their
 * expected ends (admitted.ts), each giving its quota back; the JobSet starts when the first
 * end leaves enough. Admitting more never takes quota away, so the first such end is found by
 * bisection. It assumes no other pending workload takes the freed quota first (a StrictFIFO
 * queue serves the older ones before).
 */
import { admit } from './admission.ts';
import { addUsageOf, type AdmittedWorkload } from './admitted.ts';
import type { PodSet } from './assign.ts';
import type { LocalQueue, Queues } from './queues.ts';

export type Start =
  | { readonly kind: 'now' }
  | { readonly kind: 'never' }
  /** Once these workloads have ended, the last of them at `time` (ms since the epoch). */
  | { readonly kind: 'at'; readonly time: number; readonly after: readonly string[] }
  /** Even after every workload with an expected end, those without one hold the quota. */
  | { readonly kind: 'unknown'; readonly holding: number };

export function startOf(
  podSets: readonly PodSet[],
  queuesOf: () => Queues,
  localQueue: LocalQueue,
  workloads: readonly AdmittedWorkload[],
  version?: string,
): Start {
  const verdictWith = (running: readonly AdmittedWorkload[]) => {
    const queues = queuesOf();
    addUsageOf(queues, running);
    return admit(podSets, queues, localQueue, version).verdict;
  };
  const now = verdictWith(workloads);
  if (now === 'admitted') return { kind: 'now' };
  if (now !== 'waits') return { kind: 'never' };
  const ending = workloads
    .filter((w) => w.end !== null)
    .sort((a, b) => a.end! - b.end! || (a.name < b.name ? -1 : 1));
  const unknown = workloads.filter((w) => w.end === null);
  const fitsAfter = (k: number) => verdictWith([...ending.slice(k), ...unknown]) === 'admitted';
  if (!fitsAfter(ending.length)) return { kind: 'unknown', holding: unknown.length };
  let [lo, hi] = [1, ending.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fitsAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return { kind: 'at', time: ending[lo - 1]!.end!, after: ending.slice(0, lo).map((w) => w.name) };
}
