import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { TEMPLATE_IDS } from '../../templates/catalog.ts';
import { analyze } from '../analyze.ts';
import { plan } from '../schedule/plan.ts';
import type { DesignSettings } from '../settings.ts';
import { explain, figure, usage } from './usage.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
const prices = { cpuHour: 0.05, gbHour: 0.01, gpuHour: { default: 1, [A100]: 3 } };
const usageOf = (text: string, settings: DesignSettings = {}) => {
  const s = { prices, ...settings };
  return usage(plan(analyze(text).expansion!, s), s);
};
const of = (name: string, settings: DesignSettings = {}) => usageOf(readFixture(name), settings);

describe('usage', () => {
  it('explains the platform page arithmetic: 5 jobs x 1 at a time x 4 cpus = 20', () => {
    const u = of('resources-statement');
    expect(figure(u.groups[0]!, 'peakCpus')).toEqual({
      value: 20,
      formula: '5 jobs x 1 at a time x 4 CPUs = 20',
    });
    expect(u.groups[0]!.peakRamGB).toBe(60);
  });

  it('adds up hours over the run: 20 pods of 1 hour in 4 waves', () => {
    const u = of('resources-statement');
    expect(u.makespan).toBe(4);
    expect(u).toMatchObject({ podHours: 20, cpuHours: 80, gbHours: 240 });
  });

  it('prices requested and reserved use; heterogeneous pools have no waste', () => {
    const u = of('heterogeneous-pools');
    // coordinator 4 CPUs 8 GB; gpu-worker 4 x (8 CPUs, 32 GB, 1 A100); cpu-worker 8 x (16 CPUs, 64 GB).
    const expected =
      1 * (4 * 0.05 + 8 * 0.01) + 4 * (8 * 0.05 + 32 * 0.01 + 3) + 8 * (16 * 0.05 + 64 * 0.01);
    expect(u.requestedCost).toBeCloseTo(expected, 2);
    expect(u.reservedCost).toBeCloseTo(expected, 2);
    expect(u.gpuHoursByProduct).toEqual({ [A100]: 4 });
    expect(u.biggestWaste).toBeNull();
  });

  it('blames a partly empty last wave for the waste', () => {
    const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 101');
    const u = usageOf(text);
    expect(u.biggestWaste).toMatchObject({
      group: 'processor',
      cause: 'its last wave is only partly full',
    });
    // 26 waves x 4 slots = 104 slot-hours reserved for 101 pod-hours of work.
    expect(u.groups[0]!.partialWaveWaste).toBeCloseTo(3 * (4 * 0.05 + 8 * 0.01), 2);
  });

  it('blames a group that finishes early while the design runs on', () => {
    const u = of('mixed-concurrency');
    expect(u.makespan).toBe(4);
    expect(u.biggestWaste).toMatchObject({ group: 'preprocessor' });
    expect(u.biggestWaste!.cause).toContain('finishes before the design');
  });

  it('says "not set" instead of 0 for groups without resources', () => {
    const u = of('two-groups');
    expect(u.cpuHours).toBeNull();
    expect(u.partial).toBe(true);
    expect(explain(u.groups[0]!, 'cpuHours')).toContain('not set');
  });

  it('uses the per-group pod duration', () => {
    expect(of('hyperparameter-sweep', { durations: { trial: 2 } }).gpuHoursByProduct).toEqual({
      [A100]: 32,
    });
  });
});

describe('usage with invalid groups', () => {
  it('shows unknown, not zero, for a group whose figures are not valid, and marks totals partial', () => {
    const text = readFixture('platform-main').replace('      count: 5\n', '      count: 2.5\n');
    const u = usageOf(text);
    const worker = u.groups.find((g) => g.name === 'worker')!;
    expect(worker.podHours).toBeNull();
    expect(explain(worker, 'cpuHours')).toContain('unknown');
    expect(worker.reservedCost).toBeNull();
    expect(u.partial).toBe(true);
    // The group is left out of the makespan (one policy): the others still give one.
    expect(u.makespan).toBe(1);
  });

  it('shows the same rounded cost in the formula as in the figure', () => {
    const u = of('resources-statement');
    const r = figure(u.groups[0]!, 'requestedCost');
    expect(r.formula.endsWith(`= $${r.value!.toFixed(2)}`)).toBe(true);
  });
});

describe('money, rounded once', () => {
  it('on a cluster that runs everything at once, the run on it costs what the plan costs, to the cent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATE_IDS),
        fc.array(fc.constantFrom(0.25, 0.3, 0.75, 1 / 3, 0.1, 1.7), { minLength: 3, maxLength: 3 }),
        (id, [d1, d2, d3]) => {
          const text = readFixture(id);
          const names = analyze(text).expansion!.groups.map((g) => g.name);
          const durations = Object.fromEntries(names.map((n, i) => [n, [d1, d2, d3][i % 3]!]));
          const a = analyze(text, { durations, capacity: { cpus: 1e6, ramGB: 1e7 } });
          const sim = a.schedule!.simulated!;
          // The same run: the same makespan (no drift from rounded steps), the same money.
          expect(sim.makespan).toBe(a.schedule!.plan.makespan);
          expect(sim.requestedCost).toBe(a.usage!.requestedCost);
          expect(sim.reservedCost).toBe(a.usage!.reservedCost);
        },
      ),
      { numRuns: 120, seed: 22 },
    );
  });

  it('reads a half cent as written in both runs: 2.205 is $2.21 in the plan and on the cluster', () => {
    // 0.735 x 3 in one order, 2.2049999999999996 in the other: rounded apart, a cent apart.
    const text = withTypes(
      '    a: {count: 1, resources: {cpus: 8, memory: 30, accelerators: {gpu: {count: 1, type: gpu, product: NVIDIA_TESLA_T4}}}}\n    b: {count: 2, resources: {cpus: 4, memory: 15}}\n',
    );
    const a = analyze(text, {
      durations: { a: 0.75, b: 0.25 },
      capacity: { cpus: 1e6, ramGB: 1e7 },
    });
    expect(a.usage!.reservedCost).toBe(2.21);
    expect(a.schedule!.simulated!.reservedCost).toBe(2.21);
  });

  it('writes large amounts with thousands separators in the arithmetic, as in the cell', () => {
    const text = withTypes(
      '    w:\n      count: 1000\n      completions: 1000\n      parallelisms: 1000\n      resources: { cpus: 100, ramRatio: 4 }\n',
    );
    const u = analyze(text, { durations: { w: 10 } }).usage!.groups[0]!;
    expect(explain(u, 'requestedCost')).toMatch(/= \$\d{1,3}(,\d{3})+\.\d\d$/);
  });
});
