import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import type { Capacity, DesignSettings } from '../settings.ts';
import { MAX_COHORTS, simulate as simulatePlan, type SimBatch } from './simulate.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
/** The text's plan (with the settings' durations) simulated on `capacity`. */
const simulate = (text: string, capacity: Capacity, settings: DesignSettings = {}) =>
  simulatePlan(analyze(text, settings).schedule!.plan, capacity, settings);

describe('simulate', () => {
  it('runs 16 one-GPU trials on 4 GPUs in 4 waves', () => {
    const sim = simulate(readFixture('hyperparameter-sweep'), { gpus: { [A100]: 4 } })!;
    expect(sim.makespan).toBe(4);
    expect(sim.idealMakespan).toBe(1);
    const g = sim.groups[0]!;
    expect(g).toMatchObject({ firstStart: 0, lastStart: 3, end: 4, delay: 3, delayedPods: 12 });
    expect(g.waitingPodHours).toBe(4 * (1 + 2 + 3));
    expect(sim.series.gpus.slice(0, 4)).toEqual([4, 4, 4, 4]);
  });

  it('flags a synchronous group of 8 on 6 GPUs: it can never start', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
    const sim = simulate(text, { gpus: { [A100]: 6 } }, { synchronous: ['trial'] })!;
    expect(sim.groups[0]!.synchronous).toMatchObject({ canNeverStart: true });
  });

  it('counts the GPU-hours early pods of a synchronous group idle', () => {
    // 4 gpu-workers need 4 GPUs; 2 are free at first because 2 other pods hold them for 1 hour.
    const text = readFixture('heterogeneous-pools');
    const sim = simulate(text, { gpus: { [A100]: 4 } }, { synchronous: ['gpu-worker'] })!;
    expect(sim.groups.find((g) => g.name === 'gpu-worker')!.synchronous).toMatchObject({
      canNeverStart: false,
      allUpAt: 0,
      idleGpuHours: 0,
    });
    const tight = readFixture('mixed-concurrency');
    const s2 = simulate(tight, { gpus: { [A100]: 3 } }, { synchronous: ['evaluator'] })!;
    expect(s2.groups.find((g) => g.name === 'evaluator')!.synchronous!.canNeverStart).toBe(true);
  });

  it('limits a Job by CPUs as well: 100 batches of 4 CPUs on 8 CPUs run 2 at a time', () => {
    const sim = simulate(readFixture('sequential-batch'), { cpus: 8 })!;
    expect(sim.makespan).toBe(50);
  });

  it('matches the unlimited schedule when nothing is limited', () => {
    const sim = simulate(readFixture('mixed-concurrency'), {})!;
    expect(sim.makespan).toBe(sim.idealMakespan);
    expect(sim.groups.every((g) => g.delay === 0 && g.delayedPods === 0)).toBe(true);
  });

  it('starts pending pods in global-index order: worker before worker-heavy', () => {
    const text = readFixture('global-index-order');
    const sim = simulate(text, { cpus: 140 })!;
    const [heavy, worker] = ['worker-heavy', 'worker'].map((n) =>
      sim.groups.find((g) => g.name === n)!,
    );
    expect(worker!.firstStart).toBe(0);
    expect(heavy!.firstStart).toBe(1); // 7 x 20 CPUs fill the cluster first
  });

  it('says when a pod can never start, and gives no makespan', () => {
    const sim = simulate(readFixture('sequential-batch'), { cpus: 2 })!;
    expect(sim.makespan).toBeNull();
    expect(sim.groups[0]!.neverStarts).toBe(true);
  });

  it('honours the per-group pod duration', () => {
    const sim = simulate(
      readFixture('hyperparameter-sweep'),
      { gpus: { [A100]: 8 } },
      { durations: { trial: 2.5 } },
    )!;
    expect(sim.makespan).toBe(5);
  });
});

const design = withTypes;

