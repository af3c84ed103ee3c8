/**
 * Sweeps: a group's grid of hyperparameters, a design setting (never in the manifest). Each axis
 * is a list of values or a range (linear or log, n points); the grid is their product, in
 * row-major order with the last axis fastest, and the pod's mapped index picks its point:
 * `JOB_INDEX` (independent trials, `count` = grid size), `JOB_COMPLETION_INDEX` (shards of one
 * Job, `completions` = grid size) or `JOB_GLOBAL_INDEX` (a design of one group: its Jobs, as
 * the JobSet numbers them).
 */
import { getOwn, putOwn } from '../own.ts';

export type SweepValue = number | string;

export type AxisValues =
  | { readonly kind: 'list'; readonly values: readonly SweepValue[] }
  | {
      readonly kind: 'range';
      readonly scale: 'linear' | 'log';
      readonly from: number;
      readonly to: number;
      readonly points: number;
    };

export interface SweepAxis {
  readonly name: string;
  readonly values: AxisValues;
}

export const SWEEP_INDEXES = ['JOB_INDEX', 'JOB_COMPLETION_INDEX', 'JOB_GLOBAL_INDEX'] as const;
export type SweepIndex = (typeof SWEEP_INDEXES)[number];

export interface Sweep {
  readonly axes: readonly SweepAxis[];
  readonly index: SweepIndex;
}

/** Above this many points a sweep is probably a mistake (and its table is large). */
export const SWEEP_WARN_POINTS = 100_000;
/** The most points a range may ask for, so that a typo cannot ask for a billion. */
export const MAX_RANGE_POINTS = 1_000_000;
/**
 * The most values all axes of a sweep may hold together, and the most points its grid may
 * have: the program embeds every value, and a design runs one Job or pod per point. Checked
 * before anything is computed, so a link cannot ask for 32 axes of a million points.
 */
export const MAX_SWEEP_VALUES = 100_000;
export const MAX_GRID_POINTS = 1_000_000;
/** The most characters the text values of a sweep may hold together. */
export const MAX_SWEEP_CHARS = 1_000_000;

/** How many values an axis has: a formula, nothing computed. */
export function axisLength(v: AxisValues): number {
  if (v.kind === 'list') return v.values.length;
  return Number.isFinite(v.points)
    ? Math.max(0, Math.min(MAX_RANGE_POINTS, Math.floor(v.points)))
    : 0;
}

/** Value `i` of an axis (0 <= i < axisLength). Ranges are rounded as people write them. */
export function axisValueAt(v: AxisValues, i: number): SweepValue {
  if (v.kind === 'list') return v.values[i]!;
  const n = axisLength(v);
  if (n === 1) return v.from;
  const f = i / (n - 1);
  return significant(
    v.scale === 'log' ? v.from * (v.to / v.from) ** f : v.from + (v.to - v.from) * f,
  );
}

/** The values of an axis, in order. */
export function axisValues(v: AxisValues): SweepValue[] {
  return Array.from({ length: axisLength(v) }, (_, i) => axisValueAt(v, i));
}

/**
 * Ten significant digits: 1e-3 · 10^(1/2) is 0.003162277660, not 0.0031622776601683794, and
 * 1e-7 stays 1e-7 (no fixed number of decimals: learning rates are small).
 */
function significant(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(10));
}

/** How many values each axis has. */
export function axisLengths(s: Sweep): number[] {
  return s.axes.map((a) => axisLength(a.values));
}

/** Points in the grid: the product of the axes' lengths (0 with an empty axis or none). */
export function gridSize(s: Sweep): number {
  if (s.axes.length === 0) return 0;
  return axisLengths(s).reduce((n, l) => n * l, 1);
}

