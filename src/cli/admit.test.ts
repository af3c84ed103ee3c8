// `jobset-designer admit`: the design's JobSet against a cluster's queues as kubectl prints them;
// exit 0 admitted now, 1 waits, 3 never, 2 unreadable input or usage.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDesign, gpuTrainers, KUEUE_FIXTURES } from '../fixtures/read.ts';
import { runCli } from './run.ts';

const QUEUES = join(KUEUE_FIXTURES, 'queues.yaml');

const trainers = gpuTrainers;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'admit-'));
  writeFileSync(join(dir, 'broken.yaml'), 'kind: ClusterQueue\nspec: [unclosed\n');
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
      'starts: expected at 2026-12-07T14:00:00.000Z, once 1 admitted workload(s) have ended (the last: ml/other)',
    );
    expect(r.stdout).toContain(
      'waits: trainer needs 24 nvidia.com/gpu on flavor a100, 22 free now (at most 24: 16 nominal + 8 borrowable)',
    );
    expect(r.stdout).toContain(
      "Kueue says: couldn't assign flavors to pod set trainer: flavor h100 doesn't match node affinity, insufficient unused quota for nvidia.com/gpu in flavor a100, 2 more needed",
    );
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
