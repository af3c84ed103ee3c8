// One schedule, one truth: on random designs (invalid groups and cluster capacities included),
// the sidebar, the timeline, the exports and the CLI say the same makespan, because each reads it
// from the core's schedule model. Checked on what the user reads: the Resources panel as React
// renders it, the timeline's words (its aria-label) and labels (the SVG export), the CLI's JSON.
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { expandJson } from '../../cli/report.ts';
import { analyze } from '../../core/analyze.ts';
import { figure as asShown, NEVER_FINISHES } from '../../core/format.ts';
import { describeTimeline, timelineLayout, wholeTimeline } from '../../core/layout/timeline.ts';
import type { Capacity } from '../../core/settings.ts';
// @ts-expect-error -- tsconfig.node.json has no JSX: the panel is rendered here, not type-checked.
import { ResourcesPanel } from '../../features/sidebar/ResourcesPanel.tsx';
import type * as Store from '../../state/store.ts';
import { useDesigner } from '../../state/store.ts';
import { theme } from '../../draw/palette.ts';
import { svgDocument } from '../../draw/svg.ts';

// A server render reads a zustand store's initial state: this one reads its current state, as
// the browser does after the worker's answer.
vi.mock('../../state/store.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Store>();
  const store = real.createDesignerStore();
  const read = <T>(select: (s: ReturnType<typeof store.getState>) => T) => select(store.getState());
  return { ...real, useDesigner: Object.assign(read, store) };
});

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The Resources panel for `a`, as rendered: its rows (label -> the text read aloud) and its notes. */
function resourcesPanel(a: ReturnType<typeof analyze>, version: number) {
  useDesigner.getState().setAnalysis({ version, analysis: a, jobset: null, computeMs: 0 });
  const html = renderToStaticMarkup(createElement(ResourcesPanel as () => null));
  const rows = new Map<string, string>();
  for (const m of html.matchAll(
    /<tr[^>]*><th scope="row">(.*?)<\/th><td[^>]*>(.*?)<\/td><\/tr>/g,
  )) {
    // A compact figure is shown aria-hidden beside the exact text: keep the exact one.
    rows.set(decode(m[1]!), decode(m[2]!.replace(/<span aria-hidden="true">.*?<\/span>/g, '')));
  }
  const notes = [...html.matchAll(/<p class="note[^"]*"[^>]*>(.*?)<\/p>/g)].map((m) =>
    decode(m[1]!),
  );
  return { rows, notes };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const figure = fc.oneof(
  { weight: 6, arbitrary: fc.nat(9) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 2.5, 'x', null) },
);
const groupArb = fc.record(
  {
    count: figure,
    completions: figure,
    parallelisms: figure,
    resources: fc.record({
      cpus: fc.integer({ min: 1, max: 16 }),
      ramRatio: fc.integer({ min: 1, max: 4 }),
      accelerators: fc.record({
        gpu: fc.record({ count: fc.nat(2), type: fc.constant('gpu'), product: fc.constant('A') }),
      }),
    }),
  },
  { requiredKeys: ['resources'] },
);
const designArb = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), groupArb, {
  minKeys: 1,
  maxKeys: 5,
});
const capacityArb: fc.Arbitrary<Capacity | null> = fc.option(
  fc.record({ cpus: fc.integer({ min: 1, max: 200 }), gpus: fc.record({ A: fc.nat(8) }) }),
);

describe('one schedule, one truth', () => {
  it('gives the same makespan in the sidebar, the timeline, the SVG export and the CLI', () => {
    let version = 0;
    fc.assert(
      fc.property(designArb, capacityArb, fc.option(fc.nat(3)), (types, capacity, sync) => {
        const text = stringify({
          kind: 'AIchorManifest',
          apiVersion: '0.2.3',
          builder: { image: 'i' },
          spec: { operator: 'jobset', image: 'i', command: 'run', types },
        });
        const names = Object.keys(types);
        const synchronous = sync === null ? [] : names.slice(0, sync);
        const a = analyze(text, { capacity, synchronous });
        const panel = resourcesPanel(a, ++version);
        const timeline = timelineLayout(a.schedule!);
        const words = describeTimeline(timeline);
        const svg = svgDocument([wholeTimeline(timeline, 900)], theme('light'));
        const cli = expandJson(analyze(text)).schedule!;

        // The plan (the CLI has no settings: durations of 1 hour): the sidebar's figure is the
        // CLI's, and the timeline's words and its makespan label say it too.
        const unlimited =
          panel.rows.get('Makespan, unlimited (h)') ?? panel.rows.get('Makespan (h)');
        const onCluster = panel.rows.get('Makespan on your cluster (h)');
        const planned = unlimited ?? onCluster;
        expect(planned, [...panel.rows.keys()].join('; ')).toBeDefined();
        expect(planned).toBe(asShown(cli.makespan));
        expect(words).toContain(`${planned!} h on an unlimited cluster`);
        if (cli.makespan > 0) {
          expect(svg).toMatch(new RegExp(`>(makespan|unlimited) ${escape(planned!)} h<`));
        }
        // The run on the cluster, when there is one: the sidebar, the words and the label agree.
        if (capacity === null) {
          expect(onCluster).toBeUndefined();
          expect(words).not.toContain('on your cluster');
        } else {
          expect(onCluster, [...panel.rows.keys()].join('; ')).toBeDefined();
          expect(words).toContain(
            onCluster === NEVER_FINISHES
              ? `on your cluster the design ${NEVER_FINISHES}`
              : `on your cluster the design runs for ${onCluster!} h`,
          );
          if (onCluster !== planned) {
            expect(svg).toContain(
              onCluster === NEVER_FINISHES
                ? `on your cluster: ${NEVER_FINISHES}`
                : `on your cluster ${onCluster!} h`,
            );
          }
        }
        // A group whose figures are not valid is left out everywhere, never counted as a zero.
        const leftOut = panel.notes.find((n) => n.startsWith('Left out of the makespan'));
        if (cli.leftOut.length === 0) {
          expect(leftOut).toBeUndefined();
          expect(words).not.toContain('left out');
        } else {
          expect(leftOut).toBe(
            `Left out of the makespan and costs: ${cli.leftOut.map((n) => `"${n}"`).join(', ')} (its figures are not valid).`,
          );
          expect(words).toContain(`left out (figures not valid): ${cli.leftOut.join(', ')}`);
        }
        for (const name of cli.leftOut) {
          expect(a.expansion!.groups.find((g) => g.name === name)!.state).toBe('unknown');
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
