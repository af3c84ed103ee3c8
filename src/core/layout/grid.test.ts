import { describe, expect, it } from 'vitest';
import { generatedDesign, readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { fitGrid, gridHeight, gridLayout, visibleCells, wholeScale } from './grid.ts';
import { describeGroup, hitTest, inViewText, stepPod } from './gridNavigation.ts';

const expansion = (name: string) => analyze(readFixture(name)).expansion!;

describe('gridLayout', () => {
  it('stacks groups in global-index order, not manifest order', () => {
    const l = gridLayout(expansion('global-index-order'));
    expect(l.groups.map((g) => g.name)).toEqual(['worker', 'worker-heavy']);
    expect(l.groups[1]!.y).toBeGreaterThan(l.groups[0]!.y + l.groups[0]!.height);
  });

  it('hit-tests any cell of a million-pod group by arithmetic', () => {
    const text = readFixture('one-group-one-job').replace(
      'count: 1',
      'count: 1000\n      completions: 1000\n      parallelisms: 10',
    );
    const l = gridLayout(analyze(text).expansion!);
    const g = l.groups[0]!;
    expect(hitTest(l, 999 * l.cell + 1, g.cellsY + 998 * l.cell + 1)).toEqual({
      group: 0,
      job: 998,
      pod: 999,
    });
    expect(hitTest(l, 1000 * l.cell + 1, g.cellsY + 1)).toBeNull();
    expect(hitTest(l, 5, g.y + 1)).toBeNull(); // the header
    expect(visibleCells(g, l.cell, { x0: 0, y0: g.cellsY, x1: 160, y1: g.cellsY + 80 })).toEqual({
      job0: 0,
      job1: 5,
      pod0: 0,
      pod1: 10,
    });
  });

  it('moves the selection across groups with the arrow keys', () => {
    const l = gridLayout(expansion('two-groups-parallel-pods'));
    expect(l.groups.map((g) => g.name)).toEqual(['master', 'worker']);
    expect(stepPod(l, { group: 0, job: 0, pod: 0 }, 1, 0)).toEqual({ group: 1, job: 0, pod: 0 });
    expect(stepPod(l, { group: 1, job: 0, pod: 1 }, -1, 0)).toEqual({ group: 0, job: 0, pod: 0 });
    expect(stepPod(l, { group: 1, job: 3, pod: 1 }, 0, 1)).toEqual({ group: 1, job: 3, pod: 1 });
  });
});

describe('describeGroup: the grid in words, for every platform example', () => {
  it.each([
    ['one-group-one-job', ['worker: 1 job x 1 pod, 1 at a time, 1 pod in 1 wave']],
    ['one-group-multiple-jobs', ['worker: 4 jobs x 1 pod, 1 at a time, 4 pods in 1 wave']],
    [
      'two-groups',
      [
        'master: 1 job x 1 pod, 1 at a time, 1 pod in 1 wave',
        'worker: 4 jobs x 1 pod, 1 at a time, 4 pods in 1 wave',
      ],
    ],
    [
      'two-groups-parallel-pods',
      [
        'master: 1 job x 1 pod, 1 at a time, 1 pod in 1 wave',
        'worker: 4 jobs x 2 pods, 2 at a time, 8 pods in 1 wave',
      ],
    ],
    [
      'two-groups-sequential-pods',
      [
        'master: 1 job x 1 pod, 1 at a time, 1 pod in 1 wave',
        'worker: 4 jobs x 4 pods, 1 at a time, 16 pods in 4 waves',
      ],
    ],
    ['hyperparameter-sweep', ['trial: 16 jobs x 1 pod, 1 at a time, 16 pods in 1 wave']],
    [
      'heterogeneous-pools',
      [
        'coordinator: 1 job x 1 pod, 1 at a time, 1 pod in 1 wave',
        'gpu-worker: 4 jobs x 1 pod, 1 at a time, 4 pods in 1 wave',
        'cpu-worker: 8 jobs x 1 pod, 1 at a time, 8 pods in 1 wave',
      ],
    ],
    ['sequential-batch', ['processor: 1 job x 100 pods, 4 at a time, 100 pods in 25 waves']],
    [
      'mixed-concurrency',
      [
        'preprocessor: 4 jobs x 4 pods, 4 at a time, 16 pods in 1 wave',
        'evaluator: 4 jobs x 4 pods, 1 at a time, 16 pods in 4 waves',
      ],
    ],
  ])('%s', (name, expected) => {
    expect(expansion(name).groups.map(describeGroup)).toEqual(expected);
  });
});

describe('fitGrid', () => {
  const design = (count: number, completions: number) =>
    gridLayout(
      analyze(
        readFixture('one-group-one-job').replace(
          'count: 1',
          `count: ${count}\n      completions: ${completions}`,
        ),
      ).expansion!,
    );

  it('shows the whole design when it can be read whole (1,000 x 1,000 in 500 x 340)', () => {
    const l = design(1000, 1000);
    const v = fitGrid(l, 500, 340);
    expect(l.width * v.k).toBeLessThanOrEqual(500);
    expect(l.height * v.k).toBeLessThanOrEqual(340);
  });

  it('keeps cells readable for a long flat design (1 x 100), the rest a pan away', () => {
    const l = design(1, 100);
    const v = fitGrid(l, 500, 340);
    expect(l.cell * v.k).toBeGreaterThanOrEqual(12);
    expect(l.height * v.k).toBeLessThanOrEqual(340);
  });

  it('shows the first groups of a 10,000-group design readable, not the whole as specks', () => {
    const l = gridLayout(analyze(generatedDesign(10000, 2, 4, 2)).expansion!);
    const whole = wholeScale(l, 500, 340);
    // The precondition: whole, a group would be a fraction of a pixel tall.
    expect(whole * (l.height / l.groups.length)).toBeLessThan(1);
    const v = fitGrid(l, 500, 340);
    expect(l.cell * v.k).toBeGreaterThanOrEqual(12);
    expect(l.width * v.k).toBeLessThanOrEqual(500);
    // The first groups are in view, whole (header and cells).
    const shown = l.groups.filter((g) => (g.y + g.height) * v.k + v.y <= 340);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown[0]!.name).toBe(l.groups[0]!.name);
  });

  it('still fits a small square design whole, at most 2.5x', () => {
    const l = design(3, 4);
    const v = fitGrid(l, 500, 340);
    expect(v.k).toBe(2.5);
  });
});

