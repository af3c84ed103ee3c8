/** The one canvas painter: draws a layout's shapes (grid, timeline) on a 2D context. */
import type { Shape } from '../../core/layout/shapes.ts';
import { FONT, textColor, toneColor, type Theme } from '../../draw/palette.ts';
import { assertNever } from '../../core/never.ts';

export function paint(
  ctx: CanvasRenderingContext2D,
  shapes: readonly Shape[],
  theme: Theme,
  scale: number,
  origin: { readonly x: number; readonly y: number } = { x: 0, y: 0 },
): void {
  ctx.setTransform(scale, 0, 0, scale, origin.x * scale, origin.y * scale);
  ctx.textBaseline = 'middle';
  let clipped = false;
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect':
        ctx.globalAlpha = s.alpha ?? 1;
        ctx.fillStyle = toneColor(s.fill, theme);
        ctx.fillRect(s.x, s.y, s.w, s.h);
        ctx.globalAlpha = 1;
        break;
      case 'frame':
        ctx.globalAlpha = s.alpha ?? 1;
        ctx.strokeStyle = toneColor(s.stroke, theme);
        ctx.lineWidth = s.width;
        ctx.setLineDash(s.dash ? [...s.dash] : []);
        ctx.strokeRect(s.x, s.y, s.w, s.h);
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
        break;
      case 'lines': {
        ctx.strokeStyle = toneColor(s.stroke, theme);
        ctx.lineWidth = s.width;
        ctx.setLineDash(s.dash ? [...s.dash] : []);
        ctx.beginPath();
        const c = s.coords;
        for (let i = 0; i + 3 < c.length; i += 4) {
          // Snapped to the pixel grid so that 1-pixel lines stay sharp.
          ctx.moveTo(crisp(c[i]!), crisp(c[i + 1]!));
          ctx.lineTo(crisp(c[i + 2]!), crisp(c[i + 3]!));
        }
        ctx.stroke();
        ctx.setLineDash([]);
        break;
      }
      case 'text':
        text(ctx, s, theme);
        break;
      case 'clip':
        ctx.save();
        clipped = true;
        ctx.beginPath();
        ctx.rect(s.x, s.y, s.w, s.h);
        ctx.clip();
        break;
      case 'unclip':
        if (clipped) ctx.restore();
        clipped = false;
        break;
      default:
        assertNever(s, 'shape');
    }
  }
  if (clipped) ctx.restore();
}

function text(ctx: CanvasRenderingContext2D, s: Extract<Shape, { kind: 'text' }>, theme: Theme) {
  const font = (bold: boolean | undefined) => `${bold ? '600 ' : ''}${s.size}px ${FONT}`;
  const widths = s.spans.map((span) => {
    ctx.font = font(span.bold);
    return ctx.measureText(span.text).width;
  });
  const natural = widths.reduce((a, b) => a + b, 0);
  const squeeze = s.maxWidth !== undefined && natural > s.maxWidth ? s.maxWidth / natural : 1;
  const total = natural * squeeze;
  let x = s.anchor === 'middle' ? s.x - total / 2 : s.anchor === 'end' ? s.x - total : s.x;
  if (s.backdrop) {
    ctx.fillStyle = theme.background;
    ctx.fillRect(x - 3, s.y - s.size * 0.65, total + 6, s.size * 1.3);
  }
  ctx.textAlign = 'start';
  s.spans.forEach((span, i) => {
    ctx.font = font(span.bold);
    ctx.fillStyle = span.tone ? textColor(span.tone, theme) : textColor(s.tone, theme);
    const w = widths[i]! * squeeze;
    ctx.fillText(span.text, x, s.y, squeeze < 1 ? Math.max(1, w) : undefined);
    x += w;
  });
}

function crisp(v: number): number {
  return Math.round(v) + 0.5;
}
