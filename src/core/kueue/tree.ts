/**
 * Quota in a tree of ClusterQueues and cohorts, as Kueue's cache keeps it
 * (kueue `pkg/cache/scheduler/resource_node.go`): each node has quotas per (flavor, resource),
 * the quota of its subtree, and usage. A ClusterQueue lends what it does not keep (`nominal -
 * lendingLimit` is kept, when a lending limit is set) and borrows within its borrowing limit.
 */

/** One flavor's quota of one resource in a ClusterQueue or cohort (amounts: see quantity.ts). */
export interface Quota {
  readonly nominal: number;
  readonly borrowingLimit: number | null;
  readonly lendingLimit: number | null;
}

/** A (flavor, resource) pair, as one key. */
export const fr = (flavor: string, resource: string): string => `${flavor}\u0000${resource}`;

export interface QuotaNode {
  readonly name: string;
  readonly kind: 'ClusterQueue' | 'Cohort';
  parent: QuotaNode | null;
  readonly children: QuotaNode[];
  readonly quotas: Map<string, Quota>;
  /** The node's quota plus what its children lend it. */
  readonly subtree: Map<string, number>;
  /** Usage past what the node keeps for itself is also its parent's. */
  readonly usage: Map<string, number>;
}

export function quotaNode(name: string, kind: QuotaNode['kind']): QuotaNode {
  return {
    name,
    kind,
    parent: null,
    children: [],
    quotas: new Map(),
    subtree: new Map(),
    usage: new Map(),
  };
}

const get = (m: ReadonlyMap<string, number>, k: string) => m.get(k) ?? 0;

/** Sums the subtrees, leaves first (`updateCohortResourceNode`, `accumulateFromChild`). */
export function settle(node: QuotaNode): void {
  for (const c of node.children) settle(c);
  node.subtree.clear();
  for (const [k, q] of node.quotas) node.subtree.set(k, q.nominal);
  for (const c of node.children)
    for (const k of c.subtree.keys())
      node.subtree.set(k, get(node.subtree, k) + get(c.subtree, k) - localQuota(c, k));
}

/** What a node keeps for its own subtree, never lent to its parent. */
export function localQuota(node: QuotaNode, k: string): number {
  const lending = node.quotas.get(k)?.lendingLimit ?? null;
  return lending === null ? 0 : Math.max(0, get(node.subtree, k) - lending);
}

export function localAvailable(node: QuotaNode, k: string): number {
  return Math.max(0, localQuota(node, k) - get(node.usage, k));
}

/** Adds usage to a node; what it does not keep goes up to its parent (`addUsage`). */
export function addUsage(node: QuotaNode, k: string, amount: number): void {
  const up = amount - localAvailable(node, k);
  node.usage.set(k, get(node.usage, k) + amount);
  if (node.parent && up > 0) addUsage(node.parent, k, up);
}

/**
 * Takes usage back from a node, and from its parent what was stored there (`removeUsage`): the
 * exact inverse of addUsage, in any order, since a node stores `max(0, usage - localQuota)` up.
 */
export function removeUsage(node: QuotaNode, k: string, amount: number): void {
  const storedInParent = get(node.usage, k) - localQuota(node, k);
  node.usage.set(k, get(node.usage, k) - amount);
  if (node.parent && storedInParent > 0)
    removeUsage(node.parent, k, Math.min(amount, storedInParent));
}

/** What a node can use now: its own free quota and what its ancestors can lend it. */
export function available(node: QuotaNode, k: string): number {
  if (!node.parent) return get(node.subtree, k) - get(node.usage, k);
  let fromParent = available(node.parent, k);
  const bl = node.quotas.get(k)?.borrowingLimit ?? null;
  if (bl !== null) {
    const lq = localQuota(node, k);
    const storedInParent = get(node.subtree, k) - lq;
    const usedInParent = Math.max(0, get(node.usage, k) - lq);
    fromParent = Math.min(storedInParent - usedInParent + bl, fromParent);
  }
  return localAvailable(node, k) + fromParent;
}

/** The most a node could ever use, with nothing else running: its maximum capacity. */
export function potentialAvailable(node: QuotaNode, k: string): number {
  if (!node.parent) return get(node.subtree, k);
  let out = localQuota(node, k) + potentialAvailable(node.parent, k);
  const bl = node.quotas.get(k)?.borrowingLimit ?? null;
  if (bl !== null) out = Math.min(get(node.subtree, k) + bl, out);
  return out;
}

/**
 * A cohort's height (kueue `getNodeHeight`): 1 with any child, one more per level of cohorts
 * below it; 0 for a cohort with no children at all.
 */
function height(node: QuotaNode): number {
  const below = node.children.filter((c) => c.kind === 'Cohort').map(height);
  return Math.max(Math.min(node.children.length, 1), ...below.map((h) => h + 1));
}

/**
 * How far a ClusterQueue borrows to hold `val` more of `k`: 0 within its nominal quota, else the
 * height of the lowest cohort whose subtree holds it (`FindHeightOfLowestSubtreeThatFits`,
 * kueue `pkg/scheduler/preemption/classical/hierarchical_preemption.go`). `mayReclaim`: quota
 * lent out higher up could be reclaimed.
 */
export function borrowingLevel(
  cq: QuotaNode,
  k: string,
  val: number,
): { level: number; mayReclaim: boolean } {
  const nominal = cq.quotas.get(k)?.nominal ?? 0;
  if (!(nominal < get(cq.usage, k) + val) || !cq.parent)
    return { level: 0, mayReclaim: cq.parent !== null };
  let remaining = val - localAvailable(cq, k);
  for (let n: QuotaNode | null = cq.parent; n; n = n.parent) {
    if (!(get(n.subtree, k) < get(n.usage, k) + remaining))
      return { level: height(n), mayReclaim: n.parent !== null };
    remaining -= localAvailable(n, k);
    if (!n.parent) return { level: height(n), mayReclaim: false };
  }
  return { level: 0, mayReclaim: false };
}