describe('gridHeight', () => {
  it('sizes the canvas to a small design, and caps a large one', () => {
    const small = gridLayout(analyze(readFixture('one-group-one-job')).expansion!);
    const large = gridLayout(analyze(readFixture('hyperparameter-sweep')).expansion!);
    expect(gridHeight(small, 600)).toBeLessThan(360);
    expect(gridHeight(small, 600)).toBeGreaterThanOrEqual(140);
    expect(gridHeight(large, 600)).toBe(360);
    expect(gridHeight(large, 0)).toBe(360);
  });
});

describe('inViewText', () => {
  it('says which Jobs and pods of a million-pod grid are in view, or that all is', () => {
    const layout = gridLayout(analyze(generatedDesign(1, 1000, 1000, 10)).expansion!);
    const fit = fitGrid(layout, 800, 360);
    expect(inViewText(layout, fit)).toBe('The whole design is in view.');
    // A window of 100 x 50 cells from Job 200, pod 300, at the layout's own scale.
    const k = 1;
    const view = {
      k,
      x: -300 * layout.cell,
      y: -(layout.groups[0]!.cellsY + 200 * layout.cell),
      width: 100 * layout.cell,
      height: 50 * layout.cell,
    };
    expect(inViewText(layout, view)).toBe(
      'In view: group-0 Jobs 200–249 of 1,000, pods 300–399 of 1,000.',
    );
  });
});
