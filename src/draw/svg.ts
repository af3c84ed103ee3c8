/**
 * The one SVG writer: the same shapes the canvas painter draws, as an SVG document. Exports and
 * template thumbnails use it; golden files of its output keep the drawings stable.
 */
import { textWidth, type Drawing, type Shape } from '../core/layout/shapes.ts';
import { FONT, textColor, toneColor, type Theme } from './palette.ts';
import { xmlText } from '../core/safe.ts';
import { assertNever } from '../core/never.ts';

const esc = xmlText;
const num = (n: number) => String(Math.round(n * 100) / 100);

/** `drawings` stacked top to bottom, under an optional title, in one SVG document. */
export function svgDocument(
  drawings: readonly Drawing[],
  theme: Theme,
  options: { readonly title?: string; readonly gap?: number } = {},
): string {
  const gap = options.gap ?? 12;
  const head = options.title ? 28 : 0;
  const width = Math.max(1, ...drawings.map((d) => d.width));
  const height = head + drawings.reduce((h, d, i) => h + d.height + (i ? gap : 0), 0);
  const parts: string[] = [`<rect width="100%" height="100%" fill="${theme.background}"/>`];
  if (options.title) {
    parts.push(
      `<text x="8" y="18" font-weight="600" font-size="14" fill="${theme.text}">${esc(options.title)}</text>`,
    );
  }
  let y = head;
  let clips = 0;
  for (const d of drawings) {
    parts.push(`<g transform="translate(0,${num(y)})">`);
    const { markup, clipCount } = shapesMarkup(d.shapes, theme, `c${clips}`);
    clips += clipCount;
    parts.push(markup, '</g>');
    y += d.height + gap;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}">${parts.join('')}</svg>\n`;
}

/** The shapes as SVG elements; `clip` ids are prefixed with `idPrefix`. */
export function shapesMarkup(
  shapes: readonly Shape[],
  theme: Theme,
  idPrefix = 'c',
): { markup: string; clipCount: number } {
  const out: string[] = [];
  let clipCount = 0;
  let open = false;
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect': {
        const alpha = s.alpha !== undefined && s.alpha < 1 ? ` fill-opacity="${num(s.alpha)}"` : '';
        const title = s.title ? `<title>${esc(s.title)}</title>` : '';
        const attrs = `x="${num(s.x)}" y="${num(s.y)}" width="${num(Math.max(0, s.w))}" height="${num(Math.max(0, s.h))}" fill="${toneColor(s.fill, theme)}"${alpha}`;
        out.push(title ? `<rect ${attrs}>${title}</rect>` : `<rect ${attrs}/>`);
        break;
      }
      case 'frame':
        out.push(
          `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="none" stroke="${toneColor(s.stroke, theme)}" stroke-width="${num(s.width)}"${dash(s.dash)}${s.alpha !== undefined ? ` stroke-opacity="${num(s.alpha)}"` : ''}/>`,
        );
        break;
      case 'lines': {
        let d = '';
        for (let i = 0; i + 3 < s.coords.length; i += 4) {
          d += `M${num(s.coords[i]!)} ${num(s.coords[i + 1]!)}L${num(s.coords[i + 2]!)} ${num(s.coords[i + 3]!)}`;
        }
        if (d) {
          out.push(
            `<path d="${d}" fill="none" stroke="${toneColor(s.stroke, theme)}" stroke-width="${num(s.width)}"${dash(s.dash)}/>`,
          );
        }
        break;
      }
      case 'text': {
        const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
        if (s.backdrop) {
          // No font metrics here: the backdrop is sized from an estimate of the text's width.
          const w = s.spans.reduce((n, span) => n + textWidth(span.text, s.size, span.bold), 0);
          const x0 = s.anchor === 'middle' ? s.x - w / 2 : s.anchor === 'end' ? s.x - w : s.x;
          out.push(
            `<rect x="${num(x0 - 3)}" y="${num(s.y - s.size * 0.65)}" width="${num(w + 6)}" height="${num(s.size * 1.3)}" fill="${theme.background}"/>`,
          );
        }
        const spans = s.spans
          .map((span) => {
            const weight = span.bold ? ' font-weight="600"' : '';
            const fill = span.tone ? ` fill="${textColor(span.tone, theme)}"` : '';
            return weight || fill
              ? `<tspan${weight}${fill}>${esc(span.text)}</tspan>`
              : esc(span.text);
          })
          .join('');
        out.push(
          `<text x="${num(s.x)}" y="${num(s.y)}" dominant-baseline="central" font-size="${num(s.size)}" fill="${textColor(s.tone, theme)}"${anchor} xml:space="preserve">${spans}</text>`,
        );
        break;
      }
      case 'clip': {
        const id = `${idPrefix}-${clipCount++}`;
        out.push(
          `<clipPath id="${id}"><rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}"/></clipPath><g clip-path="url(#${id})">`,
        );
        open = true;
        break;
      }
      case 'unclip':
        if (open) out.push('</g>');
        open = false;
        break;
      default:
        assertNever(s, 'shape');
    }
  }
  if (open) out.push('</g>');
  return { markup: out.join(''), clipCount };
}

function dash(d: readonly number[] | undefined): string {
  return d && d.length ? ` stroke-dasharray="${d.join(' ')}"` : '';
}