/** The grid's point `k` (row-major, last axis fastest), or null outside the grid. */
export function sweepPoint(s: Sweep, k: number): Record<string, SweepValue> | null {
  // The point's value on each axis by formula: cost does not grow with the axes' lengths.
  const lengths = axisLengths(s);
  const size = lengths.reduce((n, l) => n * l, lengths.length ? 1 : 0);
  if (!Number.isInteger(k) || k < 0 || k >= size) return null;
  const point: Record<string, SweepValue> = {};
  let rest = k;
  for (let i = lengths.length - 1; i >= 0; i--) {
    const l = lengths[i]!;
    putOwn(point, s.axes[i]!.name, axisValueAt(s.axes[i]!.values, rest % l));
    rest = Math.floor(rest / l);
  }
  // In the axes' order, as the user declared them.
  return Object.fromEntries(s.axes.map((a) => [a.name, getOwn(point, a.name)!]));
}

/** Words Python keeps for itself: an axis is a variable in the generated program. */
const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Why the sweep cannot be used, one sentence each; empty when it can. */
export function sweepProblems(s: Sweep): string[] {
  const out: string[] = [];
  if (s.axes.length === 0) out.push('Add an axis: a name and its values.');
  const seen = new Set<string>();
  for (const a of s.axes) {
    const name = a.name.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || PYTHON_KEYWORDS.has(name)) {
      out.push(
        `Axis name "${a.name}" must be a Python name (letters, digits, _; not starting with a digit; not a keyword).`,
      );
    } else if (seen.has(name)) out.push(`Two axes are called "${name}".`);
    seen.add(name);
    const v = a.values;
    if (v.kind === 'list' && v.values.length === 0) out.push(`Axis "${a.name}" has no values.`);
    if (v.kind === 'range') {
      if (!Number.isFinite(v.from) || !Number.isFinite(v.to)) {
        out.push(`Axis "${a.name}": the range needs two numbers.`);
      } else if (v.scale === 'log' && (v.from <= 0 || v.to <= 0)) {
        out.push(`Axis "${a.name}": a log range needs bounds above 0.`);
      }
      if (!Number.isInteger(v.points) || v.points < 1 || v.points > MAX_RANGE_POINTS) {
        out.push(
          `Axis "${a.name}": the number of points must be a whole number from 1 to ${MAX_RANGE_POINTS.toLocaleString('en-US')}.`,
        );
      }
    }
  }
  // Sizes, by formula, before anything is computed from them.
  const values = s.axes.reduce((n, a) => n + axisLength(a.values), 0);
  if (values > MAX_SWEEP_VALUES) {
    out.push(
      `The axes hold ${values.toLocaleString('en-US')} values in all; a sweep holds at most ${MAX_SWEEP_VALUES.toLocaleString('en-US')}.`,
    );
  } else if (gridSize(s) > MAX_GRID_POINTS) {
    out.push(
      `The grid has ${gridSize(s).toLocaleString('en-US')} points; a sweep has at most ${MAX_GRID_POINTS.toLocaleString('en-US')} (one Job or pod each).`,
    );
  }
  const chars = s.axes.reduce(
    (n, a) =>
      n +
      (a.values.kind === 'list'
        ? a.values.values.reduce<number>((m, x) => m + (typeof x === 'string' ? x.length : 0), 0)
        : 0),
    0,
  );
  if (chars > MAX_SWEEP_CHARS) {
    out.push(
      `The text values hold ${chars.toLocaleString('en-US')} characters; a sweep holds at most ${MAX_SWEEP_CHARS.toLocaleString('en-US')}.`,
    );
  }
  return out;
}

/** A warning for a very large grid, or null. */
export function sweepWarning(s: Sweep): string | null {
  const n = gridSize(s);
  return n > SWEEP_WARN_POINTS
    ? `The grid has ${n.toLocaleString('en-US')} points (more than ${SWEEP_WARN_POINTS.toLocaleString('en-US')}): is every axis meant to be this fine?`
    : null;
}

/** The figure the sweep sets: `count` for JOB_INDEX, `completions` for JOB_COMPLETION_INDEX. */
export function sweepField(index: SweepIndex): 'count' | 'completions' {
  return index === 'JOB_COMPLETION_INDEX' ? 'completions' : 'count';
}

