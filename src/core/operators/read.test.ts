// How each operator's manifest reads into groups and pods (SEMANTICS.md "Other operators"), through
// `readOperatorDesign` and `analyze`. Expected figures are the contract's, worked out by hand.
import { describe, expect, it } from 'vitest';
import { operatorManifest, slurmManifest } from '../../fixtures/operatorManifest.ts';
import { analyze } from '../analyze.ts';
import { parse } from '../manifest/parse.ts';
import { readOperatorDesign } from './read.ts';

const manifest = operatorManifest;

function data(text: string): unknown {
  const parsed = parse(text);
  expect(parsed.syntaxError).toBeFalsy();
  return parsed.data;
}

describe('kuberay: Head and Workers pools', () => {
  const text = manifest(
    'kuberay',
    '0.2.3',
    [
      '    Head:',
      '      count: 3',
      '      resources:',
      '        cpus: 2',
      '        ramRatio: 3',
      '    Workers:',
      '      - name: cpu-workers',
      '        count: 2',
      '        resources:',
      '          cpus: 4',
      '          ramRatio: 2',
      '      - name: gpu-workers',
      '        resources:',
      '          cpus: 8',
      '          ramRatio: 4',
      '',
    ].join('\n'),
  );

  it('reads the head, then each pool by its name', () => {
    const design = readOperatorDesign('kuberay', data(text));
    expect(design.run.operator).toBe('kuberay');
    expect(design.groups.map((g) => g.name)).toEqual(['Head', 'cpu-workers', 'gpu-workers']);
    expect(design.groups.map((g) => g.path)).toEqual([
      ['spec', 'types', 'Head'],
      ['spec', 'types', 'Workers', 0],
      ['spec', 'types', 'Workers', 1],
    ]);
  });

  it('counts the head as one pod (its count: 3 is not read) and a pool with no count as 0', () => {
    const design = readOperatorDesign('kuberay', data(text));
    expect(design.groups.map((g) => g.count)).toEqual([1, 2, 0]);
    for (const g of design.groups) expect(g.completions).toBe(1);
  });

  it('has 1 + 2 + 0 = 3 pods in total, each sized by its own resources', () => {
    const a = analyze(text);
    const e = a.expansion!;
    expect(e.totals.pods).toBe(3);
    // Head 2 CPUs x 3 GB; two workers of 4 CPUs x 2 GB; the empty pool adds nothing.
    expect(e.totals.peak.cpus).toBe(2 + 2 * 4);
    expect(e.totals.peak.ramGB).toBe(6 + 2 * 8);
  });

  it('says the submitter pod is not counted', () => {
    const design = readOperatorDesign('kuberay', data(text));
    expect(design.run.assumptions.some((s) => /submitter/i.test(s))).toBe(true);
  });
});

describe('vertexai: workerPoolSpecs', () => {
  const text = manifest(
    'vertexai',
    '0.2.3',
    [
      '    workerPoolSpecs:',
      '      - machineSpec:',
      '          machineType: n1-standard-8',
      '          acceleratorType: NVIDIA_TESLA_T4',
      '          acceleratorCount: 2',
      '      - machineSpec:',
      '          machineType: n1-standard-4',
      '        replicaCount: 3',
      '      - machineSpec:',
      '          machineType: a2-megagpu-16g',
      '        replicaCount: 1',
      '',
    ].join('\n'),
  );
  const design = readOperatorDesign('vertexai', data(text));

  it('names pools workerpool0, workerpool1, ...', () => {
    expect(design.groups.map((g) => g.name)).toEqual(['workerpool0', 'workerpool1', 'workerpool2']);
  });

  it('gives pool 0 one replica when replicaCount is absent, and the others their replicaCount', () => {
    expect(design.groups.map((g) => g.count)).toEqual([1, 3, 1]);
  });

  it('sizes n1-standard-8 as 8 CPUs and 30 GB, n1-standard-4 as 4 CPUs and 15 GB', () => {
    const [pool0, pool1] = design.groups;
    expect(pool0!.resources.cpus).toBe(8);
    expect(pool0!.resources.ramGB).toBe(30);
    expect(pool1!.resources.cpus).toBe(4);
    expect(pool1!.resources.ramGB).toBe(15);
  });

  it('counts acceleratorType x acceleratorCount as GPUs', () => {
    const pool0 = design.groups[0]!;
    expect(pool0.resources.gpus).toBe(2);
    expect(pool0.resources.gpuProduct).toBe('NVIDIA_TESLA_T4');
    const e = analyze(text).expansion!;
    expect(e.totals.peak.gpusByProduct).toEqual({ NVIDIA_TESLA_T4: 2 });
  });

  it('leaves an unknown machine type not set, never guessed, and says so', () => {
    const pool2 = design.groups[2]!;
    expect(pool2.resources.cpus).toBeNull();
    expect(pool2.resources.ramGB).toBeNull();
    expect(design.run.assumptions.some((s) => s.includes('a2-megagpu-16g'))).toBe(true);
  });

  it('mentions no unknown machine type when all are known', () => {
    const known = readOperatorDesign(
      'vertexai',
      data(
        manifest(
          'vertexai',
          '0.2.3',
          '    workerPoolSpecs:\n      - machineSpec:\n          machineType: n1-standard-8\n',
        ),
      ),
    );
    expect(known.groups[0]!.resources.cpus).toBe(8);
    expect(known.run.assumptions.some((s) => /not one the designer knows/.test(s))).toBe(false);
  });
});

