/**
 * Kueue's flavor assignment for one Workload in one ClusterQueue, as its scheduler decides it
 * (kueue `pkg/scheduler/flavorassigner/flavorassigner.go`: `assignFlavors`,
 * `findFlavorForPodSets`, `fitsResourceQuota`, `shouldTryNextFlavor`, `isPreferred`), with its
 * messages word for word. PodSets in order, each taking quota its earlier PodSets left; for each
 * resource group, its flavors in order; a flavor is taken when it fits, or when it fits only by
 * borrowing or preempting and `flavorFungibility` says to stop there.
 *
 * Where Kueue's order is a Go map's (the resources of a PodSet), this model takes the
 * ClusterQueue's order: resources not covered first, then the resource groups as listed.
 * Preemption is not simulated: a request that could be met by preempting is a wait (Kueue's
 * default policies preempt nothing).
 */
import { formatAmount } from './quantity.ts';
import { available, borrowingLevel, fr, potentialAvailable, type QuotaNode } from './tree.ts';

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value: string;
  readonly effect: string;
}

export interface Flavor {
  readonly name: string;
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly nodeTaints: readonly Taint[];
  readonly tolerations: readonly Toleration[];
}

export type Fungibility = 'MayStopSearch' | 'TryNextFlavor';

export interface ClusterQueue {
  readonly name: string;
  readonly resourceGroups: readonly {
    readonly coveredResources: readonly string[];
    readonly flavors: readonly string[];
  }[];
  /**
   * StrictFIFO: the head of the queue blocks those behind it until it is admitted;
   * BestEffortFIFO (the default): a workload that does not fit lets the next one try.
   */
  readonly queueingStrategy: 'StrictFIFO' | 'BestEffortFIFO';
  /**
   * The preemption policies that are not `Never` (`withinClusterQueue: LowerPriority`, …): Kueue
   * may admit a waiting workload by evicting others, which this model does not simulate.
   */
  readonly preemption: readonly string[];
  readonly flavorFungibility: {
    readonly whenCanBorrow: Fungibility;
    readonly whenCanPreempt: Fungibility;
    readonly preference: 'BorrowingOverPreemption' | 'PreemptionOverBorrowing';
  };
  /** Its place in the quota tree, usage included. */
  readonly node: QuotaNode;
}

/** A PodSet: `count` pods with these requests each (amounts: see quantity.ts). */
export interface PodSet {
  readonly name: string;
  readonly count: number;
  readonly requests: Readonly<Record<string, number>>;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
}

/** Why a PodSet found no flavor, worst last (kueue `resolveNoFitReason`). */
export type NoFitReason = 'WaitingForQuota' | 'ExceedsMaxQuota' | 'NoMatchingFlavor';
const SEVERITY: Readonly<Record<NoFitReason, number>> = {
  WaitingForQuota: 2,
  ExceedsMaxQuota: 3,
  NoMatchingFlavor: 4,
};

/** Kueue's public modes: the worst of a PodSet's resources, and of a Workload's PodSets. */
export type Mode = 'NoFit' | 'Preempt' | 'Fit';

export interface ResourceAssignment {
  readonly flavor: string;
  readonly mode: Mode;
  /** 0 within nominal quota, else how high in the cohorts the quota comes from. */
  readonly borrow: number;
}

export interface PodSetAssignment {
  readonly name: string;
  readonly count: number;
  /** The PodSet's total requests (per pod x count, and `pods` when the queue covers it). */
  readonly requests: Readonly<Record<string, number>>;
  /** By resource; empty when no flavor fits. */
  readonly flavors: Readonly<Record<string, ResourceAssignment>>;
  readonly mode: Mode;
  /** Kueue's reasons, sorted as its status message sorts them. */
  readonly reasons: readonly string[];
  readonly noFitReason: NoFitReason | null;
}

/** The flavors a PodSet takes, each once, in the order of its resources. */
export function flavorsTaken(p: PodSetAssignment): string[] {
  return [...new Set(Object.values(p.flavors).map((f) => f.flavor))];
}

/** Whether a PodSet takes quota lent by its cohort. */
export function borrows(p: PodSetAssignment): boolean {
  return Object.values(p.flavors).some((f) => f.borrow > 0);
}

export interface Assignment {
  readonly podSets: readonly PodSetAssignment[];
  readonly mode: Mode;
  readonly borrowing: number;
  /** `couldn't assign flavors to pod set …`, as the Workload's condition says it; '' when it fits. */
  readonly message: string;
  readonly noFitReason: NoFitReason | null;
}

/** Internal modes, worst first (kueue `preemptionMode`). */
type Granular = { readonly p: 0 | 1 | 2; readonly borrow: number };
const NO_FIT = 0;
const NO_CANDIDATES = 1;
const FIT = 2;

