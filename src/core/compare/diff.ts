/**
 * What changing one design into another does to the run: the totals side by side with their
 * deltas (Jobs, pods, peaks, GPUs per product, makespan, cost, and the run on the user's cluster
 * when either side sets one), and per group whether it was added, removed, renamed (found by
 * matching content) or changed, with each changed figure. Every figure is read from the same
 * core functions the sidebar, the timeline and the CLI read; none is computed again here.
 */
import type { Analysis } from '../analysis.ts';
import type { GroupFigures, Totals } from '../jobset/expand.ts';
import { tidy } from '../jobset/numbers.ts';
import { headline } from '../run/schedule.ts';

/** What a side of the comparison needs of its analysis (`operator`: unknown when left out). */
export type CompareSide = Pick<Analysis, 'expansion' | 'schedule' | 'usage'> &
  Partial<Pick<Analysis, 'operator'>>;

export type FigureUnit = 'count' | 'cpus' | 'gb' | 'gpus' | 'hours' | 'dollars';

export interface TotalDelta {
  /** Stable key: `jobs`, `gpus:NVIDIA-A100-SXM4-80GB`, `simulated.makespan`, ... */
  readonly key: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly a: number | null;
  readonly b: number | null;
  /** b - a; null when either side is unknown. */
  readonly delta: number | null;
  /** A side whose run on the cluster never finishes (its figure is null for that reason). */
  readonly unfinished?: { readonly a: boolean; readonly b: boolean };
}

