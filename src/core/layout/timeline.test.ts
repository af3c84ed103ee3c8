import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { podInSlot, podsInWave } from '../schedule/plan.ts';
import type { DesignSettings } from '../settings.ts';
import type { Shape } from './shapes.ts';
import {
  describeTimeline,
  timelineLayout,
  timelineShapes,
  wholeTimeline,
  wholeWindow,
} from './timeline.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
const layoutOf = (name: string, settings: DesignSettings = {}) =>
  timelineLayout(analyze(readFixture(name), settings).schedule!);
const texts = (shapes: readonly Shape[]) =>
  shapes.flatMap((s) => (s.kind === 'text' ? [s.spans.map((x) => x.text).join('')] : []));

describe('timelineLayout', () => {
  it('draws the sequential example as the platform page does: 4 lanes, 4 pods one after another', () => {
    const t = layoutOf('two-groups-sequential-pods');
    const worker = t.groups.find((g) => g.name === 'worker')!;
    expect(worker.lanes.map((l) => l.label)).toEqual([
      'worker 0',
      'worker 1',
      'worker 2',
      'worker 3',
    ]);
    expect(worker.lanes[0]!.rows).toBe(1);
    expect([0, 1, 2, 3].map((w) => podInSlot(worker.plan.figures, w, 0))).toEqual([0, 1, 2, 3]);
    expect(t.plannedMakespan).toBe(4);
  });

  it('gives each Job one row per pod running at once', () => {
    const worker = layoutOf('two-groups-parallel-pods').groups[1]!;
    expect(worker.lanes[0]!.rows).toBe(2);
    expect([podInSlot(worker.plan.figures, 0, 0), podInSlot(worker.plan.figures, 0, 1)]).toEqual([
      0, 1,
    ]);
  });

  it('compresses many Jobs into one band with a count', () => {
    const t = layoutOf('hyperparameter-sweep');
    expect(t.groups[0]!.lanes.map((l) => l.label)).toEqual(['trial 0–15 (16 Jobs)']);
  });

  it('uses each group\u2019s pod duration, and marks the longest as the makespan', () => {
    const t = layoutOf('mixed-concurrency', { durations: { evaluator: 2.5, preprocessor: 3 } });
    expect(t.plannedMakespan).toBe(10);
    expect(t.groups.find((g) => g.name === 'evaluator')!.plan.duration).toBe(2.5);
  });

  it('measures the partly empty last wave', () => {
    const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 102');
    const g = analyze(text).expansion!.groups[0]!;
    expect(g.waves).toBe(26);
    expect(podsInWave(g, 25)).toBe(2);
    expect(podInSlot(g, 25, 1)).toBe(101);
    expect(podInSlot(g, 25, 2)).toBeNull();
  });
});

