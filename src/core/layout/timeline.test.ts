import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { lastWaveFill, podInSlot, timelineLayout } from './timeline.ts';

const expansion = (name: string) => analyze(readFixture(name)).expansion!;

describe('timelineLayout', () => {
  it('draws the sequential example as the platform page does: 4 lanes, 4 pods one after another', () => {
    const t = timelineLayout(expansion('two-groups-sequential-pods'));
    const worker = t.groups.find((g) => g.name === 'worker')!;
    expect(worker.lanes.map((l) => l.label)).toEqual([
      'worker 0',
      'worker 1',
      'worker 2',
      'worker 3',
    ]);
    expect(worker.lanes[0]!.rows).toBe(1);
    expect([0, 1, 2, 3].map((w) => podInSlot(worker.figures, w, 0))).toEqual([0, 1, 2, 3]);
    expect(t.makespan).toBe(4);
  });

  it('gives each Job one row per pod running at once', () => {
    const worker = timelineLayout(expansion('two-groups-parallel-pods')).groups[1]!;
    expect(worker.lanes[0]!.rows).toBe(2);
    expect([podInSlot(worker.figures, 0, 0), podInSlot(worker.figures, 0, 1)]).toEqual([0, 1]);
  });

  it('compresses many identical Jobs into one band with a count', () => {
    const t = timelineLayout(expansion('hyperparameter-sweep'));
    expect(t.groups[0]!.lanes.map((l) => l.label)).toEqual(['trial 0–15 (16 identical Jobs)']);
  });

  it('uses each group\u2019s pod duration, and marks the longest as the makespan', () => {
    const t = timelineLayout(expansion('mixed-concurrency'), { evaluator: 2.5, preprocessor: 3 });
    expect(t.makespan).toBe(10);
    expect(t.groups.find((g) => g.name === 'evaluator')!.duration).toBe(2.5);
  });

  it('measures the partly empty last wave', () => {
    const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 102');
    const g = analyze(text).expansion!.groups[0]!;
    expect(g.waves).toBe(26);
    expect(lastWaveFill(g)).toBe(0.5);
    expect(podInSlot(g, 25, 1)).toBe(101);
    expect(podInSlot(g, 25, 2)).toBeNull();
  });
});
