/**
 * The queues a cluster has, read from the objects `kubectl get
 * clusterqueues,resourceflavors,cohorts,localqueues -o yaml` prints (a List, or the objects
 * themselves): ResourceFlavors, ClusterQueues and Cohorts as one quota tree, LocalQueues by
 * namespace and name. Objects of other kinds are listed and skipped; what cannot be read is a
 * problem at its path (a LocalQueue that points nowhere, a flavor that does not exist, a quota
 * that is not a quantity).
 */
import type { ClusterQueue, Flavor, Fungibility, Taint, Toleration } from './assign.ts';
import { putOwn } from '../own.ts';
import { isObject as isObj, list, obj, str, type Obj } from './data.ts';
import { amountOf } from './quantity.ts';
import {
  addUsage,
  fr,
  quotaNode,
  removeUsage,
  settle,
  type Quota,
  type QuotaNode,
} from './tree.ts';

export interface LocalQueue {
  readonly namespace: string;
  readonly name: string;
  readonly clusterQueue: string;
}

export interface QueueProblem {
  readonly path: string;
  readonly message: string;
}

export interface Queues {
  readonly flavors: ReadonlyMap<string, Flavor>;
  readonly clusterQueues: ReadonlyMap<string, ClusterQueue>;
  readonly localQueues: readonly LocalQueue[];
  /** WorkloadPriorityClasses: name -> value (a workload's priority). */
  readonly priorityClasses: ReadonlyMap<string, number>;
  /** Objects of other kinds, skipped: `kind name` at their path. */
  readonly skipped: readonly QueueProblem[];
  readonly problems: readonly QueueProblem[];
}

/** Every object of the documents, a List's items in their place, each with its path. */
function objects(docs: readonly unknown[]): { at: string; o: Obj }[] {
  const out: { at: string; o: Obj }[] = [];
  docs.forEach((d, i) => {
    const at = docs.length > 1 ? `document ${i + 1}` : '';
    if (isObj(d) && Array.isArray(d.items))
      d.items.forEach(
        (item, j) => isObj(item) && out.push({ at: join(at, `items[${j}]`), o: item }),
      );
    else if (isObj(d)) out.push({ at, o: d });
  });
  return out;
}

const join = (a: string, b: string) => (a ? `${a}: ${b}` : b);
const nameOf = (o: Obj) => str(obj(o.metadata).name);

const KINDS = new Set([
  'ResourceFlavor',
  'ClusterQueue',
  'Cohort',
  'LocalQueue',
  'WorkloadPriorityClass',
]);

export function readQueues(docs: readonly unknown[]): Queues {
  const problems: QueueProblem[] = [];
  const skipped: QueueProblem[] = [];
  const flavors = new Map<string, Flavor>();
  const cqs: { at: string; o: Obj }[] = [];
  const cohorts: { at: string; o: Obj }[] = [];
  const localQueues: LocalQueue[] = [];
  const priorityClasses = new Map<string, number>();
  const seen = new Set<string>();
  for (const { at, o } of objects(docs)) {
    const kind = str(o.kind);
    const spec = obj(o.spec);
    // One object per kind and name (per namespace for LocalQueues): a second would count twice.
    const key = `${kind}\u0000${str(obj(o.metadata).namespace)}\u0000${nameOf(o)}`;
    if (KINDS.has(kind) && seen.has(key)) {
      problems.push({
        path: at || 'the document',
        message: `a second ${kind} ${nameOf(o) || 'without a name'}: only the first is used`,
      });
      continue;
    }
    seen.add(key);
    switch (kind) {
      case 'ResourceFlavor':
        flavors.set(nameOf(o), readFlavor(nameOf(o), spec));
        break;
      case 'ClusterQueue':
        cqs.push({ at, o });
        break;
      case 'Cohort':
        cohorts.push({ at, o });
        break;
      case 'LocalQueue': {
        const meta = obj(o.metadata);
        localQueues.push({
          namespace: str(meta.namespace, 'default'),
          name: nameOf(o),
          clusterQueue: str(spec.clusterQueue),
        });
        break;
      }
      case 'WorkloadPriorityClass':
        readPriorityClass(at, o, priorityClasses, problems);
        break;
      default:
        skipped.push({
          path: at || 'the document',
          message: `${kind || 'an object without a kind'} ${nameOf(o)}`.trim(),
        });
    }
  }
  const clusterQueues = quotaTree(cqs, cohorts, flavors, problems);
  for (const lq of localQueues) {
    if (!clusterQueues.has(lq.clusterQueue))
      problems.push({
        path: `LocalQueue ${lq.namespace}/${lq.name}: spec.clusterQueue`,
        message: lq.clusterQueue
          ? `points to ClusterQueue ${lq.clusterQueue}, which is not in the files`
          : 'names no ClusterQueue',
      });
  }
  return { flavors, clusterQueues, localQueues, priorityClasses, skipped, problems };
}

