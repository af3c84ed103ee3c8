/**
 * Exports of the grid and the timeline, of the whole design or of the current view: PNG through
 * the one canvas painter at twice the size, SVG through the one SVG writer; both from the same
 * shapes the screen shows, with the design's name as a title. Files are named after the design.
 */
import type { Drawing } from '../../core/layout/shapes.ts';
import { pngScale } from '../../core/layout/picture.ts';
import { paint } from '../../ui/draw/paint.ts';
import { theme } from '../../draw/palette.ts';
import { svgDocument } from '../../draw/svg.ts';
import { download } from '../../ui/download.ts';

const TITLE = 28;
const GAP = 12;

/** `drawings` stacked under a title into one PNG at `scale` x their size (less when too large). */
export async function exportPng(
  drawings: readonly Drawing[],
  title: string,
  filename: string,
  scale = 2,
): Promise<void> {
  const width = Math.max(1, ...drawings.map((d) => d.width));
  const height = TITLE + drawings.reduce((h, d, i) => h + d.height + (i ? GAP : 0), 0);
  const s = pngScale(width, height, scale);
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(width * s));
  out.height = Math.max(1, Math.round(height * s));
  const ctx = out.getContext('2d')!;
  const t = theme('light');
  paint(ctx, [{ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: 'background' }], t, s);
  paint(
    ctx,
    [{ kind: 'text', x: 8, y: 16, spans: [{ text: title, bold: true }], size: 14, tone: 'text' }],
    t,
    s,
  );
  let y = TITLE;
  for (const d of drawings) {
    paint(ctx, d.shapes, t, s, { x: 0, y });
    y += d.height + GAP;
  }
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (blob) download(blob, filename);
}

export function exportSvg(drawings: readonly Drawing[], title: string, filename: string): void {
  const svg = svgDocument(drawings, theme('light'), { title });
  download(new Blob([svg], { type: 'image/svg+xml' }), filename);
}
