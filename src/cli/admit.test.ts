// `jobset-designer admit`: the design's JobSet against a cluster's queues as kubectl prints them;
// exit 0 admitted now, 1 waits, 3 never, 2 unreadable input or usage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDesign, gpuTrainers, KUEUE_FIXTURES, strictFifo } from '../fixtures/read.ts';
import { runCli } from './run.ts';

const QUEUES = join(KUEUE_FIXTURES, 'queues.yaml');

const trainers = gpuTrainers;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'admit-'));
  writeFileSync(join(dir, 'broken.yaml'), 'kind: ClusterQueue\nspec: [unclosed\n');
  // team-a serves its queue in strict order and may preempt lower priorities; a
  // WorkloadPriorityClass ranks above the rest.
  writeFileSync(
    join(dir, 'strict.yaml'),
    `${strictFifo(readFileSync(QUEUES, 'utf8')).replace('queueingStrategy: StrictFIFO\n', 'queueingStrategy: StrictFIFO\n  preemption: { withinClusterQueue: LowerPriority, reclaimWithinCohort: Never }\n')}
---
kind: WorkloadPriorityClass
apiVersion: kueue.x-k8s.io/v1beta1
metadata: { name: urgent }
value: 1000
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jobset-designer admit', () => {
  it('exit 0 when admitted now, with the flavor taken', async () => {
    const r = await runCli(['admit', '-', '--queue', QUEUES], trainers(2));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'LocalQueue ml/main -> ClusterQueue team-a (Kueue v0.19 rules)\nadmitted now in ClusterQueue team-a: trainer on a100\n',
    );
  });

  it('exit 1 when it waits for quota the admitted workloads hold', async () => {
    const r = await runCli(
      ['admit', '-', '--queue', QUEUES, '--workloads', join(KUEUE_FIXTURES, 'workloads.yaml')],
      trainers(3),
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 admitted workload(s) counted');
    // Admitted at 12:00 for at most two hours: its A100s are back at 14:00.
    expect(r.stdout).toContain(
      'Starts: expected at 2026-12-07 14:00 UTC, once 1 workload(s) have ended (the last: ml/other).',
    );
    expect(r.stdout).toContain(
      'waits: trainer needs 24 nvidia.com/gpu on flavor a100, 22 free now (at most 24: 16 nominal + 8 borrowable)',
    );
    expect(r.stdout).toContain(
      "Kueue says: couldn't assign flavors to pod set trainer: flavor h100 doesn't match node affinity, insufficient unused quota for nvidia.com/gpu in flavor a100, 2 more needed",
    );
  });

  it('exit 1 behind a StrictFIFO head the quota cannot take yet; 0 with a higher priority', async () => {
    const queued = join(KUEUE_FIXTURES, 'queued.yaml');
    const args = ['admit', '-', '--queue', 'strict.yaml', '--workloads', queued];
    // The precondition: with no one waiting, 8 A100s are admitted now.
    const alone = await runCli(['admit', '-', '--queue', 'strict.yaml'], trainers(1), dir);
    expect(alone.code).toBe(0);
    const r = await runCli(args, trainers(1), dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 admitted workload(s) counted, 1 pending');
    expect(r.stdout).toContain(
      'waits in the queue: the quota could take it now (trainer on a100), but pending workloads ahead of it take the quota first',
    );
    // ml/big is admitted at 14:00 with team-b's A100s back, and ends at 15:00.
    expect(r.stdout).toContain(
      'Starts: expected at 2026-12-07 15:00 UTC, once 2 workload(s) have ended (the last: ml/big), and 1 pending workload(s) ahead of it admitted (ml/big).',
    );
    // Kueue might evict a lower-priority workload instead: said, not simulated.
    expect(r.stdout).toContain(
      'Its ClusterQueue may preempt (withinClusterQueue: LowerPriority): Kueue could admit it sooner by evicting other workloads, which is not simulated here.',
    );
    expect(alone.stdout).not.toContain('may preempt');
    const urgent = await runCli([...args, '--priority-class', 'urgent'], trainers(1), dir);
    expect(urgent.code).toBe(0);
    const unknown = await runCli([...args, '--priority-class', 'nope'], trainers(1), dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('WorkloadPriorityClass nope is not in the files');
  });

  it('exit 3 for never: more GPUs than the cohort lends, or more PodSets than the version takes', async () => {
    const never = await runCli(['admit', '-', '--queue', QUEUES, '--format', 'json'], trainers(4));
    expect(never.code).toBe(3);
    const json = JSON.parse(never.stdout) as { verdict: string; reason: string };
    expect(json).toMatchObject({ verdict: 'never', reason: 'ExceedsMaxQuota' });
    const many = await runCli(
      ['admit', '-', '--queue', QUEUES, '--kueue-version', 'v0.17'],
      generatedDesign(9, 1, 1, 1),
    );
    expect(many.code).toBe(3);
    expect(many.stdout).toContain('Kueue v0.17 takes at most 8 per Workload');
  });

  it('exit 2 with a message: no queues, an unreadable file, a bad version, a LocalQueue not there', async () => {
    const none = await runCli(['admit', '-'], trainers(1));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('admit needs the queues: --queue FILE');
    const broken = await runCli(['admit', '-', '--queue', 'broken.yaml'], trainers(1), dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^jobset-designer: broken\.yaml: line \d+: /);
    const version = await runCli(
      ['admit', '-', '--queue', QUEUES, '--kueue-version', 'soon'],
      trainers(1),
    );
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('--kueue-version is a Kueue release such as v0.19');
    const lq = await runCli(
      ['admit', '-', '--queue', QUEUES, '--local-queue', 'nope'],
      trainers(1),
    );
    expect(lq.code).toBe(2);
    expect(lq.stderr).toContain('no LocalQueue nope in the files (they have ml/main)');
  });
});
