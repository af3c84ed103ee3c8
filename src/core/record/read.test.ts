// Reading a rehearsal record: what `rehearse` writes reads back as it was (src/cli/rehearse.test.ts
// checks that on real runs); anything else is refused with the field that is wrong, never
// thrown, and a record drawn on the timeline shows its failures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import {
  describeTimeline,
  timelineLayout,
  timelineShapes,
  wholeWindow,
} from '../layout/timeline.ts';
import { actualRun, driftOf, outcomesByName } from '../rehearse/actual.ts';
import { readRecord, readRef } from './read.ts';
import { refOf } from './record.ts';
import { sampleRecord } from '../../fixtures/rehearsal.ts';

describe('readRecord', () => {
  it('reads a record as written, through JSON', () => {
    const r = sampleRecord();
    expect(readRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, record: r });
    expect(readRef(refOf(r))).toEqual({
      startedAt: r.startedAt,
      outcome: 'failed',
      pods: 7,
      failed: 1,
    });
  });

  it('refuses what is not a record of this version, naming the field', () => {
    const r = sampleRecord() as unknown as Record<string, unknown>;
    const bad = (change: (x: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
      change(copy);
      const got = readRecord(copy);
      expect(got.ok).toBe(false);
      return (got as { reason: string }).reason;
    };
    expect(bad((x) => (x.format = 'something'))).toContain('not a rehearsal record');
    expect(bad((x) => (x.version = 2))).toContain('version 2; this designer reads version 1');
    const pods = (x: Record<string, unknown>) => x.pods as Record<string, unknown>[];
    expect(bad((x) => (pods(x)[0]!.name = '<img src=x onerror=alert(1)>'))).toContain(
      'pods[0].name: "<img src=x onerror=alert(1)>" is not a pod name',
    );
    expect(bad((x) => (pods(x)[1]!.actual = { start: 2, end: 1 }))).toContain(
      'pods[1].actual: it ends before it starts',
    );
    expect(bad((x) => (pods(x)[1]!.exitCode = '0'))).toContain('pods[1].exitCode');
    expect(bad((x) => (pods(x)[2]!.tail = ['a', 'b', 'c', 'd', 'e', 'f']))).toContain(
      'pods[2].tail: more than 5 entries',
    );
    expect(bad((x) => (pods(x)[2] = pods(x)[3]!))).toContain('a pod is listed twice');
    expect(bad((x) => ((x.options as Record<string, unknown>).secondsPerHour = 0))).toContain(
      'options.secondsPerHour: a number from 0.001',
    );
    expect(
      bad((x) => ((x.design as Record<string, unknown>).link = 'javascript:alert(1)')),
    ).toContain('design.link: it is not a design link');
    expect(readRef({ startedAt: 'x', outcome: 'exploded', pods: 1, failed: 0 })).toBeNull();
  });

  it('never throws on a mutated record: it reads it or says why not', () => {
    const base = JSON.parse(JSON.stringify(sampleRecord())) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    const values = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), values, (path, value) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
        let at = copy as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[path[path.length - 1]!] = value;
        const r = readRecord(copy);
        if (r.ok) {
          // What it accepts is well formed: every pod has a name and a status it knows.
          for (const p of r.record.pods) {
            expect(p.name).toMatch(/^[a-z][a-z0-9-]*-\d+-\d+$/);
            expect(['succeeded', 'failed', 'not-started']).toContain(p.status);
          }
        } else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 21 },
    );
  });
});

describe('a rehearsal on the timeline', () => {
  it('draws the actual run over the plan, the failed pod red with its exit code', () => {
    const record = sampleRecord();
    const a = analyze(readFixture('platform-main'));
    const run = actualRun(record);
    expect(run.groups.get('worker')!.failed).toBe(1);
    expect(run.end).toBeCloseTo(1.1);
    const plain = timelineLayout(a.schedule!);
    expect(plain.rehearsal).toBeNull();
    const layout = timelineLayout(a.schedule!, {}, { run, makespan: 1.1 });
    expect(layout.rehearsal).toEqual({ makespan: 1.1, failed: 1 });
    expect(layout.span).toBeCloseTo(1.1);
    const shapes = timelineShapes(layout, wholeWindow(layout, 900));
    const red = shapes.filter((s) => s.kind === 'rect' && s.fill === 'error');
    expect(red).toHaveLength(1);
    expect(red[0]).toMatchObject({ title: 'worker-3-0: exit code 3' });
    // The plan stays behind it, dashed, and the rehearsal's makespan is labelled.
    expect(shapes.some((s) => s.kind === 'frame' && s.dash)).toBe(true);
    const labels = shapes.flatMap((s) => (s.kind === 'text' ? s.spans.map((x) => x.text) : []));
    expect(labels).toContain('rehearsal 1.1 h');
    expect(labels).toContain('rehearsal: 1 failed');
    expect(describeTimeline(layout)).toBe(
      'Timeline in hours: the rehearsal ran for 1.1 h of pod time (planned 1 h, dashed); 1 pod failed (in red)',
    );
    expect(outcomesByName(record).get('worker-3-0')!.tail).toEqual([
      'jobset_env: never heard from worker-0-0 by the deadline',
    ]);
  });
});

