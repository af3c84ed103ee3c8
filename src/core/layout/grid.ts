/**
 * The job x pod grid as geometry in world units: groups stacked in the platform's global-index
 * order, each a block of `count` rows (Jobs) by `completions` columns (pod positions). Pure
 * arithmetic over the groups, so hit-testing a point is a binary search over groups and two
 * divisions: constant in the number of pods.
 */
import { RANK_VARIABLE } from '../operators/operators.ts';
import { num } from '../format.ts';
import type { Expansion, GroupFigures } from '../jobset/expand.ts';
import { podWave } from '../schedule/plan.ts';
import { textWidth, type Drawing, type Shape, type Tone } from './shapes.ts';

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
  /** "4 × 2  ·  2 at a time  ·  JOB_GLOBAL_INDEX 1–4": the figures beside the group's name. */
  readonly header: string;
}

export interface GridLayout {
  readonly groups: readonly GridGroup[];
  /** The most waves of any group: wave colours spread over this many. */
  readonly maxWaves: number;
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
    const text = headerText(figures, RANK_VARIABLE[expansion.run.operator]);
    groups.push({
      index,
      name: figures.name,
      y,
      cellsY: y + header,
      rows,
      cols,
      height,
      figures,
      header: text,
    });
    width = Math.max(width, cols * cell);
    y += height + gap;
  }
  return {
    groups,
    maxWaves: maxWaves(expansion.groups),
    cell,
    width,
    height: Math.max(0, y - gap),
  };
}