export const GROUP_FIELDS = [
  'count',
  'completions',
  'parallelisms',
  'pods',
  'concurrentPods',
  'cpus',
  'ramGB',
  'gpus',
  'gpuProduct',
  'firstGlobalIndex',
  'globalReplicas',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<GroupField, string>> = {
  count: 'Jobs (count)',
  completions: 'pods per Job (completions)',
  parallelisms: 'at a time (parallelisms)',
  pods: 'pods',
  concurrentPods: 'concurrent pods',
  cpus: 'CPUs per pod',
  ramGB: 'RAM GB per pod',
  gpus: 'GPUs per pod',
  gpuProduct: 'GPU product',
  firstGlobalIndex: "its Jobs' first JOB_GLOBAL_INDEX",
  globalReplicas: 'GLOBAL_REPLICAS',
};

export interface FieldChange {
  readonly field: GroupField;
  readonly a: number | string | null;
  readonly b: number | string | null;
}

export type GroupChange =
  | { readonly kind: 'same'; readonly name: string }
  | { readonly kind: 'changed'; readonly name: string; readonly changes: readonly FieldChange[] }
  | {
      readonly kind: 'renamed';
      readonly from: string;
      readonly to: string;
      readonly changes: readonly FieldChange[];
    }
  | { readonly kind: 'added'; readonly name: string }
  | { readonly kind: 'removed'; readonly name: string };

export interface DesignDiff {
  /** Each side's `spec.operator` (null: none, or not known). */
  readonly operators: { readonly a: string | null; readonly b: string | null };
  /**
   * True when both sides have figures to compare (readable designs of a known operator); otherwise the totals and
   * groups say nothing, and the designs are never called the same.
   */
  readonly compared: boolean;
  readonly totals: readonly TotalDelta[];
  /** B's groups in B's order (same, changed, renamed, added), then A's removed groups. */
  readonly groups: readonly GroupChange[];
  /** True when both are compared and nothing differs: operator, totals, groups, variables. */
  readonly same: boolean;
}

export function compareDesigns(a: CompareSide, b: CompareSide): DesignDiff {
  const totals = compareTotals(a, b);
  const groups = compareGroups(
    a.expansion?.groups ?? [],
    b.expansion?.groups ?? [],
    a.expansion?.totals.globalReplicas ?? null,
    b.expansion?.totals.globalReplicas ?? null,
  );
  const operators = { a: a.operator ?? null, b: b.operator ?? null };
  const compared = a.expansion !== null && b.expansion !== null;
  return {
    operators,
    compared,
    totals,
    groups,
    same:
      compared &&
      operators.a === operators.b &&
      totals.every((t) => t.a === t.b) &&
      groups.every((g) => g.kind === 'same'),
  };
}

function row(
  key: string,
  label: string,
  unit: FigureUnit,
  a: number | null,
  b: number | null,
): TotalDelta {
  return { key, label, unit, a, b, delta: a === null || b === null ? null : tidy(b - a) };
}

/** The design-wide figures compared, each read from a side's totals. */
const TOTAL_ROWS: readonly (readonly [string, string, FigureUnit, (t: Totals) => number | null])[] =
  [
    ['jobs', 'Jobs', 'count', (t) => t.jobs],
    ['pods', 'Pods', 'count', (t) => t.pods],
    ['concurrentPods', 'Peak concurrent pods', 'count', (t) => t.concurrentPods],
    ['cpus', 'Peak CPUs', 'cpus', (t) => t.peak.cpus],
    ['ramGB', 'Peak RAM (GB)', 'gb', (t) => t.peak.ramGB],
    ['gpus', 'Peak GPUs', 'gpus', (t) => t.peak.gpus],
  ];

function compareTotals(a: CompareSide, b: CompareSide): TotalDelta[] {
  const ta = a.expansion?.totals ?? null;
  const tb = b.expansion?.totals ?? null;
  return [
    ...TOTAL_ROWS.map(([key, label, unit, pick]) =>
      row(key, label, unit, ta ? pick(ta) : null, tb ? pick(tb) : null),
    ),
    ...gpuProductRows(ta, tb),
    ...runRows(a, b),
  ];
}

/** Peak GPUs of each product either side asks for (0 on a side that asks for none). */
function gpuProductRows(ta: Totals | null, tb: Totals | null): TotalDelta[] {
  const of = (t: Totals | null, p: string) =>
    t ? (Object.hasOwn(t.peak.gpusByProduct, p) ? t.peak.gpusByProduct[p]! : 0) : null;
  const products = [
    ...new Set([
      ...Object.keys(ta?.peak.gpusByProduct ?? {}),
      ...Object.keys(tb?.peak.gpusByProduct ?? {}),
    ]),
  ].sort();
  return products.map((p) => row(`gpus:${p}`, `Peak GPUs: ${p}`, 'gpus', of(ta, p), of(tb, p)));
}

/** The planned run's makespan and costs, and the run on the user's cluster when either side simulates one. */
function runRows(a: CompareSide, b: CompareSide): TotalDelta[] {
  const ha = a.schedule && a.usage ? headline(a.schedule, a.usage) : null;
  const hb = b.schedule && b.usage ? headline(b.schedule, b.usage) : null;
  type Pick = 'makespan' | 'requestedCost' | 'reservedCost';
  const planned = (h: typeof ha, pick: Pick) => h?.planned[pick] ?? null;
  const rows = [
    row('makespan', 'Makespan (h)', 'hours', planned(ha, 'makespan'), planned(hb, 'makespan')),
    row(
      'requestedCost',
      'Cost, requested',
      'dollars',
      planned(ha, 'requestedCost'),
      planned(hb, 'requestedCost'),
    ),
    row(
      'reservedCost',
      'Cost, reserved',
      'dollars',
      planned(ha, 'reservedCost'),
      planned(hb, 'reservedCost'),
    ),
  ];
  if (ha?.run !== 'cluster' && hb?.run !== 'cluster') return rows;
  const sim = (h: typeof ha, pick: Pick) => (h?.run === 'cluster' ? h[pick] : null);
  const unfinished = {
    a: ha?.run === 'cluster' && ha.makespan === null,
    b: hb?.run === 'cluster' && hb.makespan === null,
  };
  const onCluster: [string, string, FigureUnit, Pick][] = [
    ['simulated.makespan', 'Makespan on your cluster (h)', 'hours', 'makespan'],
    ['simulated.requestedCost', 'Cost on your cluster, requested', 'dollars', 'requestedCost'],
    ['simulated.reservedCost', 'Cost on your cluster, reserved', 'dollars', 'reservedCost'],
  ];
  for (const [key, label, unit, pick] of onCluster) {
    rows.push({ ...row(key, label, unit, sim(ha, pick), sim(hb, pick)), unfinished });
  }
  return rows;
}

function fieldOf(
  g: GroupFigures,
  f: GroupField,
  globalReplicas: number | null,
): number | string | null {
  switch (f) {
    case 'firstGlobalIndex':
      return g.globalIndexStart;
    case 'globalReplicas':
      // Every pod of the design gets it: a change anywhere changes every group's pods.
      return globalReplicas;
    case 'count':
    case 'completions':
    case 'parallelisms':
    case 'pods':
    case 'concurrentPods':
      return g[f];
    case 'cpus':
    case 'ramGB':
    case 'gpus':
    case 'gpuProduct':
      return g.pod[f];
  }
}

/** The figures a user sets (derived ones follow them): what rename detection matches on. */
const OWN_FIELDS: readonly GroupField[] = [
  'count',
  'completions',
  'parallelisms',
  'cpus',
  'ramGB',
  'gpus',
  'gpuProduct',
];
/**
 * A renamed group keeps all its own figures but one: pod sizes alone are shared by unrelated
 * groups (every CPU-only group of 4 CPUs and 8 GB), so fewer is a removal and an addition.
 */
const RENAME_MIN_SAME = 6;

function compareGroups(
  as: readonly GroupFigures[],
  bs: readonly GroupFigures[],
  replicasA: number | null,
  replicasB: number | null,
): GroupChange[] {
  // Figures and the variables its pods get: a group whose figures stay but whose pods see other
  // JOB_GLOBAL_INDEX or GLOBAL_REPLICAS values (another group renamed or resized) has changed.
  const changesBetween = (a: GroupFigures, b: GroupFigures): FieldChange[] => {
    const out: FieldChange[] = [];
    for (const field of GROUP_FIELDS) {
      const x = fieldOf(a, field, replicasA);
      const y = fieldOf(b, field, replicasB);
      if (x !== y) out.push({ field, a: x, b: y });
    }
    return out;
  };
  const sameOwn = (a: GroupFigures, b: GroupFigures) =>
    OWN_FIELDS.filter((f) => fieldOf(a, f, null) === fieldOf(b, f, null)).length;
  const byNameA = new Map(as.map((g) => [g.name, g]));
  const byNameB = new Map(bs.map((g) => [g.name, g]));
  const goneA = as.filter((g) => !byNameB.has(g.name));
  const newB = bs.filter((g) => !byNameA.has(g.name));
  // Renames: the best-matching pairs first (equal figures count), each group used once.
  const pairs: { a: GroupFigures; b: GroupFigures; score: number }[] = [];
  for (const a of goneA) {
    for (const b of newB) {
      const score = sameOwn(a, b);
      if (score >= RENAME_MIN_SAME) pairs.push({ a, b, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const renamedFrom = new Map<string, GroupFigures>();
  const usedA = new Set<string>();
  for (const p of pairs) {
    if (usedA.has(p.a.name) || renamedFrom.has(p.b.name)) continue;
    usedA.add(p.a.name);
    renamedFrom.set(p.b.name, p.a);
  }
  const out: GroupChange[] = bs.map((b): GroupChange => {
    const a = byNameA.get(b.name);
    if (a) {
      const changes = changesBetween(a, b);
      return changes.length
        ? { kind: 'changed', name: b.name, changes }
        : { kind: 'same', name: b.name };
    }
    const from = renamedFrom.get(b.name);
    if (from)
      return { kind: 'renamed', from: from.name, to: b.name, changes: changesBetween(from, b) };
    return { kind: 'added', name: b.name };
  });
  for (const a of goneA) if (!usedA.has(a.name)) out.push({ kind: 'removed', name: a.name });
  return out;
}
