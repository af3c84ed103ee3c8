// Pod names and injected variables of the operators other than jobset (SEMANTICS.md "Names and
// injected variables" and "Other operators"), read through `analyze` and `allPods` as the views
// read them. Expected values are the contract's, written out here.
import { describe, expect, it } from 'vitest';
import { operatorManifest, slurmManifest } from '../../fixtures/operatorManifest.ts';
import { analyze } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import { allPods, podAt, type Pod } from '../schedule/pods.ts';

/** The platform's experiment name as the designer writes it (24 characters). */
const EXP = 'experiment-xxxxxxxx-xxxx';

const manifest = operatorManifest;

/** A type of `count` replicas, each 2 CPUs x 2 GB. */
const type = (name: string, count: number) =>
  [
    `    ${name}:`,
    `      count: ${count}`,
    '      resources:',
    '        cpus: 2',
    '        ramRatio: 2',
  ].join('\n');

function pods(a: Analysis): Pod[] {
  expect(a.expansion).not.toBeNull();
  expect(a.schedule).not.toBeNull();
  return [...allPods(a.expansion!, a.schedule!.plan)];
}

describe('pytorch 0.2.2 (Kubeflow): Master + Worker', () => {
  const a = analyze(manifest('pytorch', '0.2.2', `${type('Master', 1)}\n${type('Worker', 3)}\n`));
  const all = pods(a);

  it('has 4 pods, one per replica', () => {
    expect(a.operator).toBe('pytorch');
    expect(a.expansion!.totals.pods).toBe(4);
    expect(all).toHaveLength(4);
  });

  it('names pods <type lowercased>-<i>', () => {
    expect(all.map((p) => p.name).sort()).toEqual(['master-0', 'worker-0', 'worker-1', 'worker-2']);
    expect(all.find((p) => p.name === 'master-0')!.hostname).toBe(`${EXP}-master-0`);
  });

  it('gives RANK 0 to the master and 1..3 to the workers in index order', () => {
    const rank = (name: string) => all.find((p) => p.name === name)!.env.RANK;
    expect(rank('master-0')).toBe('0');
    expect(rank('worker-0')).toBe('1');
    expect(rank('worker-1')).toBe('2');
    expect(rank('worker-2')).toBe('3');
  });

  it('gives every pod WORLD_SIZE 4, MASTER_PORT 23456 and the master host', () => {
    for (const p of all) {
      expect(p.env.WORLD_SIZE).toBe('4');
      expect(p.env.MASTER_PORT).toBe('23456');
      expect(p.env.MASTER_ADDR).toMatch(/-master-0$/);
      expect(p.env.MASTER_ADDR).toBe(`${EXP}-master-0`);
    }
  });

  it('does not give pytorch pods the xgboost-only variables', () => {
    for (const p of all) {
      expect(p.env).not.toHaveProperty('WORKER_PORT');
      expect(p.env).not.toHaveProperty('WORKER_ADDRS');
    }
  });
});

describe('pytorch 0.2.3 (JobSet): one worker type', () => {
  const a = analyze(manifest('pytorch', '0.2.3', `${type('worker', 4)}\n`));
  const all = pods(a);

  it('names pods as JobSet does: worker-<i>-0', () => {
    expect(all).toHaveLength(4);
    expect(all.map((p) => p.name)).toEqual([
      'worker-0-0',
      'worker-1-0',
      'worker-2-0',
      'worker-3-0',
    ]);
  });

  it('makes rank 0 the coordinator: MASTER_ADDR is the host of worker-0-0', () => {
    expect(all.map((p) => p.env.RANK)).toEqual(['0', '1', '2', '3']);
    for (const p of all) {
      expect(p.env.WORLD_SIZE).toBe('4');
      expect(p.env.MASTER_PORT).toBe('23456');
      expect(p.env.MASTER_ADDR).toBe(`${EXP}-worker-0-0`);
    }
  });
});

describe('xgboost', () => {
  it('adds WORKER_PORT 9999 and WORKER_ADDRS, the workers hosts (0.2.2)', () => {
    const a = analyze(manifest('xgboost', '0.2.2', `${type('Master', 1)}\n${type('Worker', 3)}\n`));
    const all = pods(a);
    expect(all).toHaveLength(4);
    const workers = [`${EXP}-worker-0`, `${EXP}-worker-1`, `${EXP}-worker-2`];
    for (const p of all) {
      expect(p.env.MASTER_PORT).toBe('23456');
      expect(p.env.WORLD_SIZE).toBe('4');
      expect(p.env.MASTER_ADDR).toBe(`${EXP}-master-0`);
      expect(p.env.WORKER_PORT).toBe('9999');
      expect(p.env.WORKER_ADDRS!.split(',')).toEqual(workers);
    }
  });

  it('names the workers hosts in WORKER_ADDRS under 0.2.3 too (one worker type)', () => {
    const a = analyze(manifest('xgboost', '0.2.3', `${type('worker', 4)}\n`));
    const all = pods(a);
    expect(all.map((p) => p.name)).toEqual([
      'worker-0-0',
      'worker-1-0',
      'worker-2-0',
      'worker-3-0',
    ]);
    for (const p of all) {
      expect(p.env.WORKER_PORT).toBe('9999');
      // Whether rank 0 (the coordinator) is listed or not, the other workers are.
      const addrs = p.env.WORKER_ADDRS!.split(',');
      expect(addrs).toContain(`${EXP}-worker-1-0`);
      expect(addrs).toContain(`${EXP}-worker-3-0`);
    }
  });
});