export function assignFlavors(
  podSets: readonly PodSet[],
  cq: ClusterQueue,
  flavors: ReadonlyMap<string, Flavor>,
): Assignment {
  const used = new Map<string, number>();
  const covered = new Set(cq.resourceGroups.flatMap((g) => g.coveredResources));
  const out: PodSetAssignment[] = [];
  for (const ps of podSets) {
    const requests = totals(ps, covered);
    const a = assignPodSet(ps, requests, cq, flavors, covered, used);
    out.push(a);
    for (const [r, f] of Object.entries(a.flavors))
      used.set(fr(f.flavor, r), (used.get(fr(f.flavor, r)) ?? 0) + requests[r]!);
    if (a.mode === 'NoFit') break;
  }
  const rank: Readonly<Record<Mode, number>> = { NoFit: 0, Preempt: 1, Fit: 2 };
  const mode = out.reduce<Mode>((m, a) => (rank[a.mode] < rank[m] ? a.mode : m), 'Fit');
  const reasons = out.map((a) => a.noFitReason).filter((r): r is NoFitReason => r !== null);
  return {
    podSets: out,
    mode,
    borrowing: Math.max(0, ...out.flatMap((a) => Object.values(a.flavors).map((f) => f.borrow))),
    message: out
      .filter((a) => a.mode !== 'Fit')
      .map((a) => `couldn't assign flavors to pod set ${a.name}: ${a.reasons.join(', ')}`)
      .join('; '),
    noFitReason: mode === 'Fit' ? null : (worst(reasons) ?? 'WaitingForQuota'),
  };
}

/** Per pod x count; `pods` too when the queue has quota for it. */
function totals(ps: PodSet, covered: ReadonlySet<string>): Record<string, number> {
  const out = Object.entries(ps.requests).map(([r, v]) => [r, Math.max(0, v) * ps.count] as const);
  return Object.fromEntries(covered.has('pods') ? [...out, ['pods', ps.count]] : out);
}

function assignPodSet(
  ps: PodSet,
  requests: Readonly<Record<string, number>>,
  cq: ClusterQueue,
  flavors: ReadonlyMap<string, Flavor>,
  covered: ReadonlySet<string>,
  used: ReadonlyMap<string, number>,
): PodSetAssignment {
  const base = { name: ps.name, count: ps.count, requests };
  const missing = Object.keys(requests).find((r) => !covered.has(r) && requests[r]! > 0);
  if (missing !== undefined)
    return noFit(base, [`resource ${missing} unavailable in ClusterQueue`], 'NoMatchingFlavor');
  const assigned: Record<string, ResourceAssignment> = {};
  const reasons: string[] = [];
  let mode: Mode = 'Fit';
  const groupReasons: NoFitReason[] = [];
  for (const group of cq.resourceGroups) {
    const wanted = group.coveredResources.filter((r) => Object.hasOwn(requests, r));
    if (wanted.length === 0) continue;
    const found = findFlavor(ps, wanted, requests, group.flavors, cq, flavors, used);
    if (!found.best) {
      groupReasons.push(found.noFitReason);
      return noFit(base, [...reasons, ...found.reasons], worst(groupReasons)!);
    }
    Object.assign(assigned, found.best);
    reasons.push(...found.reasons);
    for (const a of Object.values(found.best)) if (a.mode !== 'Fit') mode = 'Preempt';
    if (mode !== 'Fit') groupReasons.push('WaitingForQuota');
  }
  return {
    ...base,
    flavors: assigned,
    mode,
    reasons: [...reasons].sort(),
    noFitReason: mode === 'Fit' ? null : 'WaitingForQuota',
  };
}

function noFit(
  base: Pick<PodSetAssignment, 'name' | 'count' | 'requests'>,
  reasons: readonly string[],
  noFitReason: NoFitReason,
): PodSetAssignment {
  return { ...base, flavors: {}, mode: 'NoFit', reasons: [...reasons].sort(), noFitReason };
}

