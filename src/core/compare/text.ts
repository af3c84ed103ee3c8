/**
 * A comparison as people read it: figures and signed deltas ("+16", "-$3.20", "no change"), and
 * the whole comparison as text lines for the command line. The designer's compare view reads
 * the same functions.
 */
import { dollars, NEVER_FINISHES, num } from '../format.ts';
import type { DesignDiff, FieldChange, FigureUnit, GroupChange } from './diff.ts';
import { FIELD_LABELS } from './diff.ts';

export function figureText(unit: FigureUnit, x: number | null, unfinished = false): string {
  if (x === null) return unfinished ? NEVER_FINISHES : 'not set';
  return unit === 'dollars' ? dollars(x) : num(x, 2);
}

export function deltaText(unit: FigureUnit, d: number | null): string {
  if (d === null) return '—';
  if (d === 0 || (unit === 'dollars' && Math.abs(d) < 0.005)) return 'no change';
  const sign = d > 0 ? '+' : '-';
  return `${sign}${unit === 'dollars' ? dollars(Math.abs(d)) : num(Math.abs(d), 2)}`;
}

const value = (v: number | string | null) =>
  v === null ? 'not set' : typeof v === 'number' ? num(v, 2) : v;

export function changeText(c: FieldChange): string {
  return `${FIELD_LABELS[c.field]} ${value(c.a)} → ${value(c.b)}`;
}

export function groupChangeText(g: GroupChange): string {
  switch (g.kind) {
    case 'same':
      return `${g.name}: unchanged`;
    case 'changed':
      return `${g.name}: changed: ${g.changes.map(changeText).join(', ')}`;
    case 'renamed':
      return `${g.from} → ${g.to}: renamed${g.changes.length ? `, and ${g.changes.map(changeText).join(', ')}` : ''}`;
    case 'added':
      return `${g.name}: added`;
    case 'removed':
      return `${g.name}: removed`;
  }
}

/** The comparison as aligned text: a table of totals, then one line per group. */
export function diffLines(d: DesignDiff, nameA: string, nameB: string): string[] {
  const rows = d.totals.map((t) => [
    t.label,
    figureText(t.unit, t.a, t.unfinished?.a),
    figureText(t.unit, t.b, t.unfinished?.b),
    deltaText(t.unit, t.delta),
  ]);
  const head = ['', nameA, nameB, 'change'];
  const width = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!)))
      .join('  ')
      .trimEnd();
  const ops = d.operators;
  const operator = ops.a !== ops.b ? [`Operator: ${ops.a ?? 'none'} → ${ops.b ?? 'none'}`, ''] : [];
  if (!d.compared) {
    return [
      ...operator,
      `Figures are compared only when both designs can be figured, a readable manifest of an operator the platform runs (${nameA}: ${ops.a ?? 'no operator'}, ${nameB}: ${ops.b ?? 'no operator'}): nothing is said about how the runs differ.`,
    ];
  }
  return [
    ...operator,
    line(head),
    ...rows.map(line),
    '',
    'Groups:',
    ...d.groups.map((g) => `  ${groupChangeText(g)}`),
    ...(d.same ? ['', 'The designs run the same.'] : []),
  ];
}