/** The ClusterQueues and cohorts as one quota tree, cycles cut, subtrees summed. */
function quotaTree(
  cqs: readonly { at: string; o: Obj }[],
  cohorts: readonly { at: string; o: Obj }[],
  flavors: ReadonlyMap<string, Flavor>,
  problems: QueueProblem[],
): Map<string, ClusterQueue> {
  const nodes = new Map<string, QuotaNode>();
  const cohortNode = (name: string): QuotaNode => {
    const key = `cohort\u0000${name}`;
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = quotaNode(name, 'Cohort')));
    return n;
  };
  for (const { o } of cohorts) {
    const spec = obj(o.spec);
    const node = cohortNode(nameOf(o));
    readQuotas(node, spec, problems, flavors);
    const parent = str(spec.parentName);
    if (parent) link(node, cohortNode(parent));
  }
  cutCycles(nodes, problems);
  const clusterQueues = new Map<string, ClusterQueue>();
  for (const { o } of cqs) {
    const cq = readClusterQueue(o, problems, flavors, cohortNode);
    clusterQueues.set(cq.name, cq);
  }
  for (const n of rootsOf(clusterQueues)) settle(n);
  return clusterQueues;
}

/** A WorkloadPriorityClass: a name for a priority, `value`. */
function readPriorityClass(
  at: string,
  o: Obj,
  into: Map<string, number>,
  problems: QueueProblem[],
): void {
  if (Number.isInteger(o.value)) into.set(nameOf(o), o.value as number);
  else
    problems.push({
      path: join(at || `WorkloadPriorityClass ${nameOf(o)}`, 'value'),
      message: 'a priority class needs a whole number as its value',
    });
}

function readClusterQueue(
  o: Obj,
  problems: QueueProblem[],
  flavors: ReadonlyMap<string, Flavor>,
  cohortNode: (name: string) => QuotaNode,
): ClusterQueue {
  const spec = obj(o.spec);
  const name = nameOf(o);
  const node = quotaNode(name, 'ClusterQueue');
  const groups = readQuotas(node, spec, problems, flavors);
  // `cohort` in v1beta1, `cohortName` in v1beta2.
  const cohort = str(spec.cohortName, str(spec.cohort));
  if (cohort) link(node, cohortNode(cohort));
  const ff = obj(spec.flavorFungibility);
  return {
    name,
    resourceGroups: groups,
    queueingStrategy: spec.queueingStrategy === 'StrictFIFO' ? 'StrictFIFO' : 'BestEffortFIFO',
    preemption: Object.entries(obj(spec.preemption)).flatMap(([k, v]) =>
      typeof v === 'string' && v !== 'Never' ? [`${k}: ${v}`] : [],
    ),
    flavorFungibility: {
      whenCanBorrow: fungibility(ff.whenCanBorrow, 'MayStopSearch'),
      whenCanPreempt: fungibility(ff.whenCanPreempt, 'TryNextFlavor'),
      preference:
        ff.preference === 'PreemptionOverBorrowing'
          ? 'PreemptionOverBorrowing'
          : 'BorrowingOverPreemption',
    },
    node,
  };
}

/** Deeper trees of cohorts than this are refused (the model's walks recurse; Kueue's are shallow). */
const MAX_COHORT_DEPTH = 100;

/**
 * Cohorts whose parents lead back to themselves: Kueue disables such a tree; here each cycle is
 * a problem at the cohort that closes it, and cut there (nothing below walks a loop). A chain
 * deeper than MAX_COHORT_DEPTH is cut too. Each cohort is walked once.
 */
function cutCycles(nodes: ReadonlyMap<string, QuotaNode>, problems: QueueProblem[]): void {
  const done = new Set<QuotaNode>();
  for (const start of nodes.values()) {
    const path: QuotaNode[] = [];
    const onPath = new Set<QuotaNode>();
    let n: QuotaNode | null = start;
    while (n && !done.has(n)) {
      if (onPath.has(n) || path.length >= MAX_COHORT_DEPTH) {
        const last = path[path.length - 1]!;
        problems.push({
          path: `Cohort ${last.name}: spec.parentName`,
          message: onPath.has(n)
            ? `the cohorts' parents make a cycle (${[...path.slice(path.indexOf(n)), n].map((c) => c.name).join(' -> ')}): Kueue uses none of them`
            : `more than ${MAX_COHORT_DEPTH} cohorts deep: not modelled`,
        });
        n.children.splice(n.children.indexOf(last), 1);
        last.parent = null;
        break;
      }
      path.push(n);
      onPath.add(n);
      n = n.parent;
    }
    for (const p of path) done.add(p);
  }
}

