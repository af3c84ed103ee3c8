/**
 * `jobset-designer render INPUT [--view grid|timeline|both] [--format svg|png] [--out FILE]
 * [--theme light|dark] [--scale N]`: the design's pictures, as the designer exports them. The
 * same layouts, shapes and SVG writer (src/draw/svg.ts) as the page; a PNG is that SVG
 * rasterised by resvg (@resvg/resvg-js, no browser), with the DejaVu Sans font of
 * dejavu-fonts-ttf, so a picture looks the same on every machine: both optional peers of the
 * package, installed here with `npm ci`.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Analysis } from '../../core/index.ts';
import { gridLayout } from '../../core/layout/grid.ts';
import { pngScale, wholeDrawings } from '../../core/layout/picture.ts';
import { timelineLayout } from '../../core/layout/timeline.ts';
import { theme } from '../../draw/palette.ts';
import { svgDocument } from '../../draw/svg.ts';
import { designTitle } from '../../core/slug.ts';
import type { RenderOptions } from '../args.ts';
import type { Checked } from '../formats.ts';
import { say, type Output } from '../output.ts';

/** The title the designer gives the design: the manifest's name, else where it came from. */
const titleOf = (c: Checked & { kind: 'checked' }) =>
  designTitle((c.analysis.data as { name?: unknown } | null)?.name, c.design.name);

/** The design's pictures as one SVG document; null when it has none to draw. */
export function renderSvg(
  analysis: Analysis,
  title: string,
  options: Pick<RenderOptions, 'view' | 'theme'>,
): string | null {
  if (!analysis.expansion || !analysis.schedule) return null;
  const drawings = wholeDrawings(
    gridLayout(analysis.expansion),
    timelineLayout(analysis.schedule),
    options.view,
  );
  return svgDocument(drawings, theme(options.theme), { title });
}

/**
 * An SVG as PNG at `scale` pixels per unit (less when a side would pass MAX_PNG_SIDE, as in the
 * designer's PNG export), its text in DejaVu Sans.
 */
export async function svgToPng(svg: string, scale: number): Promise<Uint8Array> {
  const [width, height] = (/ width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [])
    .slice(1)
    .map(Number);
  const { Resvg } = await import('@resvg/resvg-js');
  const fonts = join(
    dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: pngScale(width ?? 1, height ?? 1, scale) },
    font: {
      loadSystemFonts: false,
      fontFiles: [join(fonts, 'DejaVuSans.ttf'), join(fonts, 'DejaVuSans-Bold.ttf')],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}

export async function renderCommand(
  c: Checked & { kind: 'checked' },
  options: RenderOptions,
  format: 'svg' | 'png',
  outFile: string | null,
  dir: string,
  out: Output,
  stdout: Writable,
  stderr: Writable,
): Promise<number> {
  if (format === 'png' && outFile === null && (stdout as { isTTY?: boolean }).isTTY) {
    say(stderr, 'jobset-designer: a PNG is not for the terminal: name a file with --out');
    return 2;
  }
  const svg = c.analysis.expansion?.groups.length
    ? renderSvg(c.analysis, titleOf(c), options)
    : null;
  if (svg === null) {
    say(
      stderr,
      `jobset-designer: ${c.design.name}: nothing to draw; fix the design first (jobset-designer validate)`,
    );
    return 1;
  }
  let bytes: string | Uint8Array = svg;
  if (format === 'png') {
    try {
      bytes = await svgToPng(svg, options.scale);
    } catch (err) {
      // resvg and the font are optional peers of the package: SVG needs neither.
      say(
        stderr,
        `jobset-designer: cannot write PNG: ${err instanceof Error ? err.message.split('\n')[0]! : String(err)}. PNG needs @resvg/resvg-js and dejavu-fonts-ttf beside jobset-designer (npm install -D @resvg/resvg-js@2.6.2 dejavu-fonts-ttf@2.37.3); SVG needs neither (--format svg)`,
      );
      return 2;
    }
  }
  if (outFile === null) {
    await out.write(bytes);
    return 0;
  }
  try {
    await writeFile(resolve(dir, outFile), bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    say(stderr, `jobset-designer: cannot write ${outFile}: ${code}`);
    return 2;
  }
  return 0;
}
