/**
 * Exports of the grid and the timeline: PNG from the canvases at twice the screen resolution,
 * and SVG drawn from the same layout (one rectangle per wave band, so its size does not grow with
 * the pod count). Files are named after the design.
 */
import { download } from '../../app/download.ts';
import type { GridLayout } from '../../core/layout/grid.ts';
import type { TimelineLayout } from '../../core/layout/timeline.ts';
import { headerText } from './drawGrid.ts';
import { PAUSED_COLOR, waveColor } from './palette.ts';

export function fileStem(designName: string): string {
  const stem = designName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'design';
}

/** Both canvases stacked into one PNG at `scale` x their CSS size. */
export async function exportPng(
  canvases: HTMLCanvasElement[],
  filename: string,
  scale = 2,
): Promise<void> {
  const parts = canvases.filter((c) => c.width > 0 && c.height > 0);
  const widths = parts.map((c) => c.getBoundingClientRect().width);
  const heights = parts.map((c) => c.getBoundingClientRect().height);
  const out = document.createElement('canvas');
  out.width = Math.round(Math.max(...widths) * scale);
  out.height = Math.round(heights.reduce((a, b) => a + b, 0) * scale);
  const ctx = out.getContext('2d')!;
  let y = 0;
  parts.forEach((c, i) => {
    ctx.drawImage(c, 0, y, widths[i]! * scale, heights[i]! * scale);
    y += heights[i]! * scale;
  });
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (blob) download(blob, filename);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The whole grid and timeline as SVG, at a readable cell size. */
export function buildSvg(
  grid: GridLayout,
  timeline: TimelineLayout,
  maxWaves: number,
  title: string,
): string {
  const cell = grid.cell;
  const width = Math.max(grid.width, 600) + 20;
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="10" y="20" font-weight="600">${esc(title)}</text>`);
  for (const g of grid.groups) {
    const f = g.figures;
    parts.push(
      `<text x="10" y="${y + 16}"><tspan font-weight="600">${esc(f.name)}</tspan>  ${esc(headerText(g))}</text>`,
    );
    const top = y + (g.cellsY - g.y);
    const p = f.effectiveParallelism;
    if (g.rows && g.cols) {
      if (f.state !== 'runs' || !p) {
        parts.push(
          `<rect x="10" y="${top}" width="${g.cols * cell}" height="${g.rows * cell}" fill="${PAUSED_COLOR}"/>`,
        );
      } else {
        for (let w = 0; w * p < g.cols; w++) {
          const from = w * p;
          const to = Math.min(g.cols, from + p);
          parts.push(
            `<rect x="${10 + from * cell}" y="${top}" width="${(to - from) * cell}" height="${g.rows * cell}" fill="${waveColor(w, maxWaves)}"><title>wave ${w + 1}</title></rect>`,
          );
        }
      }
    }
    y += g.height + 18;
  }
  // The timeline: one bar per wave per group, on a shared time axis.
  const tx = (t: number) => 160 + (t / Math.max(1, timeline.makespan)) * (width - 180);
  y += 10;
  parts.push(
    `<text x="10" y="${y}" font-weight="600">Timeline (makespan ${timeline.makespan})</text>`,
  );
  y += 10;
  for (const g of timeline.groups) {
    const f = g.figures;
    parts.push(`<text x="10" y="${y + 10}">${esc(g.name)}</text>`);
    for (let w = 0; f.state === 'runs' && f.waves && w < Math.min(f.waves, 2000); w++) {
      parts.push(
        `<rect x="${tx(w * g.duration)}" y="${y}" width="${Math.max(0.5, tx((w + 1) * g.duration) - tx(w * g.duration) - 1)}" height="12" fill="${waveColor(w, maxWaves)}"/>`,
      );
    }
    y += 18;
  }
  const height = y + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}
