/**
 * Draws the job x pod grid on a canvas: only what is in view, one rectangle per visible wave
 * band (a group's colours depend only on the wave), grid lines and pod names only when cells
 * are large enough to show them. Cost grows with what is on screen, never with the pod count.
 */
import { visibleCells, waveOf, type GridLayout, type PodRef } from '../../core/layout/grid.ts';
import { PAUSED_COLOR, textOn, waveColor, type CanvasTheme } from './palette.ts';

export interface View {
  /** d3-zoom transform: screen = world * k + (x, y). */
  readonly k: number;
  readonly x: number;
  readonly y: number;
  /** CSS pixel size of the canvas. */
  readonly width: number;
  readonly height: number;
}

export interface GridPaint {
  readonly theme: CanvasTheme;
  readonly maxWaves: number;
  readonly selected: PodRef | null;
  readonly hovered: PodRef | null;
  readonly focusedGroup: number | null;
}

export function drawGrid(
  ctx: CanvasRenderingContext2D,
  layout: GridLayout,
  view: View,
  paint: GridPaint,
  dpr: number,
) {
  const { k } = view;
  const { cell } = layout;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = paint.theme.background;
  ctx.fillRect(0, 0, view.width, view.height);
  const world = {
    x0: -view.x / k,
    y0: -view.y / k,
    x1: (view.width - view.x) / k,
    y1: (view.height - view.y) / k,
  };
  const sx = (x: number) => x * k + view.x;
  const sy = (y: number) => y * k + view.y;
  const c = cell * k;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  layout.groups.forEach((g, gi) => {
    if (g.y > world.y1 || g.y + g.height < world.y0) return;
    const f = g.figures;
    // Header: name and figures, at a fixed font size.
    const headerTop = sy(g.y);
    const headerHeight = (g.cellsY - g.y) * k;
    if (headerHeight >= 11) {
      ctx.fillStyle = paint.theme.text;
      ctx.font = '600 12px system-ui, sans-serif';
      const title = f.name;
      ctx.fillText(title, Math.max(4, sx(0)), headerTop + headerHeight / 2);
      const w = ctx.measureText(title).width;
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillStyle = paint.theme.muted;
      ctx.fillText(headerText(g), Math.max(4, sx(0)) + w + 10, headerTop + headerHeight / 2);
    } else if (g.height * k >= 10) {
      // Zoomed far out: the name alone, over the group, so no group goes unnamed.
      ctx.font = '600 11px system-ui, sans-serif';
      const w = ctx.measureText(f.name).width;
      ctx.fillStyle = paint.theme.background;
      ctx.fillRect(Math.max(2, sx(0)), headerTop, w + 6, 13);
      ctx.fillStyle = paint.theme.text;
      ctx.fillText(f.name, Math.max(2, sx(0)) + 3, headerTop + 7);
    }
    const range = visibleCells(g, cell, world);
    if (range) {
      const top = sy(g.cellsY + range.job0 * cell);
      const height = (range.job1 - range.job0) * c;
      const p = f.effectiveParallelism;
      if (f.state !== 'runs' || !p) {
        ctx.fillStyle = PAUSED_COLOR;
        ctx.fillRect(sx(range.pod0 * cell), top, (range.pod1 - range.pod0) * c, height);
      } else {
        // One rectangle per wave band in view.
        for (let w = waveOf(f, range.pod0)!; w * p < range.pod1; w++) {
          const from = Math.max(range.pod0, w * p);
          const to = Math.min(range.pod1, (w + 1) * p);
          ctx.fillStyle = waveColor(w, paint.maxWaves);
          ctx.fillRect(sx(from * cell), top, (to - from) * c, height);
        }
      }
      if (c >= 6) drawLines(ctx, paint.theme, range, g.cellsY, cell, sx, sy);
      if (c >= 44) {
        const textColor = (b: number) =>
          f.state === 'runs'
            ? textOn(waveColor(waveOf(f, b) ?? 0, paint.maxWaves))
            : textOn(PAUSED_COLOR);
        drawNames(ctx, f.name, range, g.cellsY, cell, sx, sy, c, textColor);
      }
    }
    if (paint.focusedGroup === gi) {
      ctx.strokeStyle = paint.theme.accent;
      ctx.lineWidth = 2;
      ctx.strokeRect(sx(0) - 3, sy(g.cellsY) - 3, g.cols * c + 6, g.rows * c + 6);
    }
  });
  outline(ctx, layout, paint.hovered, sx, sy, c, paint.theme.muted, 1.5);
  outline(ctx, layout, paint.selected, sx, sy, c, paint.theme.selection, 3);
}

export function headerText(g: GridLayout['groups'][number]): string {
  const f = g.figures;
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US'));
  const start = f.globalIndexStart;
  const range =
    start === null || !f.count
      ? ''
      : `  ·  JOB_GLOBAL_INDEX ${start}${f.count > 1 ? `–${start + f.count - 1}` : ''}`;
  const pace = f.state === 'paused' ? 'paused' : `${n(f.effectiveParallelism)} at a time`;
  return `${n(f.count)} × ${n(f.completions)}  ·  ${pace}${range}`;
}

type Scale = (v: number) => number;

function drawLines(
  ctx: CanvasRenderingContext2D,
  theme: CanvasTheme,
  r: { job0: number; job1: number; pod0: number; pod1: number },
  cellsY: number,
  cell: number,
  sx: Scale,
  sy: Scale,
) {
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const left = sx(r.pod0 * cell);
  const right = sx(r.pod1 * cell);
  const top = sy(cellsY + r.job0 * cell);
  const bottom = sy(cellsY + r.job1 * cell);
  for (let j = r.job0; j <= r.job1; j++) {
    const y = Math.round(sy(cellsY + j * cell)) + 0.5;
    ctx.moveTo(left, y);
    ctx.lineTo(right, y);
  }
  for (let b = r.pod0; b <= r.pod1; b++) {
    const x = Math.round(sx(b * cell)) + 0.5;
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
  }
  ctx.stroke();
}

function drawNames(
  ctx: CanvasRenderingContext2D,
  name: string,
  r: { job0: number; job1: number; pod0: number; pod1: number },
  cellsY: number,
  cell: number,
  sx: Scale,
  sy: Scale,
  c: number,
  textColor: (pod: number) => string,
) {
  ctx.font = `${Math.min(13, c / 4.5)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  for (let j = r.job0; j < r.job1; j++) {
    for (let b = r.pod0; b < r.pod1; b++) {
      const label = c >= 90 ? `${name}-${j}-${b}` : `${j}-${b}`;
      ctx.fillStyle = textColor(b);
      ctx.fillText(label, sx((b + 0.5) * cell), sy(cellsY + (j + 0.5) * cell), c - 4);
    }
  }
  ctx.textAlign = 'start';
}

function outline(
  ctx: CanvasRenderingContext2D,
  layout: GridLayout,
  ref: PodRef | null,
  sx: Scale,
  sy: Scale,
  c: number,
  color: string,
  width: number,
) {
  if (!ref) return;
  const g = layout.groups[ref.group];
  if (!g) return;
  const cell = layout.cell;
  const size = Math.max(c, 4);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.strokeRect(
    sx(ref.pod * cell) - (size - c) / 2,
    sy(g.cellsY + ref.job * cell) - (size - c) / 2,
    size,
    size,
  );
}
