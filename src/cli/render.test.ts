// `jobset-designer render`: every platform example's pictures, SVG and PNG. The SVG is the
// designer's export, byte for byte: its golden files (src/draw/__golden__, kept equal to the
// page's canvas by src/ui/draw/one-truth.test.ts) with the title the command gives. The PNG,
// decoded (pngjs), has the SVG's size at the scale asked for, and shows the drawing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../fixtures/read.ts';
import { TEMPLATE_IDS } from '../templates/catalog.ts';
import { runCli } from './run.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'src', 'draw', '__golden__');

/** A hook's entry as a shell splits it: words, and 'single-quoted' runs kept whole. */
function parseShellWords(entry: string): string[] {
  return [...entry.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The SVG's own size, from its root element. */
const sizeOf = (svg: string) => {
  const m = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('render', () => {
  it.each(TEMPLATE_IDS)('%s: the SVG the designer exports', async (name) => {
    const r = await runCli(['render', fixturePath(name)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const golden = readFileSync(join(GOLDEN, `${name}.svg`), 'utf8');
    // The golden's title is the example's name; the command's, its file as given.
    const title = (svg: string) => /<text [^>]*>([^<]*)<\/text>/.exec(svg)![1]!;
    expect(title(r.stdout)).toBe(fixturePath(name));
    expect(r.stdout.replace(title(r.stdout), title(golden))).toBe(golden);
  });

  it.each(TEMPLATE_IDS)(
    '%s: a PNG of the same picture, twice its size, not blank',
    async (name) => {
      const file = join(dir, `${name}.png`);
      const r = await runCli(['render', fixturePath(name), '--out', file]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const png = PNG.sync.read(readFileSync(file));
      const svg = sizeOf((await runCli(['render', fixturePath(name)])).stdout);
      expect(png.width).toBe(Math.round(svg.width * 2));
      expect(png.height).toBe(Math.round(svg.height * 2));
      // Not blank: bars in colour and dark text, on white.
      let ink = 0;
      let colour = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r8, g8, b8] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        if (r8 + g8 + b8 < 200) ink++;
        if (Math.max(r8, g8, b8) - Math.min(r8, g8, b8) > 60) colour++;
      }
      const pixels = png.width * png.height;
      expect(ink / pixels).toBeGreaterThan(0.001);
      expect(colour / pixels).toBeGreaterThan(0.001);
    },
  );

  it('dark, one view, a scale: as asked', async () => {
    const file = join(dir, 'dark.png');
    const darkTimeline = [
      'render',
      fixturePath('platform-main'),
      '--view',
      'timeline',
      '--theme',
      'dark',
    ];
    const r = await runCli([...darkTimeline, '--scale', '1', '--out', file]);
    expect(r.code).toBe(0);
    const png = PNG.sync.read(readFileSync(file));
    const svg = (await runCli(darkTimeline)).stdout;
    expect(svg).toContain('>hours<');
    expect(svg).not.toContain('JOB_GLOBAL_INDEX 1–5'); // the grid's header: not in this view
    expect({ width: png.width, height: png.height }).toEqual(sizeOf(svg));
    // The dark background: the corner pixel.
    expect([...png.data.subarray(0, 3)]).toEqual([0x14, 0x17, 0x1c]);
  });

  it('the pre-commit hook writes each manifest\u2019s timeline beside it (.pre-commit-hooks.yaml)', async () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      stages?: string[];
    }[];
    const hook = hooks.find((h) => h.id === 'jobset-designer-render')!;
    expect(hook.stages).toEqual(['manual']);
    // The command as installed: `jobset-designer` on the PATH (here, the source through tsx).
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const raw = pathToFileURL(join(ROOT, 'src/tools/rawImports.mjs')).href;
    writeFileSync(
      join(bin, 'jobset-designer'),
      `#!/bin/sh\nexec "${process.execPath}" --import ${loader} --import ${raw} ${join(ROOT, 'src/cli/bin.ts')} "$@"\n`,
      { mode: 0o755 },
    );
    mkdirSync(join(dir, 'team', 'run'), { recursive: true });
    const files = ['manifest.yaml', 'team/run/manifest-big.yml'];
    writeFileSync(join(dir, files[0]!), readFixture('platform-main'));
    writeFileSync(join(dir, files[1]!), readFixture('mixed-concurrency'));
    // As pre-commit runs it: the entry, then the files.
    const [cmd, ...args] = parseShellWords(hook.entry);
    const r = spawnSync(cmd!, [...args, ...files], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const [file, picture] of [
      [files[0]!, 'manifest.timeline.svg'],
      [files[1]!, 'team/run/manifest-big.timeline.svg'],
    ] as const) {
      const expected = await runCli(['render', file, '--view', 'timeline'], '', dir);
      expect(readFileSync(join(dir, picture), 'utf8')).toBe(expected.stdout);
    }
  });

  it('a file it cannot write, or a format its name contradicts: exit 2; nothing to draw: exit 1', async () => {
    const folder = await runCli(['render', fixturePath('platform-main'), '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`jobset-designer: cannot write ${dir}: EISDIR\n`);
    const clash = await runCli([
      'render',
      fixturePath('platform-main'),
      '--format',
      'png',
      '--out',
      join(dir, 'x.svg'),
    ]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--format png writes png, and --out names a .svg file');
    // Any case of .png is a PNG.
    const upper = join(dir, 'X.PNG');
    expect((await runCli(['render', fixturePath('platform-main'), '--out', upper])).code).toBe(0);
    expect([...readFileSync(upper).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const empty = await runCli(
      ['render', '-'],
      'kind: AIchorManifest\napiVersion: "0.2.3"\nspec:\n  operator: jobset\n  image: i\n  command: c\n  types: {}\n',
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('nothing to draw');
  });

  it('exit 2 with a message for a view, a theme or a format it does not know', async () => {
    for (const [args, message] of [
      [['--view', 'pods'], '--view is one of grid, timeline, both, not "pods"'],
      [['--theme', 'blue'], '--theme is one of light, dark, not "blue"'],
      [['--format', 'gif'], 'render --format is one of svg, png, not "gif"'],
      [['--scale', '100'], '--scale is a number from 0.25 to 8'],
    ] as const) {
      const r = await runCli(['render', fixturePath('platform-main'), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
