/**
 * A JobSet as Kueue sees it: one Workload, one PodSet per replicated Job, named after it
 * (lowercased), of `replicas x min(parallelism, completions)` pods, the pods that can run at
 * once (kueue `pkg/controller/jobs/jobset/jobset_controller.go`, `PodSets`, `podsCount`). Each
 * pod's requests as Kubernetes sums them (k8s `component-helpers/resource` `PodRequests`, which
 * Kueue calls): the containers' sum, or an init container's if larger (sidecars counted with
 * both), plus the pod's overhead; a limit stands for a request that is not set.
 */
import type { PodSet } from './assign.ts';
import { readToleration } from './queues.ts';
import { isObject, list, obj, type Obj } from './data.ts';
import { amountOf } from './quantity.ts';

const int = (v: unknown, fallback: number) => (Number.isInteger(v) ? (v as number) : fallback);

/** The label that puts a JobSet in a LocalQueue, and the one that gives it a priority. */
export const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
export const PRIORITY_LABEL = 'kueue.x-k8s.io/priority-class';

/** The PodSets of a JobSet (its `spec.replicatedJobs`, in order). */
export function podSetsOf(jobset: unknown): PodSet[] {
  return list(obj(obj(jobset).spec).replicatedJobs).map((rj) => {
    const r = obj(rj);
    const jobSpec = obj(obj(r.template).spec);
    const parallelism = int(jobSpec.parallelism, 1);
    const completions = int(jobSpec.completions, parallelism);
    const pod = obj(obj(jobSpec.template).spec);
    const name = String(r.name ?? '').toLowerCase();
    return podSetOf(name, int(r.replicas, 1) * Math.min(parallelism, completions), pod);
  });
}

/** `count` pods of this pod spec, as a PodSet: their requests, nodeSelector and tolerations. */
export function podSetOf(name: string, count: number, pod: Obj): PodSet {
  return {
    name,
    count,
    requests: podRequests(pod),
    nodeSelector: Object.fromEntries(
      Object.entries(obj(pod.nodeSelector)).map(([k, v]) => [k, String(v)]),
    ) as Record<string, string>,
    tolerations: list(pod.tolerations).filter(isObject).map(readToleration),
  };
}

/** A container's requests, a limit standing for a request not set. */
function requestsOf(container: unknown): Map<string, number> {
  const res = obj(obj(container).resources);
  const out = new Map<string, number>();
  for (const source of [obj(res.limits), obj(res.requests)])
    for (const [r, q] of Object.entries(source)) {
      const v = amountOf(r, q);
      if (v !== null) out.set(r, v);
    }
  return out;
}

// Maps: resource names are the user's, and `__proto__` is a name like any other (own.ts).
const add = (a: Map<string, number>, b: ReadonlyMap<string, number>) => {
  for (const [r, v] of b) a.set(r, (a.get(r) ?? 0) + v);
  return a;
};
const max = (a: Map<string, number>, b: ReadonlyMap<string, number>) => {
  for (const [r, v] of b) a.set(r, Math.max(a.get(r) ?? 0, v));
  return a;
};

function podRequests(pod: Obj): Record<string, number> {
  const total = new Map<string, number>();
  for (const c of list(pod.containers)) add(total, requestsOf(c));
  const sidecars = new Map<string, number>();
  const initMax = new Map<string, number>();
  for (const c of list(pod.initContainers)) {
    const req = requestsOf(c);
    if (obj(c).restartPolicy === 'Always') {
      add(total, req);
      add(sidecars, req);
      max(initMax, sidecars);
    } else max(initMax, add(new Map(req), sidecars));
  }
  max(total, initMax);
  add(total, requestsOf({ resources: { requests: pod.overhead } }));
  return Object.fromEntries(total) as Record<string, number>;
}
