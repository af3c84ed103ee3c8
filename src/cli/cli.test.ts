// The command-line interface, as a user's CI calls it: a real process for the basics, in-process
// runs for the rest.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixturePath,
  generatedDesign,
  gpuTrainers,
  KUEUE_FIXTURES,
  readFixture,
  REPO_ROOT,
} from '../fixtures/read.ts';
import { buildCli } from '../tools/build-cli.mjs';
import { runCli } from './run.ts';

const exec = promisify(execFile);
// The command as `bin` runs it: compiled from this source, here, into a folder of its own.
const out = mkdtempSync(join(tmpdir(), 'jobset-cli-'));
let BIN = '';
beforeAll(async () => {
  BIN = await buildCli(out);
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function spawnCli(args: string[], input?: string) {
  const child = exec('node', [BIN, ...args], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('jobset-designer (a real process)', () => {
  it('stops a check past its deadline, names the input and ends (JOBSET_DESIGNER_DEADLINE_S)', async () => {
    const big = generatedDesign(2000, 50, 20);
    const run = async (deadline?: string) => {
      const child = exec('node', [BIN, 'validate', '-'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...(deadline ? { JOBSET_DESIGNER_DEADLINE_S: deadline } : {}) },
      });
      child.child.stdin!.end(big);
      try {
        const { stderr } = await child;
        return { signal: null as string | null, stderr };
      } catch (err) {
        const e = err as { signal: string | null; stderr: string };
        return { signal: e.signal, stderr: e.stderr };
      }
    };
    const slow = await run('0.001');
    expect(slow.stderr).toContain(
      'jobset-designer: checking <stdin> took more than 0.001 s and was stopped',
    );
    expect(slow.signal).toBe('SIGTERM');
    // With the default deadline the same input is checked in full.
    const done = await run();
    expect(done.signal).toBeNull();
    expect(done.stderr).not.toContain('was stopped');
    expect(done.stderr).toMatch(/<stdin>: (valid|invalid)/);
  });

  it('validates a valid manifest: exit 0, nothing on stdout', async () => {
    const r = await spawnCli(['validate', fixturePath('platform-main')]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('valid (0 error(s)');
  });

  it('expands from standard input', async () => {
    const r = await spawnCli(['expand', '-'], readFixture('two-groups-parallel-pods'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.concurrentPods).toBe(9);
  });

  it('admit: the built CLI tells never (exit 3) for 32 A100s where at most 24 can be had', async () => {
    const r = await spawnCli(
      ['admit', '-', '--queue', join(KUEUE_FIXTURES, 'queues.yaml')],
      gpuTrainers(4),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('at most 24 ever: 16 nominal + 8 borrowable');
  });

  it('exits 2 with one line for a missing file', async () => {
    const r = await spawnCli(['validate', 'no/such/manifest.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'jobset-designer: cannot read no/such/manifest.yaml: no such file',
    ]);
  });

  it('streams a million pods with --limit and stops early', async () => {
    const text = readFixture('one-group-one-job').replace(
      'count: 1',
      'count: 1000\n      completions: 1000\n      parallelisms: 10',
    );
    const r = await spawnCli(['pods', '-', '--limit', '3'], text);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((p) => p.name)).toEqual(['worker-0-0', 'worker-0-1', 'worker-0-2']);
  });
});

describe('validate', () => {
  it('prints file:line:col: severity code: message and exits 1 when invalid', async () => {
    const text = readFixture('platform-main').replace('count: 5', 'count: -1');
    const r = await runCli(['validate', '-'], text);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:\d+:\d+: error out-of-range: count must be/m);
  });

  it('prints JSON with --json', async () => {
    const text = readFixture('platform-main').replace('    worker:\n', '    Worker:\n');
    const r = await runCli(['validate', '-', '--json'], text);
    const json = JSON.parse(r.stdout);
    expect(json.valid).toBe(false);
    expect(json.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'type-name-invalid',
      message: expect.stringContaining('"Worker"'),
      path: ['spec', 'types', 'Worker'],
      line: 22,
      column: 5,
      endLine: 22,
      endColumn: 11,
    });
  });
});

describe('expand', () => {
  it('prints the figures of each type in manifest order, and totals', async () => {
    const r = await runCli(['expand', fixturePath('platform-main')]);
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(json.valid).toBe(true);
    expect(json.types.map((t: { name: string }) => t.name)).toEqual([
      'master',
      'worker',
      'worker-2',
    ]);
    expect(json.types[1]).toMatchObject({
      name: 'worker',
      count: 5,
      completions: 1,
      parallelisms: 1,
      effectiveParallelism: 1,
      pods: 5,
      concurrentPods: 5,
      waves: 1,
      globalIndexStart: 1,
      pod: { cpus: 4, ramGB: 12, gpus: 1, gpuProduct: 'NVIDIA-A100-SXM4-80GB' },
      peak: { cpus: 20, ramGB: 60, gpus: 5 },
    });
    expect(json.totals).toMatchObject({
      jobs: 7,
      pods: 7,
      concurrentPods: 7,
      peak: { cpus: 25, ramGB: 74, gpus: 5 },
    });
  });

  it('prints null where a figure is not set', async () => {
    const r = await runCli(['expand', fixturePath('two-groups')]);
    const json = JSON.parse(r.stdout);
    expect(json.types[0].pod).toEqual({ cpus: null, ramGB: null, gpus: null, gpuProduct: null });
    expect(json.totals.peak.cpus).toBeNull();
  });

  it('gives the same shape for another operator: a type per replica group, and totals', async () => {
    const text = [
      'kind: AIchorManifest',
      'apiVersion: "0.2.2"',
      'builder: {image: image, dockerfile: ./Dockerfile, context: .}',
      'spec:',
      '  operator: pytorch',
      '  image: image',
      '  command: python3 -u main.py',
      '  types:',
      '    Master: {count: 1, resources: {cpus: 4, ramRatio: 2, accelerators: {gpu: {count: 1, type: gpu, product: A100}}}}',
      '    Worker: {count: 3, resources: {cpus: 4, ramRatio: 2, accelerators: {gpu: {count: 1, type: gpu, product: A100}}}}',
    ].join('\n');
    const r = await runCli(['expand', '-'], text);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.operator).toBe('pytorch');
    expect(out.types.map((t: { name: string; pods: number }) => [t.name, t.pods])).toEqual([
      ['Master', 1],
      ['Worker', 3],
    ]);
    expect(out.totals).toMatchObject({
      jobs: 4,
      pods: 4,
      concurrentPods: 4,
      peak: { cpus: 16, ramGB: 32, gpus: 4, gpusByProduct: { A100: 4 } },
    });
  });
});

describe('pods', () => {
  it('prints one JSON object per pod with the six variables', async () => {
    const r = await runCli(['pods', fixturePath('global-index-order'), '--type', 'worker-heavy']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        name: 'worker-heavy-0-0',
        type: 'worker-heavy',
        jobIndex: 0,
        podIndex: 0,
        wave: 0,
        start: 0,
        end: 1,
        env: {
          JOB_INDEX: '0',
          JOB_COMPLETION_INDEX: '0',
          JOB_GLOBAL_INDEX: '7',
          GLOBAL_REPLICAS: '8',
          REPLICATED_JOB_NAME: 'worker-heavy',
          REPLICATED_JOB_REPLICAS: '1',
        },
      },
    ]);
  });

  it('agrees with expand on the number of pods', async () => {
    const r = await runCli(['pods', fixturePath('mixed-concurrency')]);
    expect(r.stdout.trim().split('\n')).toHaveLength(32);
  });

  it('exits 2 for an unknown --type, naming the groups', async () => {
    const r = await runCli(['pods', fixturePath('two-groups'), '--type', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('groups: master, worker');
  });
});

describe('json', () => {
  it('prints the data as the platform reads it, merge keys resolved', async () => {
    const text =
      readFixture('platform-main').replace(
        '    worker-2:\n      count: 1\n',
        '    worker-2: &pool\n      count: 1\n',
      ) + '    worker-3:\n      <<: *pool\n      count: 2\n';
    const r = await runCli(['json', '-'], text);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { spec: { types: Record<string, unknown> } };
    expect(data.spec.types['worker-3']).toEqual({ count: 2, resources: { cpus: 4, ramRatio: 3 } });
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('exits 1 with the reason when the YAML cannot be read', async () => {
    const r = await runCli(['json', '-'], 'spec: [\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has no JSON form');
  });
});

describe('expand, schedule', () => {
  it('prints the planned run: the makespan, and the groups left out', async () => {
    const text = readFixture('platform-main').replace('      count: 5\n', '      count: -1\n');
    const r = await runCli(['expand', '-'], text);
    const out = JSON.parse(r.stdout) as { schedule: { makespan: number; leftOut: string[] } };
    expect(out.schedule).toMatchObject({ makespan: 1, leftOut: ['worker'] });
  });
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate', 'x.yaml']],
    [['validate']],
    [['pods', 'a.yaml', '--limit', 'many']],
    [['expand', 'a.yaml', '--json']],
    [['expand', 'a.yaml', 'b.yaml']],
    [['validate', '-', '-']],
    [['validate', 'a.yaml', '--format', 'xml']],
    [['validate', 'a.yaml', '--format', 'sarif', '--json']],
  ])('exits 2 with a one-line message for %j', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^jobset-designer: /);
  });

  it('reads a file whose name starts with a dash after --', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobset-dash-'));
    try {
      writeFileSync(join(dir, '-x.yaml'), readFixture('platform-main'));
      const before = await runCli(['validate', '-x.yaml'], '', dir);
      expect(before.code).toBe(2);
      expect(before.stderr).toContain('unknown option "-x.yaml"');
      const r = await runCli(['validate', '--json', '--', '-x.yaml'], '', dir);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).valid).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints usage for --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jobset-designer validate');
  });
});

describe('file errors', () => {
  it('names the file it could not read, whatever the options', async () => {
    const r = await runCli(['validate', '--json', 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jobset-designer: cannot read missing.yaml: no such file\n');
  });

  it('refuses a jobset-only command for another operator: exit 2, naming the operator', async () => {
    const text = readFixture('platform-main').replace('operator: jobset', 'operator: pytorch');
    const r = await runCli(['program', '-', '--out', '/nonexistent'], text);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'jobset-designer: program needs spec.operator: jobset; this manifest uses pytorch\n',
    );
  });
});
