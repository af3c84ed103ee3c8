// Sweeps: the values of an axis, the grid in row-major order (last axis fastest), the checks, and
// a sweep that follows its group on a rename.
import { describe, expect, it } from 'vitest';
import { renameGroupSettings, dropGroupSettings } from '../settings.ts';
import { podProgram } from '../program/python.ts';
import {
  axisValues,
  gridSize,
  parseSweepList,
  readSweep,
  sweepPoint,
  sweepProblems,
  sweepTarget,
  sweepWarning,
  type Sweep,
} from './sweep.ts';

const grid: Sweep = {
  index: 'JOB_INDEX',
  axes: [
    { name: 'lr', values: { kind: 'range', scale: 'log', from: 1e-4, to: 1e-2, points: 3 } },
    { name: 'opt', values: { kind: 'list', values: ['adam', 'sgd'] } },
  ],
};

describe('sweeps', () => {
  it('computes linear and log ranges, rounded as people write them', () => {
    expect(axisValues({ kind: 'range', scale: 'linear', from: 0, to: 1, points: 5 })).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
    expect(axisValues({ kind: 'range', scale: 'log', from: 1e-4, to: 1e-2, points: 3 })).toEqual([
      0.0001, 0.001, 0.01,
    ]);
    expect(axisValues({ kind: 'range', scale: 'linear', from: 0.1, to: 0.3, points: 3 })).toEqual([
      0.1, 0.2, 0.3,
    ]);
    // Small values keep ten significant digits, not six decimals (1e-7 is not 0).
    expect(axisValues({ kind: 'range', scale: 'log', from: 1e-7, to: 1e-5, points: 5 })).toEqual([
      1e-7, 3.16227766e-7, 0.000001, 0.00000316227766, 0.00001,
    ]);
    expect(axisValues({ kind: 'range', scale: 'linear', from: 1e-9, to: 3e-9, points: 3 })).toEqual(
      [1e-9, 2e-9, 3e-9],
    );
  });

  it('numbers the grid row-major, the last axis fastest', () => {
    expect(gridSize(grid)).toBe(6);
    expect([0, 1, 2, 5].map((k) => sweepPoint(grid, k))).toEqual([
      { lr: 0.0001, opt: 'adam' },
      { lr: 0.0001, opt: 'sgd' },
      { lr: 0.001, opt: 'adam' },
      { lr: 0.01, opt: 'sgd' },
    ]);
    expect(sweepPoint(grid, 6)).toBeNull();
    expect(sweepPoint(grid, -1)).toBeNull();
  });

  it('says what is wrong with an axis', () => {
    const bad: Sweep = {
      index: 'JOB_INDEX',
      axes: [
        { name: '2fast', values: { kind: 'list', values: [] } },
        { name: 'class', values: { kind: 'range', scale: 'log', from: 0, to: 1, points: 3 } },
        { name: 'x', values: { kind: 'range', scale: 'linear', from: 0, to: 1, points: 0 } },
        { name: 'x', values: { kind: 'list', values: [1] } },
      ],
    };
    const p = sweepProblems(bad).join(' | ');
    expect(p).toContain('"2fast" must be a Python name');
    expect(p).toContain('"class" must be a Python name');
    expect(p).toContain('Axis "2fast" has no values');
    expect(p).toContain('a log range needs bounds above 0');
    expect(p).toContain('number of points must be a whole number');
    expect(p).toContain('Two axes are called "x"');
    expect(sweepProblems(grid)).toEqual([]);
  });

  it('warns above 100,000 points', () => {
    const big: Sweep = {
      index: 'JOB_INDEX',
      axes: [
        { name: 'a', values: { kind: 'range', scale: 'linear', from: 0, to: 1, points: 1000 } },
        { name: 'b', values: { kind: 'range', scale: 'linear', from: 0, to: 1, points: 101 } },
      ],
    };
    expect(sweepWarning(big)).toMatch(/101,000 points/);
    expect(sweepWarning(grid)).toBeNull();
  });

  it('sets the grid size; JOB_GLOBAL_INDEX only in a design of one group', () => {
    expect(sweepTarget(grid, 3)).toBe(6);
    expect(sweepTarget({ ...grid, index: 'JOB_GLOBAL_INDEX' }, 0)).toBe(6);
    // Beside other groups the group's Jobs would number 2..7: points 0 and 1 never run.
    expect(sweepTarget({ ...grid, index: 'JOB_GLOBAL_INDEX' }, 2)).toBeNull();
  });

  it('reads a list as typed, and a sweep from untrusted data', () => {
    expect(parseSweepList('1e-3, 0.01 ,adam,, 7')).toEqual([0.001, 0.01, 'adam', 7]);
    expect(readSweep(JSON.parse(JSON.stringify(grid)))).toEqual(grid);
    expect(
      readSweep({ index: 'JOB_INDEX', axes: [{ name: 'x', values: { kind: 'magic' } }] }),
    ).toBeNull();
    expect(readSweep({ index: 'NOPE', axes: [] })).toBeNull();
  });

  it('follows its group on a rename and goes with it on a removal', () => {
    const settings = { sweeps: { worker: grid } };
    expect(renameGroupSettings(settings, 'worker', 'trial').sweeps).toEqual({ trial: grid });
    expect(dropGroupSettings(settings, 'worker').sweeps).toEqual({});
  });
});

describe('sizes are bounded before anything is computed', () => {
  it('refuses 32 axes of a million points (a 480-character link) with a clear message', () => {
    const s: Sweep = {
      index: 'JOB_INDEX',
      axes: Array.from({ length: 32 }, (_, i) => ({
        name: `a${i}`,
        values: {
          kind: 'range' as const,
          scale: 'linear' as const,
          from: 0,
          to: 1,
          points: 1_000_000,
        },
      })),
    };
    expect(gridSize(s)).toBe(1e6 ** 32); // a formula: nothing materialised
    expect(sweepProblems(s)).toEqual([
      'The axes hold 32,000,000 values in all; a sweep holds at most 100,000.',
    ]);
    // The program leaves it out: its data stays small.
    const env = podProgram({
      designName: null,
      groups: [{ name: 'w', count: 1, completions: 1, parallelisms: 1 }],
      synchronous: [],
      sweeps: { w: s },
    }).files[0].text;
    expect(env.length).toBeLessThan(100_000);
  });

  it('refuses a grid past a million points, and reads a point of a large one by formula', () => {
    const axis = (name: string, points: number) => ({
      name,
      values: { kind: 'range' as const, scale: 'log' as const, from: 1e-6, to: 1, points },
    });
    const big: Sweep = { index: 'JOB_INDEX', axes: [axis('lr', 2000), axis('wd', 1000)] };
    expect(sweepProblems(big)).toEqual([
      'The grid has 2,000,000 points; a sweep has at most 1,000,000 (one Job or pod each).',
    ]);
    const ok: Sweep = { index: 'JOB_INDEX', axes: [axis('lr', 1000), axis('wd', 1000)] };
    expect(sweepProblems(ok)).toEqual([]);
    expect(sweepPoint(ok, 999_999)).toEqual({ lr: 1, wd: 1 });
    expect(sweepPoint(ok, 0)).toEqual({ lr: 1e-6, wd: 1e-6 });
  });
});
