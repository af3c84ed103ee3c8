// A JobSet's PodSets as Kueue makes them (kueue `pkg/controller/jobs/jobset/jobset_controller.go`
// `PodSets`; cases from `jobset_controller_test.go`, `TestPodSets`), and the designer's own
// export read the same way: one PodSet per group, of the pods the design runs at once.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { exportJobSet } from '../k8s/export.ts';
import { podSetsOf } from './workload.ts';

const replicatedJob = (
  name: string,
  replicas: number,
  parallelism: number,
  completions: number,
) => ({
  name,
  replicas,
  template: {
    spec: { parallelism, completions, template: { spec: { containers: [{ name: 'c' }] } } },
  },
});

describe('podSetsOf', () => {
  it('TestPodSets "no annotations": replicas x min(parallelism, completions)', () => {
    const p = podSetsOf({
      spec: { replicatedJobs: [replicatedJob('job1', 2, 1, 1), replicatedJob('job2', 3, 2, 3)] },
    });
    expect(p.map((s) => [s.name, s.count])).toEqual([
      ['job1', 2],
      ['job2', 6],
    ]);
  });

  it('lowercases names; parallelism defaults to 1 and completions to parallelism', () => {
    const p = podSetsOf({
      spec: {
        replicatedJobs: [
          { name: 'Workers', replicas: 4, template: { spec: { template: { spec: {} } } } },
          { name: 'b', template: { spec: { parallelism: 3, template: { spec: {} } } } },
        ],
      },
    });
    expect(p.map((s) => [s.name, s.count])).toEqual([
      ['workers', 4],
      ['b', 3],
    ]);
  });

  it('requests per pod: containers summed, an init container when larger, sidecars with both, overhead, limits for unset requests', () => {
    const [p] = podSetsOf({
      spec: {
        replicatedJobs: [
          {
            name: 'w',
            template: {
              spec: {
                template: {
                  spec: {
                    overhead: { cpu: '100m' },
                    containers: [
                      { resources: { requests: { cpu: '1', memory: '1Gi' } } },
                      {
                        resources: {
                          requests: { cpu: '500m' },
                          limits: { memory: '2Gi', 'nvidia.com/gpu': 1 },
                        },
                      },
                    ],
                    initContainers: [
                      { restartPolicy: 'Always', resources: { requests: { cpu: '250m' } } },
                      { resources: { requests: { memory: '8Gi' } } },
                    ],
                  },
                },
              },
            },
          },
        ],
      },
    });
    // cpu: 1 + 0.5 + sidecar 0.25 + overhead 0.1; memory: max(1 + 2, 8) Gi; one GPU.
    expect(p!.requests).toEqual({ cpu: 1850, memory: 8 * 2 ** 30, 'nvidia.com/gpu': 1 });
  });

  it("reads the designer's export of the platform example: a PodSet per group, GPUs and their product", () => {
    const exported = exportJobSet(analyze(readFixture('platform-main')));
    expect(exported.kind).toBe('exported');
    if (exported.kind !== 'exported') return;
    const p = podSetsOf(parse(exported.yaml));
    expect(p.map((s) => [s.name, s.count])).toEqual([
      ['master', 1],
      ['worker', 5],
      ['worker-2', 1],
    ]);
    expect(p[1]!.requests).toMatchObject({ cpu: 4000, 'nvidia.com/gpu': 1 });
    expect(p[1]!.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' });
  });

  it('over the real corpus: each PodSet holds the pods its group runs at once (the reserved figure)', () => {
    const files = corpusFiles();
    let compared = 0;
    for (const file of files) {
      const analysis = analyze(readFileSync(file, 'utf8'));
      const exported = exportJobSet(analysis);
      if (exported.kind !== 'exported' || !analysis.expansion) continue;
      const byName = new Map(podSetsOf(parse(exported.yaml)).map((s) => [s.name, s.count]));
      for (const g of analysis.expansion.groups) {
        if (g.state !== 'runs') continue;
        expect(byName.get(g.name.toLowerCase()), `${file}: ${g.name}`).toBe(g.concurrentPods);
        compared++;
      }
    }
    // The precondition: the corpus is there, and its JobSet manifests export (83 groups).
    expect(files.length).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(50);
  });
});
