/** Template thumbnails: the grid's own shapes, small, as an SVG image. */
import type { Expansion } from '../../core/ui.ts';
import { gridLayout, gridShapes } from '../../core/layout/grid.ts';
import { theme } from '../../draw/palette.ts';
import { svgDocument } from '../../draw/svg.ts';

export const THUMB = { width: 160, height: 88 };

export function thumbnailUrl(expansion: Expansion): string {
  const layout = gridLayout(expansion, { header: 3, gap: 3 });
  const pad = 2;
  const k = Math.min(
    (THUMB.width - 2 * pad) / Math.max(1, layout.width),
    (THUMB.height - 2 * pad) / Math.max(1, layout.height),
  );
  // Centred, so a tall or a flat design reads as its shape, not as a speck in a corner.
  const x = (THUMB.width - layout.width * k) / 2;
  const y = (THUMB.height - layout.height * k) / 2;
  const shapes = gridShapes(
    layout,
    { k, x, y, width: THUMB.width, height: THUMB.height },
    { headers: false },
  );
  const svg = svgDocument([{ ...THUMB, shapes }], theme('light'));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