describe('timelineShapes', () => {
  it('labels the makespan on the axis, on its own row above the ticks', () => {
    const t = layoutOf('two-groups-sequential-pods');
    const shapes = wholeTimeline(t, 900).shapes;
    const label = shapes.find((s) => s.kind === 'text' && s.spans[0]!.text === 'makespan 4 h');
    const tick = shapes.find((s) => s.kind === 'text' && s.spans[0]!.text === '4');
    expect(label && tick && label.kind === 'text' && tick.kind === 'text').toBe(true);
    if (label?.kind === 'text' && tick?.kind === 'text') {
      expect(Math.abs(label.y - tick.y)).toBeGreaterThanOrEqual(11);
    }
  });

  it('draws 16 one-GPU trials on 4 free GPUs as a lane per trial: which queue, and how long', () => {
    const t = layoutOf('hyperparameter-sweep', { capacity: { gpus: { [A100]: 4 } } });
    expect(t.simulated).toEqual({ makespan: 4 });
    expect(t.span).toBe(4);
    const shapes = timelineShapes(t, { t0: 0, t1: 4, width: 950, height: t.height + 8 });
    // A lane per trial (was one band "Job 0-15 (16 Jobs)" that hid who waits).
    expect(t.groups[0]!.lanes.map((l) => l.label)).toEqual(
      Array.from({ length: 16 }, (_, j) => `trial ${j}`),
    );
    const rects = shapes.filter(
      (s): s is Extract<Shape, { kind: 'rect' }> => s.kind === 'rect' && !!s.title,
    );
    // Trials 4 to 15 queue for a GPU, 1, 2 or 3 hours, each drawn before its run.
    const queued = rects.filter((r) => r.title!.startsWith('queued'));
    expect(queued.map((r) => r.title)).toEqual(
      [1, 2, 3].flatMap((h) => Array.from({ length: 4 }, () => `queued ${h} h for a GPU`)),
    );
    const runs = rects.filter((r) => r.title === 'wave 1');
    expect(runs).toHaveLength(16);
    for (const [i, q] of queued.entries()) {
      const run = runs[i + 4]!;
      expect(run.x).toBeGreaterThanOrEqual(q.x + q.w - 2); // the wait, then the run
      expect(run.y).toBe(q.y);
    }
    expect(texts(shapes)).toContain('on your cluster 4 h');
    expect(texts(shapes)).toContain('unlimited 1 h');
    expect(texts(shapes)).toContain('queued: ends at 4 h');
    // The plan, dashed behind: one outline per trial over the planned hour.
    expect(shapes.filter((s) => s.kind === 'frame' && s.dash)).toHaveLength(16);
  });

  it('draws 100 trials on 4 GPUs as a lane per wave of queued trials, each wait before its run', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 100');
    const t = timelineLayout(analyze(text, { capacity: { gpus: { [A100]: 4 } } }).schedule!);
    expect(t.simulated).toEqual({ makespan: 25 });
    const lanes = t.groups[0]!.lanes;
    // 25 waves of 4 trials in 24 lanes (was one band "Job 0-99 (100 Jobs)"): the last holds two.
    expect(lanes).toHaveLength(24);
    expect(lanes[0]!.label).toBe('trial 0–3 (4 Jobs)');
    expect(lanes[22]!.label).toBe('trial 88–91 (4 Jobs)');
    expect(lanes[23]!.label).toBe('trial 92–99 (8 Jobs)');
    const shapes = timelineShapes(t, { t0: 0, t1: 25, width: 950, height: t.height + 8 });
    const titled = shapes.filter(
      (s): s is Extract<Shape, { kind: 'rect' }> => s.kind === 'rect' && !!s.title,
    );
    const queued = titled.filter((r) => r.title!.includes('queued'));
    expect(queued.map((r) => r.title)).toEqual(
      Array.from(
        { length: 24 },
        (_, k) => `Jobs ${4 * (k + 1)}–${4 * (k + 1) + 3}: queued ${k + 1} h for a GPU`,
      ),
    );
    const runs = titled.filter((r) => r.title!.includes(': run '));
    expect(runs).toHaveLength(25);
    expect(runs[7]!.title).toBe('Jobs 28–31: run 7–8 h');
    // Each wait ends where its run begins, on the same stripe.
    for (const [i, q] of queued.entries()) {
      expect(runs[i + 1]!.x).toBeCloseTo(q.x + q.w, 5);
      expect(runs[i + 1]!.y).toBe(q.y);
    }
  });

  it('draws a synchronous group that can never start, and labels it in full', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
    const a = analyze(text, { capacity: { gpus: { [A100]: 6 } }, synchronous: ['trial'] });
    const t = timelineLayout(a.schedule!);
    expect(t.simulated).toEqual({ makespan: null });
    const shapes = wholeTimeline(t, 900).shapes;
    expect(texts(shapes)).toContain('never starts: needs all 8 pods up at once');
    expect(texts(shapes)).toContain('on your cluster: never finishes');
    // Its 6 pods that did start sit idle, waiting for the other 2.
    expect(shapes.some((s) => s.kind === 'rect' && s.fill === 'idle')).toBe(true);
    // No axis ever runs to a meaningless length.
    expect(t.span).toBeGreaterThanOrEqual(1);
  });

  it('leaves out a group whose figures are not valid, and says so', () => {
    const text = readFixture('platform-main').replace('      count: 5\n', '      count: -1\n');
    const t = timelineLayout(analyze(text).schedule!);
    expect(t.leftOut).toEqual(['worker']);
    expect(t.plannedMakespan).toBe(1);
    expect(texts(wholeTimeline(t, 900).shapes)).toContain('left out: its figures are not valid');
  });
});

