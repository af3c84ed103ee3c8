// The generated pod program, run for real with this machine's python3: it compiles for every
// template and random designs, each pod of a 2 x 3 sweep prints its own point, and both ways of
// waiting for peers release everyone when all are up and fail everyone at the deadline when one
// is missing. python3 is always on the CI machine: without it these tests fail, never skip.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { JOBSET_TEMPLATE_IDS as TEMPLATE_IDS } from '../../templates/catalog.ts';
import { analyze } from '../analyze.ts';
import { allPods } from '../schedule/pods.ts';
import { gridSize, sweepPoint, type Sweep } from '../sweep/sweep.ts';
import { podProgram, type ProgramInput } from './python.ts';

const PYTHON = 'python3';
const probe = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function write(input: ProgramInput): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobset-program-'));
  dirs.push(dir);
  for (const f of podProgram(input).files) writeFileSync(join(dir, f.path), f.text);
  return dir;
}

function inputOf(text: string, extra: Partial<ProgramInput> = {}): ProgramInput {
  const a = analyze(text);
  return {
    designName: null,
    groups: a.expansion!.groups.map((g) => ({
      name: g.name,
      count: g.count!,
      completions: g.completions!,
      parallelisms: g.parallelisms!,
    })),
    synchronous: [],
    sweeps: {},
    ...extra,
  };
}

