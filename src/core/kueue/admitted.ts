/**
 * The workloads a cluster has admitted (`kubectl get workloads -A -o yaml`): the quota each holds
 * (`status.admission`, flavor by flavor) and when it is expected to end: its admission time plus
 * its `spec.maximumExecutionTimeSeconds`, when it has both. A finished workload keeps its
 * admission, but Kueue no longer counts its quota (`workload_controller.go`): it is left out.
 */
import { list, obj, str } from './data.ts';
import { amountOf } from './quantity.ts';
import { useQuota, type Queues } from './queues.ts';
import { lastListings, maxExecutionSeconds } from './listing.ts';

export interface AdmittedWorkload {
  /** `namespace/name`. */
  readonly name: string;
  readonly clusterQueue: string;
  readonly usage: readonly {
    readonly flavor: string;
    readonly resource: string;
    readonly amount: number;
  }[];
  /** When it is expected to end, in ms since the epoch; null when nothing says. */
  readonly end: number | null;
}

export function admittedWorkloads(docs: readonly unknown[]): AdmittedWorkload[] {
  const out: AdmittedWorkload[] = [];
  // A workload listed twice (a refreshed list added to the last) counts once, as last listed.
  for (const w of lastListings(docs)) {
    const status = obj(obj(w).status);
    const conditions = list(status.conditions).map(obj);
    if (conditions.some((c) => c.type === 'Finished' && c.status === 'True')) continue;
    const admission = obj(status.admission);
    const clusterQueue = str(admission.clusterQueue);
    if (!clusterQueue) continue;
    const usage = list(admission.podSetAssignments).flatMap((ps) => {
      const flavors = obj(obj(ps).flavors);
      return Object.entries(obj(obj(ps).resourceUsage)).flatMap(([resource, q]) => {
        const amount = amountOf(resource, q);
        const flavor = str(flavors[resource]);
        return amount !== null && flavor ? [{ flavor, resource, amount }] : [];
      });
    });
    const meta = obj(obj(w).metadata);
    out.push({
      name: `${str(meta.namespace, 'default')}/${str(meta.name)}`,
      clusterQueue,
      usage,
      end: endOf(obj(obj(w).spec), status, conditions),
    });
  }
  return out;
}

/**
 * Admitted at, plus what is left of the longest it may run: Kueue counts from `Admitted`
 * (`QuotaReserved` when nothing else says), less the time it ran before an eviction
 * (`status.accumulatedPastExecutionTimeSeconds`; kueue `workload_controller.go`).
 */
function endOf(
  spec: Readonly<Record<string, unknown>>,
  status: Readonly<Record<string, unknown>>,
  conditions: readonly Readonly<Record<string, unknown>>[],
) {
  const max = maxExecutionSeconds(spec.maximumExecutionTimeSeconds);
  if (max === null) return null;
  const since = (type: string) =>
    conditions.find((c) => c.type === type && c.status === 'True')?.lastTransitionTime;
  const at = Date.parse(str(since('Admitted') ?? since('QuotaReserved')));
  const past = status.accumulatedPastExecutionTimeSeconds;
  const ran = Number.isInteger(past) && (past as number) > 0 ? (past as number) : 0;
  return Number.isFinite(at) ? at + Math.max(0, max - ran) * 1000 : null;
}

/** Adds the workloads' usage to their ClusterQueues; returns how many were counted. */
export function addUsageOf(queues: Queues, workloads: readonly AdmittedWorkload[]): number {
  let counted = 0;
  for (const w of workloads) {
    const cq = queues.clusterQueues.get(w.clusterQueue);
    if (!cq) continue;
    counted++;
    for (const u of w.usage) useQuota(cq, u.flavor, u.resource, u.amount);
  }
  return counted;
}