function link(child: QuotaNode, parent: QuotaNode): void {
  child.parent = parent;
  parent.children.push(child);
}

/** The roots of the trees the ClusterQueues are in (each settled once). */
function rootsOf(cqs: ReadonlyMap<string, ClusterQueue>): Set<QuotaNode> {
  const roots = new Set<QuotaNode>();
  for (const { node } of cqs.values()) {
    let n = node;
    const seen = new Set<QuotaNode>();
    while (n.parent && !seen.has(n)) {
      seen.add(n);
      n = n.parent;
    }
    roots.add(n);
  }
  return roots;
}

/** v1beta1's `Borrow` and `Preempt` are v1beta2's `MayStopSearch`. */
function fungibility(v: unknown, fallback: Fungibility): Fungibility {
  if (v === 'TryNextFlavor') return 'TryNextFlavor';
  if (v === 'MayStopSearch' || v === 'Borrow' || v === 'Preempt') return 'MayStopSearch';
  return fallback;
}

function readFlavor(name: string, spec: Obj): Flavor {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(spec.nodeLabels)))
    if (['string', 'number', 'boolean'].includes(typeof v)) putOwn(labels, k, String(v));
  return {
    name,
    nodeLabels: labels,
    nodeTaints: list(spec.nodeTaints).filter(isObj).map(readTaint),
    tolerations: list(spec.tolerations).filter(isObj).map(readToleration),
  };
}

export const readTaint = (t: Obj): Taint => ({
  key: str(t.key),
  value: str(t.value),
  effect: str(t.effect),
});

export const readToleration = (t: Obj): Toleration => ({
  key: str(t.key),
  operator: t.operator === 'Exists' ? 'Exists' : 'Equal',
  value: str(t.value),
  effect: str(t.effect),
});

/** A ClusterQueue's or Cohort's resource groups, their quotas set on `node`. */
function readQuotas(
  node: QuotaNode,
  spec: Obj,
  problems: QueueProblem[],
  flavors: ReadonlyMap<string, Flavor>,
): ClusterQueue['resourceGroups'] {
  const where = `${node.kind} ${node.name}: spec`;
  return list(spec.resourceGroups).map((g, gi) => {
    const group = obj(g);
    const covered = list(group.coveredResources).map((r) => str(r));
    const names: string[] = [];
    list(group.flavors).forEach((f, fi) => {
      if (!isObj(f)) return;
      const flavor = str(f.name);
      const path = `${where}.resourceGroups[${gi}].flavors[${fi}]`;
      names.push(flavor);
      if (!flavors.has(flavor))
        problems.push({
          path: `${path}.name`,
          message: `ResourceFlavor ${flavor} is not in the files`,
        });
      list(f.resources).forEach((r, ri) => {
        if (!isObj(r)) return;
        const resource = str(r.name);
        const q = readQuota(resource, r, `${path}.resources[${ri}]`, problems);
        if (q) node.quotas.set(fr(flavor, resource), q);
      });
    });
    return { coveredResources: covered, flavors: names };
  });
}

/** A value as a message quotes it: a scalar as written, anything else by its kind. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : 'a map';
}

function readQuota(resource: string, r: Obj, path: string, problems: QueueProblem[]): Quota | null {
  const amount = (key: string, required: boolean): number | null | undefined => {
    if (r[key] === undefined) {
      if (required) problems.push({ path: `${path}.${key}`, message: `no ${key} for ${resource}` });
      return required ? undefined : null;
    }
    const v = amountOf(resource, r[key]);
    if (v === null)
      problems.push({
        path: `${path}.${key}`,
        message: `${shown(r[key])} is not a quantity (a number, or one with a unit: 500m, 64Gi)`,
      });
    return v ?? undefined;
  };
  const nominal = amount('nominalQuota', true);
  const borrowingLimit = amount('borrowingLimit', false);
  const lendingLimit = amount('lendingLimit', false);
  if (nominal === undefined || borrowingLimit === undefined || lendingLimit === undefined)
    return null;
  return { nominal: nominal ?? 0, borrowingLimit, lendingLimit };
}

/** Usage of workloads already admitted, on a ClusterQueue's node (and up its cohorts). */
export function useQuota(cq: ClusterQueue, flavor: string, resource: string, amount: number): void {
  addUsage(cq.node, fr(flavor, resource), amount);
}

/** Gives quota back: the inverse of useQuota. */
export function freeQuota(
  cq: ClusterQueue,
  flavor: string,
  resource: string,
  amount: number,
): void {
  removeUsage(cq.node, fr(flavor, resource), amount);
}