describe('records at their edges', () => {
  const base = () => JSON.parse(JSON.stringify(sampleRecord())) as Record<string, unknown>;
  const pods = (x: Record<string, unknown>) => x.pods as Record<string, unknown>[];
  const reason = (x: unknown) => {
    const r = readRecord(x);
    expect(r.ok).toBe(false);
    return (r as { reason: string }).reason;
  };

  it('refuses a pod whose name is not its group, Job and index, an empty record, and odd scales', () => {
    const a = base();
    pods(a)[1]!.jobIndex = 4;
    expect(reason(a)).toContain('pods[1].name: "worker-0-0" is not pod 0 of Job 4 of "worker"');
    const b = base();
    b.pods = [];
    expect(reason(b)).toContain('the record holds no pod');
    for (const perHour of [1e-320, 0, 1e9]) {
      const c = base();
      (c.options as Record<string, unknown>).secondsPerHour = perHour;
      expect(reason(c)).toContain('options.secondsPerHour: a number from 0.001 to 1000000');
    }
    const d = base();
    pods(d)[0]!.actual = { start: 0, end: 1e300 };
    expect(reason(d)).toContain('pods[0].actual.end: a number of seconds from 0 to 10000000');
    expect(readRef({ startedAt: 'x', outcome: 'failed', pods: 2, failed: 3 })).toBeNull();
  });

  it('reads and draws 100,000 pods in time linear in the pods (no hang)', () => {
    const r = sampleRecord();
    const many = Array.from({ length: 100_000 }, (_, k) => ({
      ...r.pods[1]!,
      name: `w-${k}-0`,
      group: 'w',
      jobIndex: k,
      log: `pods/w-${k}-0.log`,
    }));
    const record = { ...r, pods: many, groups: [] };
    const read = readRecord(JSON.parse(JSON.stringify(record)));
    if (!read.ok) throw new Error(read.reason);
    const run = actualRun(read.record);
    expect(run.groups.get('w')!.jobs.size).toBe(100_000);
    expect(run.groups.get('w')!.profile.running).toEqual([100_000, 0]);
  });

  it('draws every pod in the lowest free slot, a pod of no length too', () => {
    const text = readFixture('two-groups-parallel-pods');
    const a = analyze(text);
    const r = sampleRecord('two-groups-parallel-pods', 'worker-1-1');
    // worker-1-0 ran late; worker-1-1 failed at once (start = end = 0).
    const pods = r.pods.map((p) =>
      p.name === 'worker-1-1'
        ? { ...p, actual: { start: 0, end: 0 } }
        : p.name === 'worker-1-0'
          ? { ...p, actual: { start: 0.5, end: 1.5 } }
          : p,
    );
    const layout = timelineLayout(
      a.schedule!,
      {},
      {
        run: actualRun({ ...r, pods }),
        makespan: 1.5,
      },
    );
    const shapes = timelineShapes(layout, wholeWindow(layout, 900));
    const bars = shapes.filter(
      (s): s is Extract<typeof s, { kind: 'rect' }> =>
        s.kind === 'rect' && !!s.title?.includes(': '),
    );
    const of = (name: string) => bars.find((b) => b.title!.startsWith(`${name}:`))!;
    expect(of('worker-1-1')).toMatchObject({ fill: 'error', title: 'worker-1-1: exit code 3' });
    expect(of('worker-1-1').w).toBeGreaterThanOrEqual(1);
    // In Job 1, the late pod takes the row its failed sibling freed at once: the first row.
    expect(of('worker-1-0').y).toBe(of('worker-1-1').y);
    expect(of('worker-1-0').x).toBeGreaterThan(of('worker-1-1').x);
  });

  it('says how the design differs from the one rehearsed', () => {
    const r = sampleRecord();
    const same = analyze(readFixture('platform-main')).expansion!.groups;
    expect(driftOf(r, same)).toEqual({ gone: [], goneCount: 0, unrehearsed: 0 });
    const fewer = analyze(readFixture('platform-main').replace('count: 5', 'count: 4')).expansion!;
    expect(driftOf(r, fewer.groups)).toEqual({
      gone: ['worker-4-0'],
      goneCount: 1,
      unrehearsed: 0,
    });
    const more = analyze(readFixture('platform-main').replace('count: 5', 'count: 8')).expansion!;
    expect(driftOf(r, more.groups)).toEqual({ gone: [], goneCount: 0, unrehearsed: 3 });
  });
});
