// The delta model: totals with deltas, and per group added, removed, renamed (by content) and
// changed, with each changed figure.
import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import type { DesignSettings } from '../settings.ts';
import { compareDesigns } from './diff.ts';
import { diffLines } from './text.ts';

const a100 = 'NVIDIA-A100-SXM4-80GB';
const group = (name: string, count: number, cpus: number, gpus = 0, product = a100) =>
  `    ${name}:\n      count: ${count}\n      resources:\n        cpus: ${cpus}\n        ramRatio: 2\n` +
  (gpus
    ? `        accelerators:\n          gpu:\n            count: ${gpus}\n            type: gpu\n            product: ${product}\n`
    : '');

const diff = (a: string, b: string, sa: DesignSettings = {}, sb: DesignSettings = {}) =>
  compareDesigns(analyze(a, sa), analyze(b, sb));
const total = (d: ReturnType<typeof diff>, key: string) => d.totals.find((t) => t.key === key);

describe('compareDesigns', () => {
  it('says two equal designs are the same', () => {
    const d = diff(readFixture('platform-main'), readFixture('platform-main'));
    expect(d.same).toBe(true);
    expect(d.groups.every((g) => g.kind === 'same')).toBe(true);
    expect(total(d, 'pods')).toEqual({
      key: 'pods',
      label: 'Pods',
      unit: 'count',
      a: 7,
      b: 7,
      delta: 0,
    });
  });

  it('gives each total of both sides and its delta: "16 trials on A100s or 32 on T4s"', () => {
    const d = diff(
      withTypes(group('trial', 16, 8, 1)),
      withTypes(group('trial', 32, 4, 1, 'nvidia-tesla-t4')),
    );
    expect(total(d, 'jobs')).toMatchObject({ a: 16, b: 32, delta: 16 });
    expect(total(d, 'cpus')).toMatchObject({ a: 128, b: 128, delta: 0 });
    expect(total(d, 'ramGB')).toMatchObject({ a: 256, b: 256, delta: 0 });
    // GPUs per product: one row per product of either side, 0 where a side has none.
    expect(total(d, `gpus:${a100}`)).toMatchObject({ a: 16, b: 0, delta: -16 });
    expect(total(d, 'gpus:nvidia-tesla-t4')).toMatchObject({ a: 0, b: 32, delta: 32 });
    expect(total(d, 'makespan')).toMatchObject({ a: 1, b: 1, delta: 0 });
    // Costs come from the same usage the sidebar shows.
    const cost = total(d, 'requestedCost')!;
    expect(cost.a).toBe(analyze(withTypes(group('trial', 16, 8, 1))).usage!.requestedCost);
    expect(d.groups).toEqual([
      {
        kind: 'changed',
        name: 'trial',
        changes: [
          { field: 'count', a: 16, b: 32 },
          { field: 'pods', a: 16, b: 32 },
          { field: 'concurrentPods', a: 16, b: 32 },
          { field: 'cpus', a: 8, b: 4 },
          { field: 'ramGB', a: 16, b: 8 },
          { field: 'gpuProduct', a: a100, b: 'nvidia-tesla-t4' },
          // Every pod's GLOBAL_REPLICAS follows the Jobs of the design.
          { field: 'globalReplicas', a: 16, b: 32 },
        ],
      },
    ]);
  });

  it('finds a renamed group by its content, with what else changed', () => {
    const d = diff(
      withTypes(group('worker', 4, 8, 1) + group('eval', 1, 2)),
      withTypes(group('trainer', 4, 8, 1) + group('evaluator', 2, 2)),
    );
    // The pods' variables change too: trainer's Jobs start after evaluator's 2 (not eval's 1),
    // and GLOBAL_REPLICAS is 6, not 5.
    expect(d.groups).toEqual([
      {
        kind: 'renamed',
        from: 'worker',
        to: 'trainer',
        changes: [
          { field: 'firstGlobalIndex', a: 1, b: 2 },
          { field: 'globalReplicas', a: 5, b: 6 },
        ],
      },
      {
        kind: 'renamed',
        from: 'eval',
        to: 'evaluator',
        changes: [
          { field: 'count', a: 1, b: 2 },
          { field: 'pods', a: 1, b: 2 },
          { field: 'concurrentPods', a: 1, b: 2 },
          { field: 'globalReplicas', a: 5, b: 6 },
        ],
      },
    ]);
  });

  it('lists added and removed groups when nothing matches', () => {
    const d = diff(
      withTypes(group('worker', 4, 8, 1) + group('old', 1, 1)),
      withTypes(group('worker', 4, 8, 1) + group('new', 9, 32, 8)),
    );
    // worker's figures stay, but its pods' variables do not: "new" (9 Jobs) now comes before
    // it in name order, where "old" (1 Job) did.
    expect(d.groups).toEqual([
      {
        kind: 'changed',
        name: 'worker',
        changes: [
          { field: 'firstGlobalIndex', a: 1, b: 9 },
          { field: 'globalReplicas', a: 5, b: 13 },
        ],
      },
      { kind: 'added', name: 'new' },
      { kind: 'removed', name: 'old' },
    ]);
    expect(d.same).toBe(false);
  });

  it('adds the run on the cluster when either side sets a capacity', () => {
    const sweep = readFixture('hyperparameter-sweep');
    const d = diff(sweep, sweep, {}, { capacity: { gpus: { [a100]: 4 } } });
    expect(total(d, 'makespan')).toMatchObject({ a: 1, b: 1 });
    expect(total(d, 'simulated.makespan')).toMatchObject({ a: null, b: 4, delta: null });
    expect(diff(sweep, sweep).totals.some((t) => t.key.startsWith('simulated'))).toBe(false);
  });

  it('says a run that never finishes on the cluster as the sidebar does, not "not set"', () => {
    const sweep = readFixture('hyperparameter-sweep');
    // 16 trials that must all be up at once, on 4 GPUs: the run never finishes.
    const stuck = { capacity: { gpus: { [a100]: 4 } }, synchronous: ['trial'] };
    const d = diff(sweep, sweep, {}, stuck);
    const row = total(d, 'simulated.makespan')!;
    expect(row).toMatchObject({ a: null, b: null, unfinished: { a: false, b: true } });
    const line = diffLines(d, 'a', 'b').find((l) => l.startsWith('Makespan on your cluster'))!;
    expect(line).toMatch(/not set\s+never finishes/);
  });

  it('compares with a design that does not expand (an unknown operator) as unknown, not zero', () => {
    const other = readFixture('platform-main').replace('operator: jobset', 'operator: pytorchh');
    const d = diff(readFixture('platform-main'), other);
    expect(total(d, 'pods')).toMatchObject({ a: 7, b: null, delta: null });
    expect(d.groups.map((g) => g.kind)).toEqual(['removed', 'removed', 'removed']);
  });
});