function compiles(dir: string) {
  const r = spawnSync(PYTHON, ['-m', 'py_compile', 'jobset_env.py', 'main.py'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.stderr, dir).toBe('');
  expect(r.status).toBe(0);
}

/** Runs `code` as pod `name-a-b` of the design in `dir`, with its six variables. */
function runPod(
  dir: string,
  text: string,
  group: string,
  a: number,
  b: number,
  code: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const analysis = analyze(text);
  const pod = [...allPods(analysis.expansion!, analysis.schedule!.plan, group)].find(
    (p) => p.jobIndex === a && p.podIndex === b,
  );
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(PYTHON, ['-c', code], {
      cwd: dir,
      env: { ...process.env, ...pod!.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (c) => resolve({ code: c, stdout, stderr, ms: Date.now() - t0 }));
    // No python3 (ENOENT): answer at once, as a failed run, instead of waiting for the timeout.
    child.on('error', (e) =>
      resolve({ code: null, stdout, stderr: String(e), ms: Date.now() - t0 }),
    );
  });
}

const sweep2x3: Sweep = {
  index: 'JOB_INDEX',
  axes: [
    { name: 'lr', values: { kind: 'range', scale: 'log', from: 1e-4, to: 1e-2, points: 2 } },
    { name: 'batch', values: { kind: 'list', values: [32, 64, 128] } },
  ],
};

const trials = `kind: AIchorManifest
apiVersion: "0.2.3"
builder: { image: i }
spec:
  operator: jobset
  image: i
  command: python3 main.py
  types:
    trial:
      count: 6
      resources: { cpus: 1, ramRatio: 2 }
`;

/** One coordinator and three workers: a synchronous group of four pods running at once. */
const gang = trials.replace(
  'trial:\n      count: 6',
  'train:\n      count: 1\n      completions: 4\n      parallelisms: 4',
);

// Ports 20000-24999 (the rehearsal tests take 25000-31999): below Linux's outgoing ports.
let nextPort = 20000 + Math.floor(Math.random() * 4000);

describe('the generated pod program, run by python3', () => {
  it('has python3 to run it (a machine without it fails here, not skips)', () => {
    expect(probe.status, `python3 --version: ${probe.error?.message ?? probe.stderr}`).toBe(0);
    expect(probe.stdout).toMatch(/^Python 3\./);
  });

  it('compiles for every template', () => {
    for (const id of TEMPLATE_IDS) compiles(write(inputOf(readFixture(id), { designName: id })));
  });

  it('compiles for random designs, sweeps and synchronous groups', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('JOB_INDEX', 'JOB_COMPLETION_INDEX', 'JOB_GLOBAL_INDEX'),
        (names, sync, index) => {
          const input: ProgramInput = {
            designName: `Design "${names[0]}"\nwith a newline`,
            groups: names.map((name, i) => ({
              name,
              count: i + 1,
              completions: 2,
              parallelisms: 1,
            })),
            synchronous: sync ? [names[0]!] : [],
            sweeps: { [names[0]!]: { ...sweep2x3, index } },
          };
          compiles(write(input));
        },
      ),
      { numRuns: 12, seed: 15 },
    );
  });

  it('gives each of the six trials of a 2 x 3 sweep a distinct point, covering the grid', async () => {
    expect(gridSize(sweep2x3)).toBe(6);
    const dir = write(inputOf(trials, { sweeps: { trial: sweep2x3 } }));
    const code = 'import json, jobset_env; print(json.dumps(jobset_env.params(), sort_keys=True))';
    const runs = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((a) => runPod(dir, trials, 'trial', a, 0, code)),
    );
    const points = runs.map((r) => {
      expect(r.stderr).toBe('');
      return r.stdout.trim();
    });
    expect(new Set(points).size).toBe(6);
    // Row-major, last axis fastest: the designer's own table says the same.
    for (let k = 0; k < 6; k++) {
      expect(JSON.parse(points[k]!)).toEqual(sweepPoint(sweep2x3, k));
    }
    expect(points.map((p) => JSON.parse(p) as { lr: number }).map((p) => p.lr)).toEqual([
      0.0001, 0.0001, 0.0001, 0.01, 0.01, 0.01,
    ]);
  });

  it('keeps "$&" and other replacement patterns in names and values as they are', async () => {
    const odd: Sweep = {
      index: 'JOB_INDEX',
      axes: [{ name: 'opt', values: { kind: 'list', values: ['$&', 'a$$b', "$'"] } }],
    };
    const text = trials.replace('count: 6', 'count: 3');
    const dir = write(inputOf(text, { designName: "Sweep $' v2 $&", sweeps: { trial: odd } }));
    compiles(dir);
    const code = 'import jobset_env; print(jobset_env.params()["opt"])';
    const runs = await Promise.all([0, 1, 2].map((a) => runPod(dir, text, 'trial', a, 0, code)));
    expect(runs.map((r) => r.stdout.trim())).toEqual(['$&', 'a$$b', "$'"]);
  });

  it('keeps a design name holding @DATA@, a NUL, quotes or line breaks out of the code', async () => {
    const odd: Sweep = {
      index: 'JOB_INDEX',
      axes: [{ name: 'opt', values: { kind: 'list', values: ['@DATA@', 'x\u0000y', '"""'] } }],
    };
    const text = trials.replace('count: 6', 'count: 3');
    const name = '@DATA@ @TITLE@ \u0000 """ \\ \n\u2028 end';
    const dir = write(inputOf(text, { designName: name, sweeps: { trial: odd } }));
    compiles(dir);
    const code = 'import json, jobset_env; print(json.dumps(jobset_env.params()["opt"]))';
    const runs = await Promise.all([0, 1, 2].map((a) => runPod(dir, text, 'trial', a, 0, code)));
    expect(runs.map((r) => JSON.parse(r.stdout) as string)).toEqual(['@DATA@', 'x\u0000y', '"""']);
  });

  it('waits only for the pods that run at once: later waves neither wait nor are waited for', async () => {
    const waves = gang.replace('parallelisms: 4', 'parallelisms: 2');
    const dir = write(inputOf(waves, { synchronous: ['train'] }));
    const env = { JOBSET_ENV_HOST: '127.0.0.1', JOBSET_ENV_PORT: String((nextPort += 10)) };
    const code =
      'import jobset_env; jobset_env.wait_for_peers("coordinator", deadline_s=10); print("released")';
    // Pods 0 and 1 run at once and release each other; pod 3 is of the second wave.
    const runs = await Promise.all(
      [0, 1, 3].map((b) => runPod(dir, waves, 'train', 0, b, code, env)),
    );
    for (const r of runs) expect(r.stdout.trim()).toBe('released');
    expect(Math.max(...runs.map((r) => r.ms))).toBeLessThan(9000);
  });

  it('runs main.py: each pod calls its group\u2019s function', async () => {
    const dir = write(inputOf(trials, { sweeps: { trial: sweep2x3 } }));
    const r = await runPod(
      dir,
      trials,
      'trial',
      4,
      0,
      'import runpy; runpy.run_path("main.py", run_name="__main__")',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("trial-4-0: running with {'lr': 0.01, 'batch': 64}");
  });

  for (const pattern of ['coordinator', 'decentralized'] as const) {
    it(`${pattern}: a pod restarted after the release is released at once`, async () => {
      const dir = write(inputOf(gang, { synchronous: ['train'] }));
      const env = { JOBSET_ENV_HOST: '127.0.0.1', JOBSET_ENV_PORT: String((nextPort += 10)) };
      // Released; the workers stay busy a while, the coordinator (pod 0) ends at once.
      const busy = `import jobset_env, time; jobset_env.wait_for_peers("${pattern}", deadline_s=30); print("released", flush=True); time.sleep(4)`;
      const brief = `import jobset_env; jobset_env.wait_for_peers("${pattern}", deadline_s=30); print("released", flush=True)`;
      const first = [0, 1, 2, 3].map((b) =>
        runPod(dir, gang, 'train', 0, b, b === 0 ? brief : busy, env),
      );
      expect((await first[0]!).code).toBe(0);
      // Pod 0 restarts after the release: it finds its peers released and goes at once.
      const again = await runPod(
        dir,
        gang,
        'train',
        0,
        0,
        `import jobset_env; jobset_env.wait_for_peers("${pattern}", deadline_s=30); print("released again")`,
        env,
      );
      const runs = await Promise.all(first);
      for (const r of runs) expect(r.stdout.trim()).toBe('released');
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe('released again');
      // Released at once, not at its 30 s deadline: while the workers were still busy.
      expect(again.ms).toBeLessThan(4000);
    });
  }

  it('is a start barrier: a second call says so', async () => {
    const dir = write(inputOf(gang, { synchronous: ['train'] }));
    const r = await runPod(
      dir,
      gang,
      'train',
      0,
      1,
      'import jobset_env\njobset_env._WAITING_SINCE[0] = 1.0\ntry:\n    jobset_env.wait_for_peers()\nexcept RuntimeError as e:\n    print(e)',
    );
    expect(r.stdout.trim()).toBe('wait_for_peers is a start barrier: call it once per pod');
  });

  for (const pattern of ['coordinator', 'decentralized'] as const) {
    it(`${pattern}: a silent stranger on a pod's port holds nobody up`, async () => {
      const dir = write(inputOf(gang, { synchronous: ['train'] }));
      const port = (nextPort += 10);
      const env = { JOBSET_ENV_HOST: '127.0.0.1', JOBSET_ENV_PORT: String(port) };
      const code = `import jobset_env; jobset_env.wait_for_peers("${pattern}", deadline_s=20); print("released")`;
      // The first pod listens; a connection that never says who it is comes before the others.
      const first = runPod(dir, gang, 'train', 0, 0, code, env);
      const { connect } = await import('node:net');
      await new Promise((r) => setTimeout(r, 400));
      const stranger = connect(port, '127.0.0.1');
      stranger.on('error', () => {});
      await new Promise((r) => setTimeout(r, 100));
      const pods = [first, ...[1, 2, 3].map((b) => runPod(dir, gang, 'train', 0, b, code, env))];
      const runs = await Promise.all(pods);
      stranger.destroy();
      for (const r of runs) {
        expect(r.code).toBe(0);
        expect(r.stdout.trim()).toBe('released');
      }
    });

    it(`${pattern}: four pods on 127.0.0.1 are all released within the deadline`, async () => {
      const dir = write(inputOf(gang, { synchronous: ['train'] }));
      const env = { JOBSET_ENV_HOST: '127.0.0.1', JOBSET_ENV_PORT: String((nextPort += 10)) };
      const code = `import jobset_env; jobset_env.wait_for_peers("${pattern}", deadline_s=20); print("released")`;
      // The coordinator starts last: workers wait for it rather than fail.
      const runs = await Promise.all(
        [3, 2, 1, 0].map(async (b, i) => {
          await new Promise((r) => setTimeout(r, i * 150));
          return runPod(dir, gang, 'train', 0, b, code, env);
        }),
      );
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.trim()).toBe('released');
        expect(r.ms).toBeLessThan(20_000);
      }
    });

    it(`${pattern}: with one worker missing, every pod exits non-zero at the deadline`, async () => {
      const dir = write(inputOf(gang, { synchronous: ['train'] }));
      const env = { JOBSET_ENV_HOST: '127.0.0.1', JOBSET_ENV_PORT: String((nextPort += 10)) };
      const deadline = 2;
      const code = `import jobset_env; jobset_env.wait_for_peers("${pattern}", deadline_s=${deadline}); print("released")`;
      const runs = await Promise.all(
        [0, 1, 2].map((b) => runPod(dir, gang, 'train', 0, b, code, env)),
      );
      for (const r of runs) {
        expect(r.code).not.toBe(0);
        expect(r.stdout).not.toContain('released');
        expect(r.stderr).toContain('exiting rather than holding resources idle');
        expect(r.ms).toBeGreaterThanOrEqual(deadline * 1000 - 100);
      }
    });
  }
});
