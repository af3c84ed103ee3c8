// One schedule, one truth: on random designs (invalid groups and cluster capacities included),
// the sidebar's headline, the timeline, the exports and the CLI say the same makespan, because
// each reads it from the core's schedule model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expandJson } from '../../cli/report.ts';
import { analyze } from '../../core/analyze.ts';
import { tickLabel } from '../../core/layout/axis.ts';
import { timelineLayout, wholeTimeline } from '../../core/layout/timeline.ts';
import { headline } from '../../core/schedule/index.ts';
import type { Capacity } from '../../core/settings.ts';
import { theme } from './palette.ts';
import { svgDocument } from './svg.ts';

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
        const schedule = a.schedule!;
        const sidebar = headline(schedule, a.usage!);
        const timeline = timelineLayout(schedule);
        const cli = expandJson(analyze(text)).schedule!;

        // The plan: the same in every view (the CLI has no settings: durations of 1 hour).
        expect(timeline.plannedMakespan).toBe(sidebar.planned.makespan);
        expect(cli.makespan).toBe(sidebar.planned.makespan);
        expect(cli.leftOut).toEqual(sidebar.leftOut);
        expect(timeline.leftOut).toEqual(sidebar.leftOut);
        // The run on the cluster, when there is one.
        expect(timeline.simulated?.makespan ?? null).toBe(
          sidebar.run === 'cluster' ? sidebar.makespan : null,
        );
        // The export writes the figure the others show.
        const svg = svgDocument([wholeTimeline(timeline, 900)], theme('light'));
        const m = sidebar.planned.makespan;
        if (m > 0) expect(svg).toMatch(new RegExp(`(makespan|unlimited) ${tickLabel(m)} h`));
        if (sidebar.run === 'cluster' && sidebar.makespan !== m) {
          expect(svg).toContain(
            sidebar.makespan === null
              ? 'on your cluster: never finishes'
              : `on your cluster ${tickLabel(sidebar.makespan)} h`,
          );
        }
        // A group whose figures are not valid is left out everywhere, never counted as a zero.
        for (const name of sidebar.leftOut) {
          expect(a.expansion!.groups.find((g) => g.name === name)!.state).toBe('unknown');
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