describe('what a comparison says it does not know', () => {
  it('names a change of operator, and never calls designs it cannot figure the same', () => {
    const jobset = analyze(readFixture('two-groups'));
    const unknown = analyze(
      readFixture('two-groups').replace('operator: jobset', 'operator: pytorchh'),
    );
    const d = compareDesigns(jobset, unknown);
    expect(d.operators).toEqual({ a: 'jobset', b: 'pytorchh' });
    expect(d.compared).toBe(false);
    expect(d.same).toBe(false);
    const two = compareDesigns(unknown, unknown);
    expect(two.same).toBe(false);
    expect(diffLines(two, 'a', 'b').join('\n')).toContain(
      'Figures are compared only when both designs can be figured',
    );
    expect(diffLines(d, 'a', 'b')[0]).toBe('Operator: jobset → pytorchh');
  });

  it('compares the figures of two operators the platform runs, the operator change named', () => {
    const jobset = analyze(readFixture('two-groups'));
    const text = readFixture('two-groups').replace('operator: jobset', 'operator: pytorch');
    const pytorch = analyze(text);
    // Precondition: the pytorch reading has figures of its own (one pod per replica).
    expect(pytorch.expansion?.totals.pods).toBe(pytorch.expansion?.totals.jobs);
    const d = compareDesigns(jobset, pytorch);
    expect(d.compared).toBe(true);
    expect(d.same).toBe(false);
    expect(diffLines(d, 'a', 'b')[0]).toBe('Operator: jobset → pytorch');
  });
});
