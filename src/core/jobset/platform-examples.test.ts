// Every example of the platform's JobSet page, with the figures the page states.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import type { Plan } from '../schedule/plan.ts';
import type { Expansion, GroupFigures } from './expand.ts';
import { allPods, podAt } from '../schedule/pods.ts';

type Design = Expansion & { readonly plan: Plan };

function design(name: string): Design {
  const a = analyze(readFixture(name));
  expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  expect(a.valid).toBe(true);
  return { ...a.expansion!, plan: a.schedule!.plan };
}

const group = (e: Expansion, name: string): GroupFigures => e.groups.find((g) => g.name === name)!;
const planOf = (e: Design, g: GroupFigures) => e.plan.groups.find((x) => x.name === g.name)!;
const podNames = (e: Design, type?: string) => [...allPods(e, e.plan, type)].map((p) => p.name);

describe('platform page examples', () => {
  it('main example: 7 Jobs, GLOBAL_REPLICAS 7, JOB_GLOBAL_INDEX 0-6, replicas 1/5/1', () => {
    const e = design('platform-main');
    expect(e.totals.jobs).toBe(7);
    expect(e.totals.globalReplicas).toBe(7);
    expect(e.groups.map((g) => g.count)).toEqual([1, 5, 1]);
    const indexes = [...allPods(e, e.plan)].map((p) => p.globalJobIndex).sort((a, b) => a! - b!);
    expect(indexes).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const w = group(e, 'worker');
    expect(podAt(e, planOf(e, w), 1, 0)!.env).toEqual({
      JOB_INDEX: '1',
      JOB_COMPLETION_INDEX: '0',
      JOB_GLOBAL_INDEX: '2',
      GLOBAL_REPLICAS: '7',
      REPLICATED_JOB_NAME: 'worker',
      REPLICATED_JOB_REPLICAS: '5',
    });
    expect(e.totals.peak.gpusByProduct).toEqual({ 'NVIDIA-A100-SXM4-80GB': 5 });
  });

  it('"One group, one job": one pod named worker-0-0', () => {
    const e = design('one-group-one-job');
    expect(podNames(e)).toEqual(['worker-0-0']);
    expect(e.totals.concurrentPods).toBe(1);
  });

  it('"One group, multiple jobs": four pods, all concurrent, job index 0-3 and pod index 0', () => {
    const e = design('one-group-multiple-jobs');
    expect(podNames(e)).toEqual(['worker-0-0', 'worker-1-0', 'worker-2-0', 'worker-3-0']);
    expect([...allPods(e, e.plan)].map((p) => [p.jobIndex, p.podIndex])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    expect(e.totals.concurrentPods).toBe(4);
  });

  it('"Two groups": five pods run concurrently', () => {
    const e = design('two-groups');
    expect(e.totals.concurrentPods).toBe(5);
    expect(podNames(e)).toEqual([
      'master-0-0',
      'worker-0-0',
      'worker-1-0',
      'worker-2-0',
      'worker-3-0',
    ]);
  });

  it('"Two groups, multiple pods per job": nine pods concurrently, 1 + 8 pods', () => {
    const e = design('two-groups-parallel-pods');
    expect(e.totals.concurrentPods).toBe(9);
    expect(group(e, 'master').pods).toBe(1);
    expect(group(e, 'worker').pods).toBe(8);
    expect(podNames(e, 'worker')).toEqual([
      'worker-0-0',
      'worker-0-1',
      'worker-1-0',
      'worker-1-1',
      'worker-2-0',
      'worker-2-1',
      'worker-3-0',
      'worker-3-1',
    ]);
  });

  it('"Two groups, sequential pods per job": 5 pods active at any time, 16 worker pods in 4 waves', () => {
    const e = design('two-groups-sequential-pods');
    expect(e.totals.concurrentPods).toBe(5);
    const w = group(e, 'worker');
    expect(w.pods).toBe(16);
    expect(w.waves).toBe(4);
    // worker-N-0 completes, then worker-N-1 starts, and so on.
    expect([0, 1, 2, 3].map((b) => podAt(e, planOf(e, w), 2, b)!.start)).toEqual([0, 1, 2, 3]);
  });

  it('"Embarrassingly parallel": 16 concurrent trials, JOB_INDEX 0-15', () => {
    const e = design('hyperparameter-sweep');
    expect(e.totals.concurrentPods).toBe(16);
    expect([...allPods(e, e.plan)].map((p) => p.env.JOB_INDEX)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i)),
    );
    expect(e.totals.peak).toMatchObject({ cpus: 64, ramGB: 128, gpus: 16 });
  });

  it('"Heterogeneous pools": 13 pods concurrently', () => {
    const e = design('heterogeneous-pools');
    expect(e.totals.concurrentPods).toBe(13);
    expect(e.totals.peak).toMatchObject({ cpus: 4 + 32 + 128, ramGB: 8 + 128 + 512, gpus: 4 });
  });

  it('"Sequential batch processing": 100 pods in waves of 4, JOB_COMPLETION_INDEX 0-99', () => {
    const e = design('sequential-batch');
    const p = group(e, 'processor');
    expect(p.pods).toBe(100);
    expect(p.concurrentPods).toBe(4);
    expect(p.waves).toBe(25);
    const pods = [...allPods(e, e.plan)];
    expect(pods.map((x) => x.env.JOB_COMPLETION_INDEX)).toEqual(
      Array.from({ length: 100 }, (_, i) => String(i)),
    );
    expect(pods.slice(0, 8).map((x) => x.wave)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(pods[99]!.wave).toBe(24);
  });

  it('"Mixed concurrency": preprocessors run 4 pods at once, evaluators one at a time', () => {
    const e = design('mixed-concurrency');
    expect(group(e, 'preprocessor')).toMatchObject({ concurrentPods: 16, waves: 1, pods: 16 });
    expect(group(e, 'evaluator')).toMatchObject({ concurrentPods: 4, waves: 4, pods: 16 });
    expect(e.totals.concurrentPods).toBe(20);
    // Evaluators reuse the same GPU slot: 4 GPUs at peak, not 16.
    expect(e.totals.peak.gpus).toBe(4);
  });

  it('resource statement: count 5 x completions 4 is 20 pods, 20 CPUs and 60 GB at once', () => {
    const e = design('resources-statement');
    const w = group(e, 'worker');
    expect(w.pods).toBe(20);
    expect(w.peak).toEqual({ cpus: 20, ramGB: 60, gpus: 0 });
  });
});