export interface PodRef {
  readonly group: number;
  readonly job: number;
  readonly pod: number;
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

/** How a grid is seen: world (x, y) shows at screen `world * k + (x, y)` in a `width x height` box. */
export interface GridView {
  readonly k: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GridMarks {
  readonly selected?: PodRef | null;
  readonly hovered?: PodRef | null;
  /** Index into `layout.groups` of the group the editors point at. */
  readonly focusedGroup?: number | null;
  /** Group names and figures above each block (off for thumbnails). */
  readonly headers?: boolean;
}

/**
 * The grid as shapes, for what is in `view`: one rectangle per visible wave band (a group's
 * colours depend only on the wave), grid lines and pod names only when cells are large enough to
 * show them. The number of shapes grows with what is on screen, never with the pod count.
 */
export function gridShapes(layout: GridLayout, view: GridView, marks: GridMarks): Shape[] {
  const { k } = view;
  const out: Shape[] = [
    { kind: 'rect', x: 0, y: 0, w: view.width, h: view.height, fill: 'background' },
  ];
  const pen: GridPen = {
    out,
    layout,
    k,
    c: layout.cell * k,
    world: {
      x0: -view.x / k,
      y0: -view.y / k,
      x1: (view.width - view.x) / k,
      y1: (view.height - view.y) / k,
    },
    sx: (x: number) => x * k + view.x,
    sy: (y: number) => y * k + view.y,
  };
  const headers = marks.headers ?? true;
  layout.groups.forEach((g, gi) => {
    if (g.y > pen.world.y1 || g.y + g.height < pen.world.y0) return;
    if (headers) groupHeader(pen, g);
    groupCells(pen, g);
    if (marks.focusedGroup === gi) {
      out.push({
        kind: 'frame',
        x: pen.sx(0) - 3,
        y: pen.sy(g.cellsY) - 3,
        w: g.cols * pen.c + 6,
        h: g.rows * pen.c + 6,
        stroke: 'accent',
        width: 2,
      });
    }
  });
  podOutline(pen, marks.hovered, 'muted', 1.5);
  podOutline(pen, marks.selected, 'selection', 3);
  return out;
}

/** The grid in view: shapes so far, scale `k` (cell `c` on screen), the world in view, world to screen. */
interface GridPen {
  readonly out: Shape[];
  readonly layout: GridLayout;
  readonly k: number;
  readonly c: number;
  readonly world: {
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
  };
  readonly sx: (x: number) => number;
  readonly sy: (y: number) => number;
}

type LaidGroup = GridLayout['groups'][number];

/** A group's name and figures over its cells; zoomed far out, the name alone, so none goes unnamed. */
function groupHeader({ out, k, sx, sy }: GridPen, g: LaidGroup) {
  const f = g.figures;
  const headerTop = sy(g.y);
  const headerHeight = (g.cellsY - g.y) * k;
  if (headerHeight >= 11) {
    out.push({
      kind: 'text',
      x: Math.max(4, sx(0)),
      y: headerTop + headerHeight / 2,
      spans: [
        { text: f.name, bold: true },
        { text: `   ${g.header}`, tone: 'muted' },
      ],
      size: 12,
      tone: 'text',
    });
  } else if (g.height * k >= 10) {
    out.push({
      kind: 'text',
      x: Math.max(2, sx(0)) + 3,
      y: headerTop + 7,
      spans: [{ text: f.name, bold: true }],
      size: 11,
      tone: 'text',
      backdrop: true,
    });
  }
}

/** The group's cells in view: one rectangle per wave band (or paused), lines and names when large. */
function groupCells(pen: GridPen, g: LaidGroup) {
  const { out, layout, c, sx, sy } = pen;
  const { cell } = layout;
  const f = g.figures;
  const range = visibleCells(g, cell, pen.world);
  if (!range) return;
  const top = sy(g.cellsY + range.job0 * cell);
  const height = (range.job1 - range.job0) * c;
  const p = f.effectiveParallelism;
  if (f.state !== 'runs' || !p) {
    out.push({
      kind: 'rect',
      x: sx(range.pod0 * cell),
      y: top,
      w: (range.pod1 - range.pod0) * c,
      h: height,
      fill: 'paused',
      title: f.state === 'paused' ? 'paused' : 'no pods run',
    });
  } else {
    for (let w = podWave(f, range.pod0)!; w * p < range.pod1; w++) {
      const from = Math.max(range.pod0, w * p);
      const to = Math.min(range.pod1, (w + 1) * p);
      out.push({
        kind: 'rect',
        x: sx(from * cell),
        y: top,
        w: (to - from) * c,
        h: height,
        fill: waveTone(w, layout.maxWaves),
        title: `wave ${w + 1}`,
      });
    }
  }
  if (c >= 6) out.push(gridLines(range, g.cellsY, cell, sx, sy));
  if (c >= 44) out.push(...podNames(f, range, g.cellsY, cell, sx, sy, c, layout.maxWaves));
}

/** A frame around one pod (hovered or selected), never smaller than 4 pixels. */
function podOutline(
  { out, layout, c, sx, sy }: GridPen,
  ref: PodRef | null | undefined,
  stroke: Tone,
  width: number,
) {
  const g = ref ? layout.groups[ref.group] : undefined;
  if (!ref || !g) return;
  const size = Math.max(c, 4);
  out.push({
    kind: 'frame',
    x: sx(ref.pod * layout.cell) - (size - c) / 2,
    y: sy(g.cellsY + ref.job * layout.cell) - (size - c) / 2,
    w: size,
    h: size,
    stroke,
    width,
  });
}

/** The whole grid at scale `k` (a readable cell size by default), with a margin. */
export function wholeGrid(layout: GridLayout, marks: GridMarks, k = 1, margin = 8): Drawing {
  // Wide enough for the groups' headers too, which run past narrow grids.
  const headers = layout.groups.reduce(
    (w, g) => Math.max(w, textWidth(g.name, 12, true) + textWidth(`   ${g.header}`, 12)),
    0,
  );
  const width = Math.ceil(Math.max(layout.width * k, headers, 1) + 2 * margin);
  const height = Math.ceil(Math.max(layout.height, 1) * k + 2 * margin);
  return {
    width,
    height,
    shapes: gridShapes(layout, { k, x: margin, y: margin, width, height }, marks),
  };
}

/** The most waves of any group of the design (at least 1). */
export function maxWaves(groups: readonly GroupFigures[]): number {
  return groups.reduce((m, g) => Math.max(m, g.waves ?? 1), 1);
}

export function waveTone(wave: number, waves: number): Tone {
  return { wave, waves };
}

/**
 * "4 × 2  ·  2 at a time  ·  JOB_GLOBAL_INDEX 1–4": a group's header beside its name, with the
 * variable that numbers its Jobs across groups (`RANK` for pytorch; none for Ray).
 */
export function headerText(f: GroupFigures, rank: string | null = 'JOB_GLOBAL_INDEX'): string {
  const n = (x: number | null) => (x === null ? '?' : num(x));
  const start = f.globalIndexStart;
  const range =
    start === null || !f.count || rank === null
      ? ''
      : `  ·  ${rank} ${start}${f.count > 1 ? `–${start + f.count - 1}` : ''}`;
  const pace =
    f.state === 'paused'
      ? 'paused'
      : f.state === 'unknown'
        ? 'figures not valid'
        : `${n(f.effectiveParallelism)} at a time`;
  return `${n(f.count)} × ${n(f.completions)}  ·  ${pace}${range}`;
}

type Scale = (v: number) => number;

function gridLines(r: CellRange, cellsY: number, cell: number, sx: Scale, sy: Scale): Shape {
  const coords: number[] = [];
  const left = sx(r.pod0 * cell);
  const right = sx(r.pod1 * cell);
  const top = sy(cellsY + r.job0 * cell);
  const bottom = sy(cellsY + r.job1 * cell);
  for (let j = r.job0; j <= r.job1; j++) {
    const y = sy(cellsY + j * cell);
    coords.push(left, y, right, y);
  }
  for (let b = r.pod0; b <= r.pod1; b++) {
    const x = sx(b * cell);
    coords.push(x, top, x, bottom);
  }
  return { kind: 'lines', coords, stroke: 'grid', width: 1 };
}

function podNames(
  f: GroupFigures,
  r: CellRange,
  cellsY: number,
  cell: number,
  sx: Scale,
  sy: Scale,
  c: number,
  maxWaves: number,
): Shape[] {
  const out: Shape[] = [];
  const size = Math.min(13, c / 4.5);
  for (let j = r.job0; j < r.job1; j++) {
    for (let b = r.pod0; b < r.pod1; b++) {
      const wave = f.state === 'runs' ? podWave(f, b) : null;
      out.push({
        kind: 'text',
        x: sx((b + 0.5) * cell),
        y: sy(cellsY + (j + 0.5) * cell),
        spans: [{ text: c >= 90 ? `${f.name}-${j}-${b}` : `${j}-${b}` }],
        size,
        tone: { on: wave === null ? 'paused' : waveTone(wave, maxWaves) },
        anchor: 'middle',
        maxWidth: c - 4,
      });
    }
  }
  return out;
}

/**
 * The grid canvas's height for a design: its content at the scale the width allows, so that a
 * small design leaves no empty panel, between `min` and `max` (a large one pans inside `max`).
 */
export function gridHeight(
  layout: GridLayout,
  width: number,
  max = 360,
  min = 140,
  pad = 16,
): number {
  if (width <= 0) return max;
  const k = Math.min(2.5, (width - pad) / Math.max(1, layout.width));
  return Math.round(Math.max(min, Math.min(max, layout.height * k + pad)));
}

/** Below this height (px) a group of the fitted design is a speck: the fit shows fewer, readable. */
const MIN_GROUP_PX = 4;

/** The scale that puts the whole design in view (at most 2.5x): the floor of zooming out. */
export function wholeScale(layout: GridLayout, width: number, height: number, pad = 16): number {
  return Math.min(
    2.5,
    (width - pad) / Math.max(1, layout.width),
    (height - pad) / Math.max(1, layout.height),
  );
}

/**
 * The farthest the grid zooms out: a quarter of the whole design in view, but never so far that
 * a group is under a pixel tall (the view would be empty).
 */
export function zoomFloor(layout: GridLayout, width: number, height: number): number {
  const groupHeight = layout.height / Math.max(1, layout.groups.length);
  return Math.min(1, Math.max(wholeScale(layout, width, height) / 4, 1 / groupHeight));
}

/**
 * The view that shows the whole grid in a `width x height` box: as large as fits, but no larger
 * than 2.5x (cells of 40 pixels), with `pad` pixels around it. A design whose whole would be
 * specks (a long flat one, or thousands of groups) shows its start instead, with cells of
 * `minCell` px, the rest a pan away.
 */
export function fitGrid(
  layout: GridLayout,
  width: number,
  height: number,
  pad = 16,
  minCell = 12,
): GridView {
  const whole = wholeScale(layout, width, height, pad);
  // A long, flat design (1 Job x 100 pods) would fit as a strip of specks: when the height has
  // room, cells stay readable (minCell px) and the rest is a pan away.
  const readable = Math.min(minCell / layout.cell, (height - pad) / Math.max(1, layout.height));
  // A design of thousands of groups would fit as specks too, each group a fraction of a pixel
  // tall: its first groups are shown readable (as wide as the view allows), the rest a pan away.
  const groupHeight = layout.height / Math.max(1, layout.groups.length);
  const specks = whole * groupHeight < MIN_GROUP_PX;
  const tall = Math.min(2.5, minCell / layout.cell, (width - pad) / Math.max(1, layout.width));
  const k = Math.max(1e-4, whole, Math.min(2.5, readable), specks ? tall : 0);
  return { k, x: pad / 2, y: pad / 2, width, height };
}