describe('jax 0.2.3', () => {
  const a = analyze(manifest('jax', '0.2.3', `${type('worker', 3)}\n`));
  const all = pods(a);

  it('has one pod per replica, named as JobSet does', () => {
    expect(a.expansion!.totals.pods).toBe(3);
    expect(all.map((p) => p.name)).toEqual(['worker-0-0', 'worker-1-0', 'worker-2-0']);
  });

  it('points every pod at the coordinator worker-0-0.<experiment>:1234', () => {
    for (const p of all) {
      const address = p.env.JAXOPERATOR_COORDINATOR_ADDRESS!;
      expect(address.startsWith('worker-0-0.')).toBe(true);
      expect(address.endsWith(':1234')).toBe(true);
      expect(address).toBe(`worker-0-0.${EXP}:1234`);
    }
  });

  it('numbers processes 0..n-1 out of n', () => {
    expect(all.map((p) => p.env.JAXOPERATOR_PROCESS_ID)).toEqual(['0', '1', '2']);
    for (const p of all) expect(p.env.JAXOPERATOR_NUM_PROCESSES).toBe('3');
  });
});

describe('tf: TF_CONFIG', () => {
  it('is absent for one Worker of count 1 and nothing else', () => {
    const all = pods(analyze(manifest('tf', '0.2.2', `${type('Worker', 1)}\n`)));
    expect(all.map((p) => p.name)).toEqual(['worker-0']);
    expect(all[0]!.env).not.toHaveProperty('TF_CONFIG');
  });

  it('is present for two workers', () => {
    const all = pods(analyze(manifest('tf', '0.2.2', `${type('Worker', 2)}\n`)));
    expect(all).toHaveLength(2);
    all.forEach((p, i) => {
      const config = JSON.parse(p.env.TF_CONFIG!) as {
        cluster: Record<string, string[]>;
        task: { type: string; index: number };
      };
      expect(config.task).toEqual({ type: 'worker', index: i });
      expect(config.cluster.worker).toHaveLength(2);
    });
  });

  it('is present for a lone Worker beside a Chief and a PS: the cluster by task type, and the pod task', () => {
    const a = analyze(
      manifest('tf', '0.2.2', `${type('Chief', 1)}\n${type('Worker', 2)}\n${type('PS', 1)}\n`),
    );
    const all = pods(a);
    expect(all).toHaveLength(4);
    const byName = new Map(all.map((p) => [p.name, p]));
    const config = (name: string) => {
      const raw = byName.get(name)!.env.TF_CONFIG;
      expect(typeof raw).toBe('string');
      return JSON.parse(raw!) as {
        cluster: Record<string, string[]>;
        task: { type: string; index: number };
      };
    };
    const worker1 = config('worker-1');
    expect(Object.keys(worker1.cluster).sort()).toEqual(['chief', 'ps', 'worker']);
    expect(worker1.cluster.chief).toHaveLength(1);
    expect(worker1.cluster.worker).toHaveLength(2);
    expect(worker1.cluster.ps).toHaveLength(1);
    expect(worker1.cluster.worker!.join(' ')).toContain(`${EXP}-worker-1`);
    expect(worker1.task).toEqual({ type: 'worker', index: 1 });
    expect(config('chief-0').task).toEqual({ type: 'chief', index: 0 });
    expect(config('ps-0').task).toEqual({ type: 'ps', index: 0 });
  });
});

describe('slurm', () => {
  it('numbers its tasks by SLURM_PROCID', () => {
    const text = slurmManifest([
      '      ntasks: 4',
      '      cpus_per_task: 1',
      '      memory_per_cpu: 1G',
      '',
    ]);
    const all = pods(analyze(text));
    expect(all).toHaveLength(4);
    expect(all.map((p) => p.env.SLURM_PROCID)).toEqual(['0', '1', '2', '3']);
  });
});

describe('large runs', () => {
  it('gives a pod of a 100,000-replica pytorch run its rank without listing the others', () => {
    const a = analyze(manifest('pytorch', '0.2.3', `${type('worker', 100000)}\n`));
    expect(a.expansion!.totals.pods).toBe(100000);
    const group = a.schedule!.plan.groups[0]!;
    const last = podAt(a.expansion!, group, 99999, 0)!;
    expect(last.name).toBe('worker-99999-0');
    expect(last.env.RANK).toBe('99999');
    expect(last.env.WORLD_SIZE).toBe('100000');
    expect(last.env.MASTER_ADDR).toBe(`${EXP}-worker-0-0`);
  });

  it('lists at most 16 of 100,000 xgboost workers in WORKER_ADDRS and says how many more', () => {
    const a = analyze(
      manifest('xgboost', '0.2.2', `${type('Master', 1)}\n${type('Worker', 100000)}\n`),
    );
    expect(a.expansion!.totals.pods).toBe(100001);
    const worker = a.schedule!.plan.groups.find((g) => g.figures.name === 'Worker')!;
    // One pod's variables name a bounded list, whatever the run's size (no timing asserted here).
    const addrs = podAt(a.expansion!, worker, 12345, 0)!.env.WORKER_ADDRS!;
    const entries = addrs.split(',');
    expect(entries.length).toBeLessThanOrEqual(17);
    const listed = entries.filter((h) => h.startsWith(`${EXP}-worker-`));
    expect(listed[0]).toBe(`${EXP}-worker-0`);
    const more = /(\d+) more/.exec(addrs);
    expect(more).not.toBeNull();
    expect(listed.length + Number(more![1])).toBe(100000);
  });
});
