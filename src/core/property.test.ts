// Property tests: no input makes the core throw or hang, and the pod accessor agrees with the
// figures of `expand` on random designs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readFixture } from '../fixtures/read.ts';
import { analyze } from './analyze.ts';
import { allPods } from './schedule/pods.ts';

const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '- ',
        ': ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&a ',
        '*a',
        '!!str ',
        '|',
        '>',
        '#',
        '? ',
        '"',
        "'",
        '\n',
        '  ',
        '\t',
        '---\n',
        '...',
      ),
      fc.constantFrom(
        'spec',
        'types',
        'count',
        'worker',
        'jobset',
        'operator',
        'kind',
        '0',
        '-1',
        '1e9',
        'null',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('the core never throws', () => {
  it('on random YAML-like text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const a = analyze(text);
        for (const d of a.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.start).toBeLessThanOrEqual(d.end);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1500, seed: 20261129 },
    );
  });

  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void analyze(text)),
      {
        numRuns: 1000,
        seed: 7,
      },
    );
  });

  it('on a real manifest with random edits', () => {
    const base = readFixture('platform-main');
    const edit = fc.tuple(fc.nat(base.length), fc.nat(20), yamlish);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const [at, del, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + del);
        }
        analyze(text);
      }),
      { numRuns: 800, seed: 42 },
    );
  });
});

const groupArb = fc.record(
  {
    count: fc.nat(12),
    completions: fc.nat(12),
    parallelisms: fc.nat(15),
    resources: fc.record({
      cpus: fc.integer({ min: 1, max: 64 }),
      ramRatio: fc.integer({ min: 1, max: 8 }),
    }),
  },
  { requiredKeys: [] },
);

const designArb = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), groupArb, {
  minKeys: 1,
  maxKeys: 6,
});

describe('pods agree with expand', () => {
  it('on random designs', () => {
    fc.assert(
      fc.property(designArb, (types) => {
        const text = stringify({
          kind: 'AIchorManifest',
          apiVersion: '0.2.3',
          builder: { image: 'i' },
          spec: { operator: 'jobset', image: 'i', command: 'run', types },
        });
        const a = analyze(text);
        const e = a.expansion!;
        expect(e.groups.map((g) => g.name)).toEqual(Object.keys(types));
        const pods = [...allPods(e, a.schedule!.plan)];
        expect(pods.length).toBe(e.totals.pods);

        const jobsSeen = new Set<number>();
        for (const g of e.groups) {
          const mine = pods.filter((p) => p.type === g.name);
          expect(mine.length).toBe(g.pods);
          for (const p of mine) {
            expect(p.name).toBe(`${g.name}-${p.jobIndex}-${p.podIndex}`);
            expect(p.env.JOB_INDEX).toBe(String(p.jobIndex));
            expect(p.env.JOB_COMPLETION_INDEX).toBe(String(p.podIndex));
            expect(p.env.GLOBAL_REPLICAS).toBe(String(e.totals.globalReplicas));
            expect(p.env.REPLICATED_JOB_REPLICAS).toBe(String(g.count));
            expect(p.globalJobIndex).toBe(g.globalIndexStart! + p.jobIndex);
            jobsSeen.add(p.globalJobIndex!);
          }
          if (g.state === 'runs') {
            // Pods running at t = 0 are the concurrent pods; the last wave is waves - 1.
            expect(mine.filter((p) => p.start === 0).length).toBe(g.concurrentPods);
            expect(Math.max(...mine.map((p) => p.wave!)) + 1).toBe(g.waves);
            // No moment has more pods of the group running than the concurrent figure.
            for (let w = 0; w < g.waves!; w++) {
              expect(mine.filter((p) => p.wave === w).length).toBeLessThanOrEqual(
                g.concurrentPods!,
              );
            }
          }
          if (g.state === 'paused') expect(mine.every((p) => p.wave === null)).toBe(true);
        }
        // JOB_GLOBAL_INDEX values are distinct Jobs within 0..GLOBAL_REPLICAS-1.
        for (const j of jobsSeen) {
          expect(j).toBeGreaterThanOrEqual(0);
          expect(j).toBeLessThan(e.totals.globalReplicas!);
        }
        const withPods = e.groups.filter((g) => g.completions! > 0);
        expect(jobsSeen.size).toBe(withPods.reduce((n, g) => n + g.count!, 0));
        // Peak figures are the concurrent pods times the per-pod requests.
        // Groups without resources are "not set", never 0: sums cover the rest.
        const known = e.groups.filter((g) => g.pod.cpus !== null);
        const cpus = known.reduce((n, g) => n + g.concurrentPods! * g.pod.cpus!, 0);
        expect(e.totals.peak.cpus).toBe(known.length ? cpus : null);
        expect(e.totals.partial).toBe(known.length < e.groups.length);
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
