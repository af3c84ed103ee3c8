import { spawnSync } from 'node:child_process';
// Golden files of the SVG export of every platform example: the grid and the timeline, drawn by
// the one SVG writer from the core's shapes. A change to a drawing shows up here as a diff.
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { gridLayout } from '../core/layout/grid.ts';
import { wholeDrawings } from '../core/layout/picture.ts';
import { timelineLayout } from '../core/layout/timeline.ts';
import type { DesignSettings } from '../core/settings.ts';
import { readFixture } from '../fixtures/read.ts';
import { TEMPLATE_IDS } from '../templates/catalog.ts';
import { theme } from './palette.ts';
import { svgDocument } from './svg.ts';

function exportOf(name: string, settings: DesignSettings = {}): string {
  const a = analyze(readFixture(name), settings);
  const drawings = wholeDrawings(gridLayout(a.expansion!), timelineLayout(a.schedule!));
  return svgDocument(drawings, theme('light'), { title: name });
}

describe('SVG export', () => {
  it.each(TEMPLATE_IDS)('%s', async (name) => {
    await expect(exportOf(name)).toMatchFileSnapshot(`__golden__/${name}.svg`);
  });

  it('draws the run on the user\u2019s cluster: 16 trials on 4 GPUs', async () => {
    const svg = exportOf('hyperparameter-sweep', {
      capacity: { gpus: { 'NVIDIA-A100-SXM4-80GB': 4 } },
    });
    expect(svg).toContain('on your cluster 4 h');
    await expect(svg).toMatchFileSnapshot('__golden__/hyperparameter-sweep-on-4-gpus.svg');
  });

  it('escapes text and keeps every element closed', () => {
    const svg = exportOf('platform-main').replace('title>platform-main', '');
    const opened = svg.match(/<g[ >]/g);
    const closed = svg.match(/<\/g>/g);
    expect(opened, 'groups opened').not.toBeNull();
    expect(closed, 'groups closed').not.toBeNull();
    expect(closed!.length).toBe(opened!.length);
    const odd = svgDocument([], theme('light'), { title: 'a < b & "c"' });
    expect(odd).toContain('a &lt; b &amp; &quot;c&quot;');
  });

  it('writes a title with control characters as well-formed XML (Python reads it back)', () => {
    const odd = svgDocument([], theme('light'), {
      title: "run\u0001\u0000\u001b[31m \uffff 'q' <x>",
    });
    const r = spawnSync(
      'python3',
      ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read()); print("ok")'],
      { input: odd, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
    expect(odd).toContain('run\ufffd\ufffd\ufffd[31m \ufffd &#39;q&#39; &lt;x&gt;');
  });
});