describe('slurm: types.job', () => {
  const text = slurmManifest([
    '      ntasks: 4',
    '      nodes: 2',
    '      cpus_per_task: 2',
    '      memory_per_cpu: 512M',
    '      gres: gpu:a10g:2',
    '',
  ]);

  it('draws the ntasks tasks as the pods of one job', () => {
    const design = readOperatorDesign('slurm', data(text));
    expect(design.groups).toHaveLength(1);
    const job = design.groups[0]!;
    expect(job.name).toBe('job');
    expect(job.count).toBe(1);
    expect(job.completions).toBe(4);
    expect(analyze(text).expansion!.totals.pods).toBe(4);
  });

  it('gives a task cpus_per_task CPUs and cpus_per_task x memory_per_cpu of RAM: 2 CPUs, 1 GB', () => {
    const g = analyze(text).expansion!.groups[0]!;
    expect(g.pod.cpus).toBe(2);
    expect(g.pod.ramGB).toBe(1);
  });

  it('runs all tasks at once: 8 CPUs and 4 GB at the peak', () => {
    const e = analyze(text).expansion!;
    expect(e.totals.concurrentPods).toBe(4);
    expect(e.totals.peak.cpus).toBe(8);
    expect(e.totals.peak.ramGB).toBe(4);
  });

  it('reads gres per node: gpu:a10g:2 on 2 nodes is 4 a10g GPUs at the peak', () => {
    const e = analyze(text).expansion!;
    expect(e.totals.peak.gpus).toBe(4);
    expect(e.totals.peak.gpusByProduct).toEqual({ a10g: 4 });
  });

  it('defaults to one node: gpu:2 with no nodes is 2 GPUs', () => {
    const one = analyze(text.replace('      nodes: 2\n', '').replace('gpu:a10g:2', 'gpu:2'));
    expect(one.expansion!.totals.pods).toBe(4);
    expect(one.expansion!.totals.peak.gpus).toBe(2);
  });

  it('reads the time limit in hours', () => {
    const design = readOperatorDesign('slurm', data(`${text}      time: "02:30:00"\n`));
    expect(design.timeLimitHours).toBe(2.5);
  });
});

describe('synchronous by default', () => {
  const eight = (operator: string, version: string, group: string) =>
    manifest(
      operator,
      version,
      [
        `    ${group}:`,
        '      count: 8',
        '      resources:',
        '        cpus: 1',
        '        ramRatio: 1',
        '',
      ].join('\n'),
    );
  const capacity = { cpus: 4 };

  it('a distributed operator (pytorch) of 8 pods on a cluster that holds 4 can never start', () => {
    const a = analyze(eight('pytorch', '0.2.3', 'worker'), { capacity });
    expect(a.expansion!.totals.pods).toBe(8);
    expect(a.expansion!.totals.peak.cpus).toBe(8);
    expect(a.findings.filter((d) => d.code === 'synchronous-over-capacity')).toHaveLength(1);
  });

  it('batchjob pods are independent: the same 8 pods queue, they are not synchronous', () => {
    const a = analyze(eight('batchjob', '0.2.2', 'Worker'), { capacity });
    expect(a.expansion!.totals.pods).toBe(8);
    expect(a.expansion!.totals.peak.cpus).toBe(8);
    expect(a.findings.some((d) => d.code === 'synchronous-over-capacity')).toBe(false);
    expect(a.findings.some((d) => d.code.startsWith('synchronous'))).toBe(false);
  });

  it('while the design names none (the app starts with none), all groups are, and the analysis says so', () => {
    const a = analyze(eight('pytorch', '0.2.3', 'worker'), { capacity, synchronous: [] });
    expect(a.synchronous).toEqual(['worker']);
    expect(a.findings.filter((d) => d.code === 'synchronous-over-capacity')).toHaveLength(1);
    const b = analyze(eight('batchjob', '0.2.2', 'Worker'), { capacity, synchronous: [] });
    expect(b.synchronous).toEqual([]);
  });

  it('the design can still say which groups are synchronous', () => {
    const two = manifest(
      'pytorch',
      '0.2.2',
      [
        '    Master: {count: 1, resources: {cpus: 1, ramRatio: 1}}',
        '    Worker: {count: 8, resources: {cpus: 1, ramRatio: 1}}',
        '',
      ].join('\n'),
    );
    // Precondition: by default both are, and the 8 workers can never all be up on 4 CPUs.
    expect(analyze(two, { capacity }).synchronous).toEqual(['Master', 'Worker']);
    const a = analyze(two, { capacity, synchronous: ['Master'] });
    expect(a.synchronous).toEqual(['Master']);
    expect(a.expansion!.totals.pods).toBe(9);
    expect(a.findings.some((d) => d.code === 'synchronous-over-capacity')).toBe(false);
  });
});
