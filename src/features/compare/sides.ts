/**
 * The two sides of a comparison as the view shows them: A on the left, B on the right, each with
 * its text, label and analysis (null while it is being made), and which of them is the current
 * design.
 */
import type { GroupChange } from '../../core/compare/diff.ts';
import type { Analysis } from '../../core/ui.ts';
import type { DesignerState } from '../../state/store.ts';

export interface Side {
  readonly text: string;
  readonly label: string;
  readonly analysis: Analysis | null;
  readonly current: boolean;
}

export type SidesInput = Pick<
  DesignerState,
  'comparison' | 'otherAnalysis' | 'text' | 'analysis' | 'analysisVersion' | 'version'
>;

export function sidesOf(s: SidesInput, currentLabel: string): [Side, Side] | null {
  const c = s.comparison;
  if (!c) return null;
  const current: Side = {
    text: s.text,
    label: currentLabel,
    analysis: s.analysisVersion === s.version ? s.analysis : null,
    current: true,
  };
  const other: Side = {
    text: c.other.text,
    label: c.other.label,
    analysis: s.otherAnalysis?.of === c.other ? s.otherAnalysis.analysis : null,
    current: false,
  };
  return c.currentFirst ? [current, other] : [other, current];
}

export type Tint = 'added' | 'removed' | 'changed';

/** A stretch of a side's text to tint in the YAML diff: a group's whole entry. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
  readonly tint: Tint;
}

/** The groups' entries to tint on each side, from the group changes and each side's spans. */
export function highlights(
  groups: readonly GroupChange[],
  a: Analysis | null,
  b: Analysis | null,
): { a: Highlight[]; b: Highlight[] } {
  const span = (x: Analysis | null, name: string) => x?.groupSpans.find((g) => g.name === name);
  const out = { a: [] as Highlight[], b: [] as Highlight[] };
  const add = (list: Highlight[], x: Analysis | null, name: string, tint: Tint) => {
    const g = span(x, name);
    if (g) list.push({ start: g.keyStart, end: g.end, tint });
  };
  for (const g of groups) {
    switch (g.kind) {
      case 'same':
        break;
      case 'changed':
        add(out.a, a, g.name, 'changed');
        add(out.b, b, g.name, 'changed');
        break;
      case 'renamed':
        add(out.a, a, g.from, 'changed');
        add(out.b, b, g.to, 'changed');
        break;
      case 'added':
        add(out.b, b, g.name, 'added');
        break;
      case 'removed':
        add(out.a, a, g.name, 'removed');
        break;
    }
  }
  return out;
}