/**
 * The value the sweep writes into its field: the grid size; null for JOB_GLOBAL_INDEX in a design
 * of several groups, where it cannot number the grid (JOB_INDEX does).
 */
export function sweepTarget(s: Sweep, otherGroupsJobs: number | null): number | null {
  const n = gridSize(s);
  // JOB_GLOBAL_INDEX numbers the Jobs of every group: with other groups (or groups whose count
  // is not known), this group's Jobs may not start at 0 and points would be skipped.
  if (s.index === 'JOB_GLOBAL_INDEX' && otherGroupsJobs !== 0) return null;
  return n;
}

/**
 * The Jobs of the design's groups other than `group`: what JOB_GLOBAL_INDEX counts before or
 * after it. Null when some other group's count is not known (never taken as 0 or 1).
 */
export function otherGroupsJobs(
  groups: readonly { readonly name: string; readonly count: number | null }[],
  group: string,
): number | null {
  let n = 0;
  for (const g of groups) {
    if (g.name === group) continue;
    if (g.count === null) return null;
    n += g.count;
  }
  return n;
}

/** The grid index of a pod: its mapped variable (JOB_GLOBAL_INDEX counts from the JobSet's first Job). */
export function pointIndexOf(s: Sweep, env: Readonly<Record<string, string>>): number {
  // NaN for a pod of another operator, which has no JobSet index to map.
  const v = env[s.index];
  return v === undefined || v === '' ? NaN : Number(v);
}

/** A sweep read from untrusted data (a link, storage): null unless it has the shape of one. */
export function readSweep(raw: unknown): Sweep | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as { index?: unknown; axes?: unknown };
  if (!(SWEEP_INDEXES as readonly unknown[]).includes(o.index) || !Array.isArray(o.axes))
    return null;
  const axes: SweepAxis[] = [];
  for (const a of o.axes.slice(0, 32) as unknown[]) {
    if (typeof a !== 'object' || a === null) return null;
    const { name, values } = a as { name?: unknown; values?: unknown };
    if (typeof name !== 'string' || typeof values !== 'object' || values === null) return null;
    const v = values as Record<string, unknown>;
    if (v.kind === 'list' && Array.isArray(v.values)) {
      const list = v.values.filter(
        (x): x is SweepValue =>
          (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string',
      );
      axes.push({
        name: name.slice(0, 100),
        values: { kind: 'list', values: list.slice(0, MAX_RANGE_POINTS) },
      });
    } else if (
      v.kind === 'range' &&
      (v.scale === 'linear' || v.scale === 'log') &&
      typeof v.from === 'number' &&
      typeof v.to === 'number' &&
      typeof v.points === 'number'
    ) {
      axes.push({
        name: name.slice(0, 100),
        values: { kind: 'range', scale: v.scale, from: v.from, to: v.to, points: v.points },
      });
    } else return null;
  }
  return { index: o.index as SweepIndex, axes };
}

/** A list of values as typed, "1e-3, 0.01, adam" -> [0.001, 0.01, "adam"]: numbers where they read as numbers. */
export function parseSweepList(text: string): SweepValue[] {
  return text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map((x) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(x) ? Number(x) : x));
}

/** A pod's sweep point, or null when its group has no usable sweep (or the pod is outside the grid). */
export function podParams(
  sweeps: Readonly<Record<string, Sweep>>,
  pod: {
    readonly type: string;
    readonly env: Readonly<Record<string, string>>;
  },
): Record<string, SweepValue> | null {
  const s = Object.hasOwn(sweeps, pod.type) ? sweeps[pod.type]! : null;
  if (!s || sweepProblems(s).length) return null;
  const at = pointIndexOf(s, pod.env);
  return Number.isInteger(at) ? sweepPoint(s, at) : null;
}

/** A sweep point on one line: `lr = 0.001, opt = adam`. */
export function paramsText(point: Readonly<Record<string, SweepValue>>): string {
  return Object.entries(point)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}
