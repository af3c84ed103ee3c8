import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { allPods, podAt, podByOrdinal } from './pods.ts';

describe('global index order (SEMANTICS.md)', () => {
  const a = analyze(readFixture('global-index-order'));
  const e = a.expansion!;
  const [heavy, worker] = a.schedule!.plan.groups;

  it('keeps the manifest order for the groups themselves', () => {
    expect(e.groups.map((g) => g.name)).toEqual(['worker-heavy', 'worker']);
  });

  it('numbers groups by type name: worker-heavy (declared first) gets JOB_GLOBAL_INDEX 7', () => {
    expect(podAt(e, heavy!, 0, 0)!.env).toMatchObject({
      JOB_GLOBAL_INDEX: '7',
      GLOBAL_REPLICAS: '8',
      REPLICATED_JOB_REPLICAS: '1',
    });
    expect(podAt(e, worker!, 5, 0)!.env).toMatchObject({
      JOB_INDEX: '5',
      JOB_GLOBAL_INDEX: '5',
      REPLICATED_JOB_REPLICAS: '7',
    });
  });

  it('orders by code point, not by locale', () => {
    const text = readFixture('global-index-order').replace(
      '    worker-heavy:',
      '    Worker-heavy:',
    );
    const groups = analyze(text).expansion!.groups;
    expect(groups.find((g) => g.name === 'Worker-heavy')!.globalIndexStart).toBe(0);
  });
});

describe('podAt', () => {
  const a = analyze(readFixture('sequential-batch'));
  const e = a.expansion!;
  const g = a.schedule!.plan.groups[0]!;

  it('gives name, hostname, wave and time slot of any pod', () => {
    const slow = analyze(readFixture('sequential-batch'), { durations: { processor: 2.5 } });
    expect(podAt(e, slow.schedule!.plan.groups[0]!, 0, 97)).toMatchObject({
      name: 'processor-0-97',
      hostname: 'experiment-xxxxxxxx-xxxx-processor-0-97',
      wave: 24,
      start: 60,
      end: 62.5,
    });
  });

  it('returns null outside the group', () => {
    expect(podAt(e, g, 1, 0)).toBeNull();
    expect(podAt(e, g, 0, 100)).toBeNull();
    expect(podAt(e, g, -1, 0)).toBeNull();
    expect(podAt(e, g, 0, 1.5)).toBeNull();
  });

  it('numbers pods Jobs first: ordinal k is Job floor(k / completions), pod k mod completions', () => {
    const two = analyze(readFixture('two-groups-parallel-pods'));
    expect(podByOrdinal(two.expansion!, two.schedule!.plan.groups[1]!, 5)!.name).toBe('worker-2-1');
  });

  it('computes a pod of a million-pod design without enumerating the others', () => {
    const a = analyze(
      readFixture('one-group-one-job').replace(
        'count: 1',
        'count: 1000\n      completions: 1000\n      parallelisms: 10',
      ),
    );
    const big = a.expansion!;
    expect(big.totals.pods).toBe(1_000_000);
    expect(podAt(big, a.schedule!.plan.groups[0]!, 999, 999)).toMatchObject({
      name: 'worker-999-999',
      wave: 99,
    });
    expect(a.schedule!.plan.makespan).toBe(100);
  });
});

describe('paused and empty groups', () => {
  const base = readFixture('sequential-batch');

  it('treats parallelisms: 0 as paused: no wave, no time slot, no division by zero', () => {
    const a = analyze(base.replace('parallelisms: 4', 'parallelisms: 0'));
    const g = a.schedule!.plan.groups[0]!;
    expect(g.figures).toMatchObject({ state: 'paused', waves: null, concurrentPods: 0, pods: 100 });
    expect(podAt(a.expansion!, g, 0, 0)).toMatchObject({ wave: null, start: null });
    expect(a.diagnostics.map((d) => d.code)).toContain('parallelisms-zero');
  });

  it('treats completions: 0 as empty: no pods', () => {
    const a = analyze(base.replace('completions: 100', 'completions: 0'));
    expect(a.expansion!.groups[0]).toMatchObject({ state: 'empty', pods: 0, waves: 0 });
    expect([...allPods(a.expansion!, a.schedule!.plan)]).toEqual([]);
  });
});
