// The pending workloads of `kubectl get workloads -A -o yaml`, and their order in a queue. The
// order's cases are kueue's `pkg/cache/queue/cluster_queue_test.go` `TestStrictFIFO` (snapshot
// ff69552e79), with Kueue's default `requeuingTimestamp: Eviction`.
import { describe, expect, it } from 'vitest';
import { listedAt, pendingWorkloads, queueOrder } from './pending.ts';
import { admittedWorkloads } from './admitted.ts';

const T1 = '2026-12-07T10:00:00Z';
const T2 = '2026-12-07T10:00:01Z';
const T3 = '2026-12-07T10:00:02Z';

const workload = (
  name: string,
  created: string,
  extra: { priority?: number; conditions?: object[]; status?: object; spec?: object } = {},
) => ({
  kind: 'Workload',
  metadata: { name, namespace: 'ml', creationTimestamp: created },
  spec: {
    queueName: 'main',
    ...(extra.priority !== undefined && { priority: extra.priority }),
    podSets: [
      {
        name: 'main',
        count: 4,
        template: {
          spec: {
            nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' },
            containers: [{ resources: { requests: { 'nvidia.com/gpu': '2', cpu: '500m' } } }],
          },
        },
      },
    ],
    ...extra.spec,
  },
  status: { conditions: extra.conditions ?? [], ...extra.status },
});

/** Which of the two Kueue pops first. */
function first(...ws: object[]): string {
  const read = pendingWorkloads([{ kind: 'List', items: ws }]);
  expect(read).toHaveLength(ws.length);
  return [...read].sort(queueOrder)[0]!.name;
}

describe('queueOrder (kueue TestStrictFIFO)', () => {
  it('w1.priority is higher than w2.priority', () => {
    expect(first(workload('w2', T2, { priority: 0 }), workload('w1', T1, { priority: 100 }))).toBe(
      'ml/w1',
    );
  });

  it('w1.priority equals w2.priority and w1.create time is earlier than w2.create time', () => {
    expect(first(workload('w2', T2), workload('w1', T1))).toBe('ml/w1');
  });

  it('w1.priority equals w2.priority and w1.create time is earlier than w2.create time but w1 was evicted', () => {
    const evicted = {
      type: 'Evicted',
      status: 'True',
      reason: 'PodsReadyTimeout',
      lastTransitionTime: T3,
    };
    expect(first(workload('w1', T1, { conditions: [evicted] }), workload('w2', T2))).toBe('ml/w2');
  });

  it('p1.priority is lower than p2.priority and w1.create time is earlier than w2.create time', () => {
    expect(first(workload('w1', T1, { priority: 0 }), workload('w2', T2, { priority: 100 }))).toBe(
      'ml/w2',
    );
  });
});

describe('pendingWorkloads', () => {
  it('reads what a pending workload asks for: its PodSets, queue, priority and time limit', () => {
    const [w] = pendingWorkloads([
      workload('w1', T1, { priority: 7, spec: { maximumExecutionTimeSeconds: 3600 } }),
    ]);
    expect(w).toMatchObject({
      name: 'ml/w1',
      queueName: 'main',
      priority: 7,
      since: Date.parse(T1),
      maxSeconds: 3600,
    });
    expect(w!.podSets).toEqual([
      expect.objectContaining({
        name: 'main',
        count: 4,
        requests: { 'nvidia.com/gpu': 2, cpu: 500 },
        nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' },
      }),
    ]);
  });

  it('leaves out what does not wait: admitted, finished, deactivated, or in no queue', () => {
    const all = [
      workload('waits', T1),
      workload('admitted', T1, { status: { admission: { clusterQueue: 'team-a' } } }),
      workload('finished', T1, { conditions: [{ type: 'Finished', status: 'True' }] }),
      workload('inactive', T1, { spec: { active: false } }),
      workload('nowhere', T1, { spec: { queueName: '' } }),
      { kind: 'ConfigMap', metadata: { name: 'x' } },
    ];
    expect(pendingWorkloads(all).map((w) => w.name)).toEqual(['ml/waits']);
  });

  it('listedAt is the latest time the workloads carry', () => {
    expect(listedAt([])).toBeNull();
    const at = listedAt([
      workload('a', T1),
      workload('b', T2, {
        conditions: [{ type: 'QuotaReserved', status: 'False', lastTransitionTime: T3 }],
      }),
    ]);
    expect(at).toBe(Date.parse(T3));
  });
});

describe('workloads as listed', () => {
  const admitted = (name: string, extra: { spec?: object; status?: object } = {}) => ({
    kind: 'Workload',
    metadata: { name, namespace: 'ml' },
    spec: { queueName: 'main', ...extra.spec },
    status: {
      conditions: [
        { type: 'QuotaReserved', status: 'True', lastTransitionTime: '2026-12-07T12:00:00Z' },
        { type: 'Admitted', status: 'True', lastTransitionTime: '2026-12-07T12:10:00Z' },
      ],
      admission: {
        clusterQueue: 'team-a',
        podSetAssignments: [
          { flavors: { 'nvidia.com/gpu': 'a100' }, resourceUsage: { 'nvidia.com/gpu': '4' } },
        ],
      },
      ...extra.status,
    },
  });

  it('a refreshed list added to the last: each workload once, as last listed', () => {
    const old = [workload('w1', T1), admitted('w2')];
    const fresh = [admitted('w1'), workload('w3', T2)];
    const docs = [
      { kind: 'List', items: old },
      { kind: 'List', items: fresh },
    ];
    expect(pendingWorkloads(docs).map((w) => w.name)).toEqual(['ml/w3']);
    expect(admittedWorkloads(docs).map((w) => w.name)).toEqual(['ml/w1', 'ml/w2']);
  });

  it('the time limit counts from Admitted, less the time run before an eviction; only as the API takes it', () => {
    const end = (spec: object, status: object = {}) =>
      admittedWorkloads([admitted('w', { spec, status })])[0]!.end;
    const at = Date.parse('2026-12-07T12:10:00Z');
    expect(end({ maximumExecutionTimeSeconds: 3600 })).toBe(at + 3600_000);
    expect(
      end({ maximumExecutionTimeSeconds: 3600 }, { accumulatedPastExecutionTimeSeconds: 600 }),
    ).toBe(at + 3000_000);
    // Not an int32 of at least 1: no time limit at all.
    for (const bad of [1e13, 0, -5, 1.5, Infinity, '3600'])
      expect(end({ maximumExecutionTimeSeconds: bad })).toBeNull();
  });

  it('a negative count asks for nothing', () => {
    const w = workload('w', T1, {
      spec: { podSets: [{ name: 'main', count: -10, template: { spec: {} } }] },
    });
    expect(pendingWorkloads([w])[0]!.podSets[0]!.count).toBe(0);
  });
});
