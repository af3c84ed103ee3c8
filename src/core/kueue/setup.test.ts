// Queues set up in the form: the YAML it writes reads back as the queues asked for (by our
// reader, and by PyYAML as `kubectl apply` would get it), and the design it was made for fits.
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gpuTrainers } from '../../fixtures/read.ts';
import { pyyamlRead } from '../../fixtures/pyyaml.ts';
import { analyze } from '../analyze.ts';
import { buildJobSet } from '../k8s/export.ts';
import { admit, pickLocalQueue } from './admission.ts';
import { readQueues } from './queues.ts';
import { setupForDesign, setupYaml } from './setup.ts';
import { fr } from './tree.ts';
import { podSetsOf } from './workload.ts';

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

describe('setupForDesign and setupYaml', () => {
  it('a flavor per GPU product of the design, as many GPUs as it runs at once', () => {
    const analysis = analyze(gpuTrainers(3));
    const setup = setupForDesign(analysis.expansion!.totals);
    expect(setup.flavors).toEqual([
      {
        name: 'nvidia-a100-sxm4-80gb',
        product: 'NVIDIA-A100-SXM4-80GB',
        gpus: 24,
        borrowingLimit: null,
        cpus: 24,
        memoryGi: 96,
      },
    ]);
    // The design is admitted in the queues written: the flavor matches its node selector.
    const queues = readQueues(docsOf(setupYaml(setup)));
    expect(queues.problems).toEqual([]);
    const picked = pickLocalQueue(queues, null);
    if (!('queue' in picked)) throw new Error(picked.problem);
    expect(picked.queue).toEqual({ namespace: 'default', name: 'main', clusterQueue: 'team' });
    const built = buildJobSet(analysis);
    if (built.kind !== 'built') throw new Error(built.kind);
    const a = admit(podSetsOf(built.jobset), queues, picked.queue);
    expect(a.verdict).toBe('admitted');
    expect(a.summary).toBe('admitted now in ClusterQueue team: trainer on nvidia-a100-sxm4-80gb');
  });

  it('cohort and borrowing limit as asked; PyYAML reads the same objects', () => {
    const text = setupYaml({
      clusterQueue: 'team-a',
      cohort: 'research',
      namespace: 'ml',
      localQueue: 'main',
      flavors: [
        { name: 'a100', product: 'A100', gpus: 16, borrowingLimit: 8, cpus: 100, memoryGi: 512 },
        { name: 'cpu', product: '', gpus: 0, borrowingLimit: null, cpus: 64, memoryGi: 256 },
      ],
    });
    const queues = readQueues(docsOf(text));
    expect(queues.problems).toEqual([]);
    const node = queues.clusterQueues.get('team-a')!.node;
    expect(node.parent?.name).toBe('research');
    expect(node.quotas.get(fr('a100', 'nvidia.com/gpu'))).toEqual({
      nominal: 16,
      borrowingLimit: 8,
      lendingLimit: null,
    });
    expect(node.quotas.get(fr('cpu', 'memory'))!.nominal).toBe(256 * 2 ** 30);
    expect(queues.flavors.get('a100')!.nodeLabels).toEqual({ 'nvidia.com/gpu.product': 'A100' });
    expect(pyyamlRead(text.split('---\n'))).toEqual(docsOf(text));
  });

  it('no borrowing limit outside a cohort (Kueue refuses one: clusterqueue_webhook.go)', () => {
    const text = setupYaml({
      clusterQueue: 'solo',
      cohort: '',
      namespace: 'ml',
      localQueue: 'main',
      flavors: [
        { name: 'a100', product: 'A100', gpus: 16, borrowingLimit: 8, cpus: 10, memoryGi: 10 },
      ],
    });
    expect(text).not.toContain('borrowingLimit');
    expect(text).not.toContain('cohort');
  });

  it('a design without GPUs gets one flavor with none', () => {
    const setup = setupForDesign(
      analyze(gpuTrainers(1).replace(/\n\s+accelerators:\n.*\n/, '\n')).expansion!.totals,
    );
    expect(setup.flavors.map((f) => [f.name, f.product, f.gpus])).toEqual([
      ['default-flavor', '', 0],
    ]);
  });
});
