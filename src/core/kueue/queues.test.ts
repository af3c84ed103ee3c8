// Reading the queues a cluster has, as `kubectl get clusterqueues,resourceflavors,cohorts,
// localqueues -o yaml` prints them: a List; objects of other kinds skipped and listed; what
// cannot be used named at its path.
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readQueues } from './queues.ts';

const LIST = `
apiVersion: v1
kind: List
items:
- apiVersion: kueue.x-k8s.io/v1beta1
  kind: ResourceFlavor
  metadata: { name: a100 }
  spec:
    nodeLabels: { nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB }
- apiVersion: kueue.x-k8s.io/v1beta1
  kind: ClusterQueue
  metadata: { name: team-a }
  spec:
    cohort: research
    flavorFungibility: { whenCanBorrow: Borrow, whenCanPreempt: TryNextFlavor }
    resourceGroups:
    - coveredResources: [cpu, memory, nvidia.com/gpu]
      flavors:
      - name: a100
        resources:
        - { name: cpu, nominalQuota: 64 }
        - { name: memory, nominalQuota: 512Gi }
        - { name: nvidia.com/gpu, nominalQuota: 16, borrowingLimit: 8 }
- apiVersion: kueue.x-k8s.io/v1beta1
  kind: LocalQueue
  metadata: { name: main, namespace: ml }
  spec: { clusterQueue: team-a }
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: settings }
`;

const read = (text: string) => readQueues(parseAllDocuments(text).map((d) => d.toJS()));

describe('readQueues', () => {
  it('reads a List: flavors, a ClusterQueue in its cohort, a LocalQueue; other kinds are listed', () => {
    const q = read(LIST);
    expect(q.problems).toEqual([]);
    expect([...q.flavors.keys()]).toEqual(['a100']);
    const cq = q.clusterQueues.get('team-a')!;
    expect(cq.node.parent?.name).toBe('research');
    expect(cq.flavorFungibility.whenCanBorrow).toBe('MayStopSearch');
    expect(cq.resourceGroups).toEqual([
      { coveredResources: ['cpu', 'memory', 'nvidia.com/gpu'], flavors: ['a100'] },
    ]);
    expect(cq.node.quotas.get('a100\u0000nvidia.com/gpu')).toEqual({
      nominal: 16,
      borrowingLimit: 8,
      lendingLimit: null,
    });
    expect(q.localQueues).toEqual([{ namespace: 'ml', name: 'main', clusterQueue: 'team-a' }]);
    expect(q.skipped).toEqual([{ path: 'items[3]', message: 'ConfigMap settings' }]);
  });

  it('names each problem at its path: a missing flavor, an unreadable quota, a LocalQueue that points nowhere', () => {
    const q = read(`
kind: ClusterQueue
metadata: { name: cq }
spec:
  resourceGroups:
  - coveredResources: [cpu]
    flavors:
    - name: spot
      resources:
      - { name: cpu, nominalQuota: lots }
---
kind: LocalQueue
metadata: { name: main, namespace: ml }
spec: { clusterQueue: nowhere }
`);
    expect(q.problems).toEqual([
      {
        path: 'ClusterQueue cq: spec.resourceGroups[0].flavors[0].name',
        message: 'ResourceFlavor spot is not in the files',
      },
      {
        path: 'ClusterQueue cq: spec.resourceGroups[0].flavors[0].resources[0].nominalQuota',
        message: '"lots" is not a quantity (a number, or one with a unit: 500m, 64Gi)',
      },
      {
        path: 'LocalQueue ml/main: spec.clusterQueue',
        message: 'points to ClusterQueue nowhere, which is not in the files',
      },
    ]);
  });

  it('a cycle of cohort parents is a problem, and nothing loops', () => {
    const q = read(`
kind: Cohort
metadata: { name: a }
spec: { parentName: b }
---
kind: Cohort
metadata: { name: b }
spec: { parentName: a }
---
kind: Cohort
metadata: { name: self }
spec: { parentName: self }
`);
    expect(q.problems).toEqual([
      {
        path: 'Cohort b: spec.parentName',
        message: "the cohorts' parents make a cycle (a -> b -> a): Kueue uses none of them",
      },
      {
        path: 'Cohort self: spec.parentName',
        message: "the cohorts' parents make a cycle (self -> self): Kueue uses none of them",
      },
    ]);
  });

  it('odd input is named, never a crash or a loop: duplicates, a circular alias, a label of a map, a chain of 5,000 cohorts', () => {
    const q = read(`
kind: ClusterQueue
metadata: { name: big }
spec: { cohort: co, resourceGroups: [{ coveredResources: [cpu], flavors: [{ name: f, resources: [{ name: cpu, nominalQuota: 10 }] }] }] }
---
kind: ClusterQueue
metadata: { name: big }
spec: { cohort: co }
---
kind: ResourceFlavor
metadata: { name: f }
spec: { nodeLabels: { a: { toString: 1 }, b: 2 } }
---
kind: ClusterQueue
metadata: { name: odd }
spec: { resourceGroups: [{ coveredResources: [cpu], flavors: [{ name: f, resources: [{ name: cpu, nominalQuota: &x { y: *x } }] }] }] }
`);
    expect(q.problems.map((p) => p.message)).toEqual([
      'a second ClusterQueue big: only the first is used',
      'a map is not a quantity (a number, or one with a unit: 500m, 64Gi)',
    ]);
    expect(q.flavors.get('f')!.nodeLabels).toEqual({ b: '2' });
    // The first ClusterQueue counts once in its cohort.
    expect(q.clusterQueues.get('big')!.node.parent!.children).toHaveLength(1);

    const chain = Array.from(
      { length: 5000 },
      (_, i) => `kind: Cohort\nmetadata: { name: c${i} }\nspec: { parentName: c${i + 1} }\n`,
    ).join('---\n');
    const deep = read(
      `${chain}---\nkind: ClusterQueue\nmetadata: { name: q }\nspec: { cohort: c0 }\n`,
    );
    expect(deep.problems.map((p) => p.message)).toContain(
      'more than 100 cohorts deep: not modelled',
    );
  });
});
