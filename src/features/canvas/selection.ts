/** Selections name their group (stable across edits); the layout indexes groups. */
import type { GridLayout, PodRef } from '../../core/layout/grid.ts';
import type { PodSelection } from '../../state/slices/canvas.ts';

export function toRef(layout: GridLayout, s: PodSelection | null): PodRef | null {
  if (!s) return null;
  const group = layout.groups.findIndex((g) => g.name === s.group);
  const g = layout.groups[group];
  return g && s.job < g.rows && s.pod < g.cols ? { group, job: s.job, pod: s.pod } : null;
}

export function toSelection(layout: GridLayout, r: PodRef): PodSelection {
  return { group: layout.groups[r.group]!.name, job: r.job, pod: r.pod };
}