describe('simulate, from review', () => {
  it('holds the early pods of a synchronous group until all are up', () => {
    const text = design(`    a:
      resources: { cpus: 1, ramRatio: 1, accelerators: { gpu: { count: 1, product: A } } }
    b:
      count: 2
      resources: { cpus: 1, ramRatio: 1, accelerators: { gpu: { count: 1, product: A } } }
`);
    const sim = simulate(text, { gpus: { A: 2 } }, { synchronous: ['b'], durations: { a: 3 } })!;
    const b = sim.groups.find((g) => g.name === 'b')!;
    expect(b.synchronous).toMatchObject({
      allUpAt: 3,
      idleGpuHours: 3,
      idlePodHours: 3,
      canNeverStart: false,
    });
    expect(b.end).toBe(4);
    expect(sim.makespan).toBe(4);
  });

  it('adds up many small CPU requests exactly', () => {
    const text = design(`    w:
      count: 10000
      resources: { cpus: 0.1, ramRatio: 1 }
`);
    const sim = simulate(text, { cpus: 1000 })!;
    expect(sim.makespan).toBe(1);
    expect(sim.groups[0]!.delayedPods).toBe(0);
  });

  it('declines designs that need more batches than it simulates', () => {
    const text = design(`    w:
      completions: 10000000
      resources: { cpus: 1, ramRatio: 1 }
`);
    expect(simulate(text, { cpus: 1000 })).toBeNull();
  });

  it('reads GPU capacity by own product names only', () => {
    const text = design(`    w:
      count: 4
      resources: { cpus: 1, ramRatio: 1, accelerators: { gpu: { count: 1, product: constructor } } }
`);
    const sim = simulate(text, { gpus: { A: 2 } }, { synchronous: ['w'] })!;
    expect(sim.groups[0]!.synchronous!.canNeverStart).toBe(true);
    expect(sim.groups[0]!.neverStarts).toBe(true);
  });
});

/** Cohorts found again from every Job's recorded batches: runs of Jobs with the same first start. */
function cohortsOfJobs(jobs: readonly (readonly SimBatch[])[]) {
  const out: { firstJob: number; lastJob: number; start: number | null; end: number | null }[] = [];
  jobs.forEach((batches, j) => {
    const start = batches[0]?.start ?? null;
    const ends = batches.map((b) => b.end);
    const end = start === null || ends.includes(null) ? null : Math.max(...(ends as number[]));
    const last = out.at(-1);
    if (last && last.start === start) {
      last.lastJob = j;
      last.end = last.end === null || end === null ? null : Math.max(last.end, end);
    } else out.push({ firstJob: j, lastJob: j, start, end });
  });
  return out;
}

describe('simulate, cohorts of Jobs that queue together', () => {
  const trials = (count: number, gpus: number, sync = false) => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', `count: ${count}`);
    const settings = sync ? { synchronous: ['trial'] } : {};
    const plan = analyze(text, settings).schedule!.plan;
    return simulatePlan(plan, { gpus: { [A100]: gpus } }, settings, count)!.groups[0]!;
  };

  it('puts 100 one-GPU trials on 4 GPUs in 25 cohorts of 4, an hour apart', () => {
    const g = trials(100, 4);
    expect(g.cohorts).toHaveLength(25);
    expect(g.cohorts[6]).toEqual({ firstJob: 24, lastJob: 27, start: 6, lastStart: 6, end: 7 });
    expect(g.cohorts).toEqual(cohortsOfJobs(g.jobs).map((c) => ({ ...c, lastStart: c.start })));
  });

  it('agrees with every Job recorded one by one, on the fixtures and capacities', () => {
    const cases: [string, Capacity][] = [
      ['sequential-batch', { cpus: 8 }],
      ['mixed-concurrency', { gpus: { [A100]: 3 } }],
      ['global-index-order', { cpus: 140 }],
      ['heterogeneous-pools', { gpus: { [A100]: 2 }, cpus: 20 }],
      ['sequential-batch', { cpus: 2 }], // never starts
    ];
    for (const [name, capacity] of cases) {
      const plan = analyze(readFixture(name)).schedule!.plan;
      const sim = simulatePlan(plan, capacity, {}, Infinity)!;
      expect(sim.groups.length).toBeGreaterThan(0);
      for (const g of sim.groups) {
        expect(g.cohorts, `${name} ${g.name}`).toEqual(
          cohortsOfJobs(g.jobs).map((c) => ({ ...c, lastStart: c.start })),
        );
      }
    }
  });

  it('merges neighbours past MAX_COHORTS, keeping every Job and the first and last starts', () => {
    const g = trials(5000, 1); // each trial starts an hour after the one before
    expect(g.cohorts.length).toBeLessThanOrEqual(MAX_COHORTS);
    expect(g.cohorts.length).toBeGreaterThan(MAX_COHORTS / 4);
    const exact = cohortsOfJobs(g.jobs);
    expect(exact).toHaveLength(5000);
    let next = 0;
    for (const c of g.cohorts) {
      expect(c.firstJob).toBe(next);
      expect(c.start).toBe(exact[c.firstJob]!.start);
      expect(c.lastStart).toBe(exact[c.lastJob]!.start);
      expect(c.end).toBe(exact[c.lastJob]!.end);
      next = c.lastJob + 1;
    }
    expect(next).toBe(5000);
  });

  it('never ends a cohort of a synchronous group that never gets all its pods up', () => {
    const g = trials(8, 6, true);
    expect(g.cohorts).toEqual([
      { firstJob: 0, lastJob: 5, start: 0, lastStart: 0, end: null },
      { firstJob: 6, lastJob: 7, start: null, lastStart: null, end: null },
    ]);
  });
});
