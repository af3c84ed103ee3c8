// The rehearsal's plan and dispatch, checked against the designer's own schedule: replaying the
// dispatch in virtual time, with every pod lasting its planned duration, must start every pod
// when the plan (unlimited cluster) or the simulation (a capacity) says. The simulation
// (sim/simulate.ts) is the oracle; the dispatch is a second, event-at-a-time reading of its
// policy that the CLI drives with real processes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { JOBSET_TEMPLATE_IDS as TEMPLATE_IDS } from '../../templates/catalog.ts';
import { analyze } from '../analyze.ts';
import type { Capacity, DesignSettings } from '../settings.ts';
import { dispatchState, ended, notStarted, startNow } from './dispatch.ts';
import { rehearsalPlan, type RehearsalPlan } from './plan.ts';
import {
  extent,
  groupOutcomes,
  reportLines,
  type PodOutcome,
  type RehearsalRecord,
} from '../record/record.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';

function planOf(text: string, settings: DesignSettings = {}, maxPods = 10_000): RehearsalPlan {
  const r = rehearsalPlan(analyze(text, settings), settings, 1, maxPods);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

/** Every pod's start when each lasts its planned duration: the dispatch in virtual time. */
function replay(plan: RehearsalPlan): (number | null)[] {
  const s = dispatchState(plan);
  const starts: (number | null)[] = plan.pods.map(() => null);
  const ends: { t: number; pod: number }[] = [];
  let t = 0;
  for (;;) {
    for (const i of startNow(s)) {
      starts[i] = t;
      ends.push({ t: round(t + plan.pods[i]!.workSeconds), pod: i });
    }
    if (ends.length === 0) break;
    ends.sort((a, b) => a.t - b.t);
    t = ends[0]!.t;
    while (ends.length && ends[0]!.t === t) ended(s, ends.shift()!.pod);
  }
  expect(notStarted(s).every((i) => starts[i] === null)).toBe(true);
  return starts;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;
const plannedStarts = (plan: RehearsalPlan) => plan.pods.map((p) => p.planned?.start ?? null);

describe('the rehearsal plan', () => {
  it('lists every pod in the scheduling order with its six variables and its place', () => {
    const plan = planOf(readFixture('platform-main'));
    // Groups by name (code point): master, worker, worker-2; then Job, then pod index.
    expect(plan.pods.map((p) => p.name)).toEqual([
      'master-0-0',
      ...[0, 1, 2, 3, 4].map((a) => `worker-${a}-0`),
      'worker-2-0-0',
    ]);
    expect(plan.pods.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(plan.pods[6]!.env).toMatchObject({
      REPLICATED_JOB_NAME: 'worker-2',
      JOB_GLOBAL_INDEX: '6',
      GLOBAL_REPLICAS: '7',
    });
  });

  it('scales hours to seconds: the sequential batch runs 25 waves of 0.1 s', () => {
    const text = readFixture('sequential-batch');
    const r = rehearsalPlan(analyze(text), {}, 0.1, 256);
    expect(r.ok).toBe(true);
    const plan = (r as { plan: RehearsalPlan }).plan;
    expect(plan.pods).toHaveLength(100);
    expect(plan.makespan).toBe(2.5);
    expect(plan.pods[97]!.planned).toEqual({ start: 2.4, end: 2.5 });
    expect(plan.pods[0]!.workSeconds).toBe(0.1);
  });

  it('refuses a design of more pods than --max-pods, saying how to shrink it', () => {
    const text = withTypes('    worker:\n      count: 30\n      completions: 10\n');
    const r = rehearsalPlan(analyze(text), {}, 1, 256);
    expect(r.ok).toBe(false);
    const reason = (r as { reason: string }).reason;
    expect(reason).toContain('the design has 300 pods; a rehearsal starts at most 256 processes');
    expect(reason).toContain('lower "worker"\'s count (30) or completions (10)');
  });

  it('refuses an invalid design', () => {
    const text = withTypes('    worker:\n      count: -1\n');
    expect(rehearsalPlan(analyze(text), {}, 1).ok).toBe(false);
  });
});

describe('the dispatch replays the designer\u2019s schedule', () => {
  it('without a capacity: every template\u2019s pods start when the plan says', () => {
    for (const id of TEMPLATE_IDS) {
      const plan = planOf(readFixture(id), { durations: { worker: 2, master: 3 } });
      expect(plannedStarts(plan).every((s) => s !== null)).toBe(true);
      expect(replay(plan), id).toEqual(plannedStarts(plan));
    }
  });

  it('on a cluster: 16 one-GPU trials on 4 GPUs start in 4 waves, as simulated', () => {
    const settings = { capacity: { gpus: { [A100]: 4 } } };
    const plan = planOf(readFixture('hyperparameter-sweep'), settings);
    expect(plan.makespan).toBe(4);
    const starts = replay(plan);
    expect(starts).toEqual(plannedStarts(plan));
    expect(starts).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('on a cluster too small for one pod: those pods never start, in both', () => {
    const settings = { capacity: { cpus: 6 } };
    const plan = planOf(readFixture('heterogeneous-pools'), settings);
    const starts = replay(plan);
    expect(starts).toEqual(plannedStarts(plan));
    // cpu-workers ask for 16 CPUs each: never.
    expect(plan.pods.filter((p) => p.group === 'cpu-worker').every((p) => p.planned === null)).toBe(
      true,
    );
  });

  it('on random designs and clusters: the same start for every pod as the simulation', () => {
    const group = fc.record({
      count: fc.integer({ min: 0, max: 4 }),
      completions: fc.integer({ min: 0, max: 5 }),
      parallelisms: fc.integer({ min: 0, max: 6 }),
      cpus: fc.integer({ min: 1, max: 8 }),
      gpus: fc.integer({ min: 0, max: 2 }),
      product: fc.constantFrom(A100, 'nvidia-tesla-t4'),
      hours: fc.constantFrom(0.5, 1, 1.5, 2, 3),
    });
    const capacity = fc.record(
      {
        cpus: fc.integer({ min: 1, max: 40 }),
        gpus: fc.record({ [A100]: fc.integer({ min: 0, max: 6 }) }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), capacity, (groups, cap) => {
        const types = groups
          .map(
            (g, i) =>
              `    g${String.fromCharCode(100 - i)}:\n      count: ${g.count}\n      completions: ${g.completions}\n      parallelisms: ${g.parallelisms}\n      resources:\n        cpus: ${g.cpus}\n        ramRatio: 2\n` +
              (g.gpus
                ? `        accelerators:\n          gpu:\n            count: ${g.gpus}\n            type: gpu\n            product: ${g.product}\n`
                : ''),
          )
          .join('');
        const durations = Object.fromEntries(
          groups.map((g, i) => [`g${String.fromCharCode(100 - i)}`, g.hours]),
        );
        const settings: DesignSettings = { capacity: cap as Capacity, durations };
        const plan = planOf(withTypes(types), settings);
        expect(replay(plan)).toEqual(plannedStarts(plan));
      }),
      { numRuns: 200, seed: 21 },
    );
  });
});

describe('the record', () => {
  const pod = (over: Partial<PodOutcome>): PodOutcome => ({
    name: 'w-0-0',
    group: 'w',
    jobIndex: 0,
    podIndex: 0,
    planned: { start: 0, end: 1 },
    actual: { start: 0.1, end: 1.2 },
    firstOutput: 0.15,
    exitCode: 0,
    signal: null,
    status: 'succeeded',
    delay: 0,
    killAfter: null,
    reason: null,
    tail: [],
    ...over,
    log: `pods/${over.name ?? 'w-0-0'}.log`,
  });

  it('sums each group: first start, last end, failures; a pod that never ends has no end', () => {
    const pods = [
      pod({}),
      pod({ name: 'w-1-0', actual: { start: 0.3, end: 2 }, status: 'failed', exitCode: 3 }),
      pod({ name: 'v-0-0', group: 'v', actual: null, status: 'not-started', exitCode: null }),
    ];
    expect(groupOutcomes(pods)).toEqual([
      {
        name: 'w',
        pods: 2,
        failed: 1,
        notStarted: 0,
        planned: { start: 0, end: 1 },
        actual: { start: 0.1, end: 2 },
      },
      { name: 'v', pods: 1, failed: 0, notStarted: 1, planned: { start: 0, end: 1 }, actual: null },
    ]);
    expect(extent([{ start: 1, end: 2 }, null])).toEqual({ start: 1, end: null });
  });

  it('prints planned against actual on one scale, and each failure with its log tail', () => {
    const pods = [
      pod({}),
      pod({
        name: 'w-1-0',
        actual: { start: 0.5, end: 2 },
        status: 'failed',
        exitCode: 3,
        reason: 'exit code 3',
        tail: ['jobset_env: never heard from w-0-0'],
      }),
    ];
    const record = {
      outcome: 'failed',
      planned: { makespan: 1 },
      actual: { makespan: 2 },
      groups: groupOutcomes(pods),
      pods,
    } as unknown as RehearsalRecord;
    const lines = reportLines(record);
    expect(lines[0]).toBe(
      'Rehearsal failed: 1 of 2 pods succeeded; makespan planned 1.0s, actual 2.0s (x2.00)',
    );
    expect(lines.find((l) => l.startsWith('w ') && l.includes('plan'))).toContain(
      `|${'='.repeat(20)}${' '.repeat(20)}|`,
    );
    expect(lines).toContain('FAILED w-1-0: exit code 3 (log: pods/w-1-0.log)');
    expect(lines).toContain('  | jobset_env: never heard from w-0-0');
  });
});