describe('timelineShapes, from review', () => {
  it('gives an hour of axis when nothing runs, never a zero-length one', () => {
    const text = readFixture('sequential-batch').replace('parallelisms: 4', 'parallelisms: 0');
    const t = timelineLayout(analyze(text).schedule!);
    expect(t.span).toBe(1);
    expect(texts(wholeTimeline(t, 900).shapes)).toContain('1');
  });

  it('keeps both makespan labels inside the drawing and apart', () => {
    // The cluster run (1.02 h) ends just after the plan (1 h): the labels would meet at the edge.
    const text = withTypes(`    a:
      resources: { cpus: 1, ramRatio: 1 }
    b:
      count: 2
      resources: { cpus: 1, ramRatio: 1 }
`);
    const a = analyze(text, { capacity: { cpus: 2 }, durations: { a: 1, b: 0.51 } });
    expect(a.schedule!.simulated!.makespan).toBe(1.02);
    const t = timelineLayout(a.schedule!);
    for (const width of [600, 900, 1400]) {
      const labels = wholeTimeline(t, width).shapes.filter(
        (s): s is Extract<Shape, { kind: 'text' }> =>
          s.kind === 'text' && /unlimited|on your cluster/.test(s.spans[0]!.text),
      );
      expect(labels).toHaveLength(2);
      const [a1, b1] = labels.sort((x, y) => x.x - y.x) as [(typeof labels)[0], (typeof labels)[0]];
      const w = (s: typeof a1) => s.spans[0]!.text.length * 11 * 0.55;
      expect(a1.x).toBeGreaterThanOrEqual(0);
      expect(b1.x + w(b1)).toBeLessThanOrEqual(width);
      expect(a1.x + w(a1)).toBeLessThan(b1.x);
    }
  });
});

describe('one way a figure reads', () => {
  it('labels the makespan as the sidebar shows it (0.33 h, not 0.333333 h)', () => {
    const text = readFixture('two-groups');
    const a = analyze(text, { durations: { master: 1 / 3, worker: 1 / 3 } });
    const layout = timelineLayout(a.schedule!);
    const labels = timelineShapes(layout, wholeWindow(layout, 900)).flatMap((s) =>
      s.kind === 'text' ? s.spans.map((x) => x.text) : [],
    );
    expect(labels).toContain('makespan 0.33 h');
    expect(labels.some((l) => l.includes('0.333333'))).toBe(false);
    expect(describeTimeline(layout)).toContain('the design runs for 0.33 h');
  });
});

describe('the wait in Kueue\u2019s queue before the run', () => {
  const schedule = () => analyze(readFixture('two-groups-sequential-pods')).schedule!;
  const wait = (hours: number | null) => ({ hours, tone: 'warning' as const, label: 'waits' });

  it('a band from "now" to hour 0, the run where it was', () => {
    const plain = timelineLayout(schedule());
    expect(plain.wait).toBeNull();
    expect(plain.start).toBe(0);
    const t = timelineLayout(schedule(), {}, null, wait(1.5));
    expect(t.start).toBe(-1.5);
    expect(t.span).toBe(plain.span);
    const win = wholeWindow(t, 900);
    expect(win.t0).toBe(-1.5);
    const shapes = timelineShapes(t, win);
    const x = (h: number) => 150 + ((h - win.t0) / (win.t1 - win.t0)) * (900 - 8 - 150);
    const band = shapes.find((s) => s.kind === 'rect' && s.fill === 'warning');
    expect(band).toMatchObject({ x: 150, w: expect.closeTo(x(0) - 150, 6) });
    expect(texts(shapes)).toContain('waits');
    expect(texts(shapes)).toContain('now');
    // The bars start at hour 0, as without the wait: none is drawn in the band.
    const bars = shapes.filter(
      (s): s is Shape & { kind: 'rect' } =>
        s.kind === 'rect' && typeof s.fill === 'object' && 'wave' in s.fill,
    );
    expect(bars.length).toBeGreaterThan(0);
    const first = Math.min(...bars.map((b) => b.x));
    expect(first).toBeGreaterThanOrEqual(x(0));
    expect(first).toBeLessThan(x(0) + 3);
    expect(describeTimeline(t)).toMatch(/; before the run, waits$/);
  });

  it('a wait past three runs is shortened to three, says so, and has no "now" tick', () => {
    const t = timelineLayout(schedule(), {}, null, wait(100));
    expect(t.start).toBe(-3 * t.span);
    const words = texts(timelineShapes(t, wholeWindow(t, 900)));
    expect(words).not.toContain('now');
    expect(words).toContain('waits (band shortened)');
    // A wait too short to see is widened, and says so.
    const short = timelineLayout(schedule(), {}, null, wait(0.01));
    expect(short.start).toBe(-short.span / 16);
    expect(short.wait!.label).toBe('waits (band widened to be seen)');
    const unknown = timelineLayout(schedule(), {}, null, wait(null));
    expect(unknown.start).toBe(-unknown.span / 4);
  });
});