/** One resource group: its flavors in order (kueue `findFlavorForPodSets`). */
function findFlavor(
  ps: PodSet,
  wanted: readonly string[],
  requests: Readonly<Record<string, number>>,
  order: readonly string[],
  cq: ClusterQueue,
  flavors: ReadonlyMap<string, Flavor>,
  used: ReadonlyMap<string, number>,
) {
  let best: Record<string, ResourceAssignment> | null = null;
  let bestMode: Granular = { p: NO_FIT, borrow: 0 };
  const reasons: string[] = [];
  const attempts: NoFitReason[] = [];
  for (const name of order) {
    const f = flavors.get(name);
    const unmatched = f ? mismatch(ps, f) : `flavor ${name} not found`;
    if (unmatched) {
      reasons.push(unmatched);
      attempts.push('NoMatchingFlavor');
      continue;
    }
    let mode: Granular = { p: FIT, borrow: 0 };
    let attempt: NoFitReason | null = null;
    const assignment: Record<string, ResourceAssignment> = {};
    for (const r of wanted) {
      const q = fits(cq, name, r, used.get(fr(name, r)) ?? 0, requests[r]!);
      if (q.reason) reasons.push(q.reason);
      mode = { p: Math.min(mode.p, q.p) as Granular['p'], borrow: Math.max(mode.borrow, q.borrow) };
      if (q.p !== FIT) attempt = q.exceeds ? 'ExceedsMaxQuota' : 'WaitingForQuota';
      if (mode.p === NO_FIT) break;
      assignment[r] = { flavor: name, mode: mode.p === FIT ? 'Fit' : 'Preempt', borrow: q.borrow };
    }
    if (attempt) attempts.push(attempt);
    if (mode.p === NO_FIT) continue;
    if (!tryNext(mode, cq.flavorFungibility)) {
      best = assignment;
      bestMode = mode;
      break;
    }
    if (preferred(mode, bestMode, cq.flavorFungibility.preference)) {
      best = assignment;
      bestMode = mode;
    }
  }
  // Within a group the flavors are alternatives: the least severe reason is the group's.
  const least = attempts.reduce<NoFitReason | null>(
    (m, r) => (m === null || SEVERITY[r] < SEVERITY[m] ? r : m),
    null,
  );
  return {
    best,
    reasons: best && bestMode.p === FIT ? [] : reasons,
    noFitReason: least ?? 'NoMatchingFlavor',
  };
}

/** Why a flavor cannot hold the PodSet's pods: a taint, or its labels; null when it can. */
export function mismatch(ps: PodSet, f: Flavor): string | null {
  const tolerations = [...ps.tolerations, ...f.tolerations];
  for (const t of f.nodeTaints) {
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    if (!tolerations.some((tol) => tolerates(tol, t)))
      return `untolerated taint {${t.key} ${t.value} ${t.effect} <nil>} in flavor ${f.name}`;
  }
  // Only the selector's keys that the flavor labels count (kueue `flavorSelector`).
  for (const [key, value] of Object.entries(ps.nodeSelector))
    if (Object.hasOwn(f.nodeLabels, key) && f.nodeLabels[key] !== value)
      return `flavor ${f.name} doesn't match node affinity`;
  return null;
}

function tolerates(tol: Toleration, t: Taint): boolean {
  if (tol.effect !== '' && tol.effect !== t.effect) return false;
  if (tol.operator === 'Exists') return tol.key === '' || tol.key === t.key;
  return tol.key === t.key && tol.value === t.value;
}

/** One (flavor, resource) for a PodSet's request (kueue `fitsResourceQuota`). */
function fits(cq: ClusterQueue, flavor: string, r: string, assumed: number, request: number) {
  const k = fr(flavor, r);
  const free = Math.max(0, available(cq.node, k));
  const max = potentialAvailable(cq.node, k);
  const val = assumed + request;
  const show = (n: number) => formatAmount(r, n);
  if (val > max)
    return {
      p: NO_FIT,
      borrow: 0,
      exceeds: true,
      reason: `insufficient quota for ${r} in flavor ${flavor}, previously considered podsets requests (${show(assumed)}) + current podset request (${show(request)}) > maximum capacity (${show(max)})`,
    } as const;
  const { level, mayReclaim } = borrowingLevel(cq.node, k, val);
  if (val <= free) return { p: FIT, borrow: level, exceeds: false, reason: null } as const;
  const reason = `insufficient unused quota for ${r} in flavor ${flavor}, ${show(val - free)} more needed`;
  const nominal = cq.node.quotas.get(k)?.nominal ?? 0;
  // Kueue asks its preemption oracle here; with nothing to preempt, the Workload waits.
  if (nominal >= val || mayReclaim)
    return { p: NO_CANDIDATES, borrow: level, exceeds: false, reason } as const;
  return { p: NO_FIT, borrow: level, exceeds: false, reason } as const;
}

function tryNext(m: Granular, ff: ClusterQueue['flavorFungibility']): boolean {
  if (m.p === NO_FIT || m.p === NO_CANDIDATES) return true;
  return m.borrow !== 0 && ff.whenCanBorrow === 'TryNextFlavor';
}

/** Whether `a` beats `b` (kueue `isPreferred`); strict, so the first flavor wins ties. */
function preferred(a: Granular, b: Granular, preference: string): boolean {
  if (b.p === NO_FIT) return a.p !== NO_FIT;
  if (a.p === NO_FIT) return false;
  // A flavor that would need preempting with nothing to preempt ranks below any that can go.
  if ((a.p === NO_CANDIDATES) !== (b.p === NO_CANDIDATES)) return a.p !== NO_CANDIDATES;
  if (preference === 'PreemptionOverBorrowing') {
    if (a.borrow !== b.borrow) return a.borrow < b.borrow;
    return a.p > b.p;
  }
  if (a.p !== b.p) return a.p > b.p;
  return a.borrow < b.borrow;
}

function worst(reasons: readonly NoFitReason[]): NoFitReason | null {
  return reasons.reduce<NoFitReason | null>(
    (m, r) => (m === null || SEVERITY[r] > SEVERITY[m] ? r : m),
    null,
  );
}
