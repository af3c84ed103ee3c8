/**
 * The job x pod grid as geometry in world units: groups stacked in the platform's global-index
 * order, each a block of `count` rows (Jobs) by `completions` columns (pod positions). Pure
 * arithmetic over the groups, so hit-testing a point is a binary search over groups and two
 * divisions: constant in the number of pods.
 */
import type { Expansion, GroupFigures } from '../jobset/expand.ts';

export interface GridGroup {
  /** Index of the group in `expansion.groups` (manifest order). */
  readonly index: number;
  readonly name: string;
  /** Top of the group's block (its header) and of its first row of cells. */
  readonly y: number;
  readonly cellsY: number;
  readonly rows: number;
  readonly cols: number;
  readonly height: number;
  readonly figures: GroupFigures;
}

export interface GridLayout {
  readonly groups: readonly GridGroup[];
  readonly cell: number;
  readonly width: number;
  readonly height: number;
}

export interface GridOptions {
  /** Side of one cell. */
  readonly cell?: number;
  /** Height of a group's header band (name and figures). */
  readonly header?: number;
  readonly gap?: number;
}

export const GRID_DEFAULTS = { cell: 16, header: 34, gap: 18 } as const;

export function gridLayout(expansion: Expansion, options: GridOptions = {}): GridLayout {
  const { cell, header, gap } = { ...GRID_DEFAULTS, ...options };
  const ordered = expansion.groups
    .map((figures, index) => ({ figures, index }))
    .sort((a, b) => a.figures.globalOrder - b.figures.globalOrder);
  let y = 0;
  let width = 0;
  const groups: GridGroup[] = [];
  for (const { figures, index } of ordered) {
    const rows = figures.count ?? 0;
    const cols = figures.completions ?? 0;
    const height = header + rows * cell;
    groups.push({ index, name: figures.name, y, cellsY: y + header, rows, cols, height, figures });
    width = Math.max(width, cols * cell);
    y += height + gap;
  }
  return { groups, cell, width, height: Math.max(0, y - gap) };
}

export interface PodRef {
  readonly group: number;
  readonly job: number;
  readonly pod: number;
}

/** The pod under world point (x, y), or null. `group` indexes `layout.groups`. */
export function hitTest(layout: GridLayout, x: number, y: number): PodRef | null {
  const { groups, cell } = layout;
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid]!;
    if (y < g.y) hi = mid - 1;
    else if (y >= g.y + g.height) lo = mid + 1;
    else {
      if (y < g.cellsY || x < 0) return null;
      const job = Math.floor((y - g.cellsY) / cell);
      const pod = Math.floor(x / cell);
      return job < g.rows && pod < g.cols ? { group: mid, job, pod } : null;
    }
  }
  return null;
}

/** The wave of pod position `pod` in a group (null while paused or unknown). */
export function waveOf(g: GroupFigures, pod: number): number | null {
  const p = g.effectiveParallelism;
  return p ? Math.floor(pod / p) : null;
}

export interface CellRange {
  readonly job0: number;
  readonly job1: number;
  readonly pod0: number;
  readonly pod1: number;
}

/** Rows and columns of `g` inside the world rectangle (end-exclusive), or null if none. */
export function visibleCells(
  g: GridGroup,
  cell: number,
  view: { x0: number; y0: number; x1: number; y1: number },
): CellRange | null {
  const job0 = Math.max(0, Math.floor((view.y0 - g.cellsY) / cell));
  const job1 = Math.min(g.rows, Math.ceil((view.y1 - g.cellsY) / cell));
  const pod0 = Math.max(0, Math.floor(view.x0 / cell));
  const pod1 = Math.min(g.cols, Math.ceil(view.x1 / cell));
  return job0 < job1 && pod0 < pod1 ? { job0, job1, pod0, pod1 } : null;
}

/** A pod next to `ref` in direction (dj, dp), moving across groups at the top and bottom. */
export function stepPod(layout: GridLayout, ref: PodRef, dj: number, dp: number): PodRef {
  const g = layout.groups[ref.group]!;
  const pod = Math.min(Math.max(0, ref.pod + dp), Math.max(0, g.cols - 1));
  const job = ref.job + dj;
  if (job >= 0 && job < g.rows) return { ...ref, job, pod };
  // Off the group's edge: the next group with pods in that direction.
  for (let i = ref.group + Math.sign(dj); i >= 0 && i < layout.groups.length; i += Math.sign(dj)) {
    const next = layout.groups[i]!;
    if (next.rows > 0 && next.cols > 0) {
      return { group: i, job: dj > 0 ? 0 : next.rows - 1, pod: Math.min(pod, next.cols - 1) };
    }
  }
  return { ...ref, pod };
}

/** "worker: 4 jobs x 2 pods, 2 at a time, 8 pods in 1 wave": the grid in words. */
export function describeGroup(g: GroupFigures): string {
  const n = (x: number | null, word: string) =>
    x === null ? `unknown ${word}s` : `${x.toLocaleString('en-US')} ${word}${x === 1 ? '' : 's'}`;
  const head = `${g.name}: ${n(g.count, 'job')} x ${n(g.completions, 'pod')}`;
  switch (g.state) {
    case 'paused':
      return `${head}, paused (parallelisms 0): no pod starts`;
    case 'empty':
      return `${head}: no pods`;
    case 'unknown':
      return `${head}: figures not valid`;
    case 'runs':
      return `${head}, ${g.effectiveParallelism!.toLocaleString('en-US')} at a time, ${n(g.pods, 'pod')} in ${n(g.waves, 'wave')}`;
  }
}
