// `jobset-designer rehearse`, run for real: every pod a python3 process on 127.0.0.1, started
// on the designer's schedule, with faults on purpose (staggered starts, a late coordinator, a
// peer killed before or at its start). The tests read the rehearsal record and the pods' logs
// and assert exit codes, order and coverage; the only times they compare are a pod's own end
// against its own deadline. Without python3 they say so and are skipped.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../fixtures/read.ts';
import { JOBSET_TEMPLATE_IDS as TEMPLATE_IDS } from '../templates/catalog.ts';
import { analyze } from '../core/analyze.ts';
import { podProgram, programInput } from '../core/program/python.ts';
import type { PodOutcome, RehearsalRecord } from '../core/record/record.ts';
import { readRecord } from '../core/record/read.ts';
import type { DesignSettings } from '../core/settings.ts';
import { sweepPoint, type Sweep } from '../core/sweep/sweep.ts';
import { encodeDesign } from '../core/link/codec.ts';
import { buildCli } from '../tools/build-cli.mjs';
import { rehearse as rehearseDesign } from './rehearse.ts';
import { runCli } from './run.ts';

const PYTHON = spawnSync('python3', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'jobset-rehearse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(work, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
};

async function linkOf(text: string, settings: DesignSettings): Promise<string> {
  return `#${(await encodeDesign({ text, settings }))!}`;
}

interface Rehearsed {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly record: RehearsalRecord;
  readonly out: string;
  readonly log: (pod: string) => string;
  readonly pod: (name: string) => PodOutcome;
}

// Each rehearsal its own ports, in 25000-31999 (the pod program's tests take 20000-24999): below
// Linux's outgoing ports, and never shared by two rehearsals running at once.
let nextPort = 25000 + Math.floor(Math.random() * 200) * 16;
const port = () => {
  if (nextPort > 31700) nextPort = 25000;
  return String((nextPort += 16));
};

async function rehearse(input: string, args: string[], stdin = ''): Promise<Rehearsed> {
  const out = fresh();
  const r = await runCli(
    ['rehearse', input, '--out', out, '--timeout', '60', '--port', port(), ...args],
    stdin,
  );
  const record = JSON.parse(readFileSync(join(out, 'rehearsal.json'), 'utf8')) as RehearsalRecord;
  // The designer reads every record a rehearsal writes, as written.
  expect(readRecord(record)).toEqual({ ok: true, record });
  return {
    ...r,
    record,
    out,
    log: (pod) => readFileSync(join(out, 'pods', `${pod}.log`), 'utf8'),
    pod: (name) => record.pods.find((p) => p.name === name)!,
  };
}

/** Most pods of one Job running at once, from their actual spans. */
function maxOverlap(pods: readonly PodOutcome[]): number {
  const edges = pods.flatMap((p) => [
    { t: p.actual!.start, d: 1 },
    { t: p.actual!.end!, d: -1 },
  ]);
  // An end before a start at the same instant: a place freed is taken again.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (now += e.d));
  return most;
}

/** Two Jobs of four pods each, all at once: the synchronous group of the barrier tests. */
const gang = withTypes(
  '    train:\n      count: 2\n      completions: 4\n      parallelisms: 4\n      resources: { cpus: 1, ramRatio: 2 }\n',
);
const gangPods = [0, 1].flatMap((a) => [0, 1, 2, 3].map((b) => `train-${a}-${b}`));

/** A program folder: the generated jobset_env.py and a main.py of the test's own. */
function programDir(text: string, settings: DesignSettings, main: string): string {
  const dir = fresh();
  const a = analyze(text, settings);
  const env = podProgram(programInput(a.expansion!, settings, null, null)).files[0];
  writeFileSync(join(dir, env.path), env.text);
  writeFileSync(join(dir, 'main.py'), main);
  return dir;
}

/** Each pod says when (its own clock) it was up and when it was released. */
const barrierMain = (pattern: string) => `import jobset_env, time
me = jobset_env.whoami()
print("%s: up at %.6f" % (me["pod"], time.time()), flush=True)
jobset_env.wait_for_peers("${pattern}")
print("%s: released at %.6f" % (me["pod"], time.time()), flush=True)
`;

/** The time a pod's log says it was `what` ("up", "released"). */
function at(log: string, what: string): number {
  const m = new RegExp(`: ${what} at ([0-9.]+)`).exec(log);
  expect(m, log).not.toBeNull();
  return Number(m![1]);
}

/** How long a pod that gave up says it waited: "(waited 3.0 s)". */
function waited(log: string): number {
  const m = /\(waited ([0-9.]+) s\)/.exec(log);
  expect(m, log).not.toBeNull();
  return Number(m![1]);
}

describe.skipIf(!PYTHON)('rehearse (python3 found)', () => {
  it.concurrent.each(TEMPLATE_IDS)(
    'runs every pod of the platform example %s with the generated program',
    async (id) => {
      const text = readFixture(id);
      const expected = analyze(text).expansion!.totals.pods!;
      const r = await rehearse('-', ['--seconds-per-hour', '0.05'], text);
      expect(r.stderr).toContain('rehearsal record in');
      expect(r.code).toBe(0);
      expect(r.record.outcome).toBe('succeeded');
      expect(r.record.pods).toHaveLength(expected);
      for (const p of r.record.pods) {
        expect(p.status, p.name).toBe('succeeded');
        // The generated program ran as this pod, with this pod's six variables.
        expect(r.log(p.name)).toContain(`${p.name}: up`);
      }
      // Each Job runs at most parallelisms pods at once, its indexes in order.
      const a = analyze(text).expansion!;
      for (const g of a.groups) {
        for (let j = 0; j < g.count!; j++) {
          const job = r.record.pods.filter((p) => p.group === g.name && p.jobIndex === j);
          expect(maxOverlap(job)).toBeLessThanOrEqual(g.effectiveParallelism!);
          const starts = job.map((p) => p.actual!.start);
          expect(starts).toEqual([...starts].sort((x, y) => x - y));
        }
      }
      // All Jobs start together: every first pod starts before any pod ends.
      const firstEnd = Math.min(...r.record.pods.map((p) => p.actual!.end!));
      for (const p of r.record.pods.filter((p) => p.podIndex === 0)) {
        expect(p.actual!.start).toBeLessThanOrEqual(firstEnd);
      }
      expect(r.stdout).toContain(`Rehearsal succeeded: ${expected} of ${expected} pods succeeded`);
    },
    60_000,
  );

  const settings: DesignSettings = { synchronous: ['train'] };
  for (const pattern of ['coordinator', 'decentralized']) {
    it.concurrent.each([0, 2, 5])(
      `${pattern}: 8 pods started up to %s s apart are all released`,
      async (stagger) => {
        const dir = programDir(gang, settings, barrierMain(pattern));
        const r = await rehearse(await linkOf(gang, settings), [
          '--program',
          dir,
          '--stagger',
          String(stagger),
          '--seed',
          '7',
          '--deadline',
          '60',
        ]);
        expect(r.record.pods.map((p) => p.name).sort()).toEqual([...gangPods].sort());
        for (const name of gangPods) {
          expect(r.pod(name).exitCode, r.log(name)).toBe(0);
          expect(r.log(name)).toContain(`${name}: released`);
        }
        expect(r.code).toBe(0);
        // Nobody was released before the last pod was up (the pods' own clocks).
        const lastUp = Math.max(...gangPods.map((n) => at(r.log(n), 'up')));
        for (const n of gangPods) expect(at(r.log(n), 'released')).toBeGreaterThanOrEqual(lastUp);
        // The stagger really staggered: seeded delays, spread over the range asked for.
        const delays = r.record.pods.map((p) => p.delay);
        if (stagger > 0) expect(Math.max(...delays)).toBeGreaterThan(stagger / 2);
        expect(Math.max(...delays)).toBeLessThanOrEqual(stagger);
      },
      60_000,
    );

    it.concurrent(
      `${pattern}: with a peer missing, every other pod exits 3 at its deadline, none before`,
      async () => {
        const deadline = 3;
        const dir = programDir(gang, settings, barrierMain(pattern));
        const r = await rehearse(await linkOf(gang, settings), [
          '--program',
          dir,
          '--kill',
          'train-1-3@0',
          '--deadline',
          String(deadline),
        ]);
        expect(r.code).toBe(1);
        expect(r.pod('train-1-3').signal).toBe('SIGKILL');
        for (const name of gangPods.filter((x) => x !== 'train-1-3')) {
          const p = r.pod(name);
          const log = r.log(name);
          expect(p.exitCode, log).toBe(3);
          expect(log).not.toContain('released');
          // At its deadline, not before (as the pod itself measured its wait).
          expect(waited(log), name).toBeGreaterThanOrEqual(deadline);
          expect(waited(log), name).toBeLessThan(deadline + 1);
        }
        // Who it never heard from, named: the coordinator (or every pod, decentralized).
        expect(r.log('train-0-0')).toContain('never heard from train-1-3');
        expect(r.stdout).toContain('FAILED train-0-1: exit code 3');
        // The record keeps each pod's last lines: why it gave up.
        expect(r.pod('train-0-1').tail.join('\n')).toContain('exiting rather than holding');
      },
      60_000,
    );
  }

  for (const pattern of ['coordinator', 'decentralized']) {
    it.concurrent(
      `${pattern}: a peer that died after saying hello, before the release, holds everyone back`,
      async () => {
        const deadline = 8;
        const dir = programDir(gang, settings, barrierMain(pattern));
        const r = await rehearse(await linkOf(gang, settings), [
          '--program',
          dir,
          '--delay',
          'train-1-3=4',
          '--kill',
          'train-0-2@2',
          '--deadline',
          String(deadline),
        ]);
        // train-0-2 was up (it said so), and died before train-1-3 came.
        expect(r.log('train-0-2')).toContain('train-0-2: up');
        expect(r.pod('train-0-2').signal).toBe('SIGKILL');
        expect(r.pod('train-1-3').actual!.start).toBeGreaterThan(r.pod('train-0-2').actual!.end!);
        for (const name of gangPods.filter((x) => x !== 'train-0-2')) {
          expect(r.pod(name).exitCode, r.log(name)).toBe(3);
          expect(r.log(name)).not.toContain('released');
        }
        // The first pod to notice says who left: train-0-2, and nobody else before it.
        const noticed = gangPods
          .map((n) => /jobset_env: (\S+(?:, \S+)*) left before the release/.exec(r.log(n))?.[1])
          .filter(Boolean);
        expect(noticed.length).toBeGreaterThan(0);
        for (const who of noticed) expect(who!.split(', ')[0]).toBe('train-0-2');
        expect(r.code).toBe(1);
      },
      60_000,
    );
  }

  it('coordinator started last: every worker waits for it, and all are released', async () => {
    const r = await rehearse(await linkOf(gang, settings), [
      '--delay',
      'train-0-0=2',
      '--seconds-per-hour',
      '0.1',
      '--deadline',
      '60',
    ]);
    expect(r.code).toBe(0);
    const starts = r.record.pods.map((p) => p.actual!.start);
    expect(r.pod('train-0-0').actual!.start).toBe(Math.max(...starts));
    for (const name of gangPods) expect(r.log(name)).toContain(`${name}: all peers up`);
  }, 60_000);

  it('a sweep: every pod reads its own point, and shard covers every item exactly once', async () => {
    const sweep: Sweep = {
      index: 'JOB_INDEX',
      axes: [
        { name: 'lr', values: { kind: 'list', values: [0.1, 0.01] } },
        { name: 'batch', values: { kind: 'list', values: [32, 64, 128] } },
      ],
    };
    const text = withTypes(
      '    trial:\n      count: 6\n      completions: 2\n      parallelisms: 2\n      resources: { cpus: 1, ramRatio: 2 }\n',
    );
    const s: DesignSettings = { sweeps: { trial: sweep } };
    const main = `import json, jobset_env
me = jobset_env.whoami()
print(json.dumps({"job": me["job_index"], "params": jobset_env.params(),
                  "shard": list(jobset_env.shard(100)), "in_job": list(jobset_env.shard_in_job(10))}))
`;
    const r = await rehearse(await linkOf(text, s), ['--program', programDir(text, s, main)]);
    expect(r.code).toBe(0);
    expect(r.record.pods).toHaveLength(12);
    const outs = r.record.pods.map(
      (p) =>
        JSON.parse(r.log(p.name)) as {
          job: number;
          params: unknown;
          shard: number[];
          in_job: number[];
        },
    );
    for (const o of outs) expect(o.params).toEqual(sweepPoint(sweep, o.job));
    const all = outs.flatMap((o) => o.shard).sort((a, b) => a - b);
    expect(all).toEqual([...Array(100).keys()]);
    for (let j = 0; j < 6; j++) {
      const job = outs.filter((o) => o.job === j).flatMap((o) => o.in_job);
      expect(job.sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    }
  }, 60_000);

  it('on the design\u2019s cluster: 16 trials on 4 GPUs run 4 at a time, in trial order', async () => {
    const text = readFixture('hyperparameter-sweep');
    const s: DesignSettings = { capacity: { gpus: { 'NVIDIA-A100-SXM4-80GB': 4 } } };
    const r = await rehearse(await linkOf(text, s), ['--seconds-per-hour', '0.2']);
    expect(r.code).toBe(0);
    expect(r.record.options.capacity).toBe(true);
    expect(r.record.planned.makespan).toBeCloseTo(0.8);
    expect(maxOverlap(r.record.pods)).toBe(4);
    const starts = r.record.pods.map((p) => p.actual!.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  }, 60_000);
});

describe.skipIf(!PYTHON)('rehearse keeps to the schedule (python3 found)', () => {
  it('places pods that end together as one, as the simulation does: the 8-CPU pod before the 1-CPU one', async () => {
    // 8 free CPUs. gb's two 4-CPU pods fill them; when both end, gc (8 CPUs, first in order)
    // must start before gd (1 CPU), although gd would fit beside one pod of gb.
    const text = withTypes(
      '    gb:\n      count: 1\n      completions: 2\n      parallelisms: 2\n      resources: { cpus: 4, ramRatio: 1 }\n' +
        '    gc:\n      count: 1\n      resources: { cpus: 8, ramRatio: 1 }\n' +
        '    gd:\n      count: 1\n      resources: { cpus: 1, ramRatio: 1 }\n',
    );
    const s: DesignSettings = { capacity: { cpus: 8 }, durations: { gb: 0.5, gc: 0.5, gd: 0.5 } };
    const r = await rehearse(await linkOf(text, s), ['--seconds-per-hour', '2']);
    expect(r.code).toBe(0);
    expect(r.pod('gc-0-0').planned!.start).toBe(1);
    expect(r.pod('gd-0-0').planned!.start).toBe(2);
    // The order the simulation plans, whatever the milliseconds between gb's two ends.
    expect(r.pod('gc-0-0').actual!.start).toBeGreaterThanOrEqual(
      Math.max(r.pod('gb-0-0').actual!.end!, r.pod('gb-0-1').actual!.end!),
    );
    expect(r.pod('gd-0-0').actual!.start).toBeGreaterThanOrEqual(r.pod('gc-0-0').actual!.end!);
  }, 60_000);
});

describe('rehearse refuses what it cannot run', () => {
  it('a design of 300 pods, with how to shrink it (exit 2, nothing started)', async () => {
    const out = fresh();
    const text = withTypes('    worker:\n      count: 30\n      completions: 10\n');
    const r = await runCli(['rehearse', '-', '--out', out, '--command', 'true'], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the design has 300 pods; a rehearsal starts at most 256 processes');
    expect(r.stderr).toContain('lower "worker"\'s count (30)');
    expect(readdirSync(out)).toEqual([]);
  });

  it('an invalid manifest, a pod that does not exist, and bad options (exit 2)', async () => {
    const bad = await runCli(
      ['rehearse', '-', '--command', 'true'],
      withTypes('    w:\n      count: -1\n'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid, not rehearsed');
    const text = withTypes('    w:\n      count: 2\n');
    const ghost = await runCli(['rehearse', '-', '--command', 'true', '--kill', 'x-0-0@1'], text);
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toContain('no pod named "x-0-0"');
    const opt = await runCli(['rehearse', '-', '--delay', 'w-0-0'], text);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('--delay is POD=SECONDS');
  });

  it('shows one progress line on a terminal, and clears it at the end', async () => {
    const text = withTypes('    w:\n      count: 2\n      completions: 2\n');
    const design = { name: '<stdin>', file: null, text, settings: {} };
    const err = Object.assign(new PassThrough(), { isTTY: true });
    let said = '';
    err.on('data', (c: Buffer) => (said += c.toString()));
    const code = await rehearseDesign(
      design,
      analyze(text),
      {
        programDir: null,
        command: 'sleep 0.4',
        secondsPerHour: 1,
        stagger: 0,
        delays: new Map(),
        kills: new Map(),
        seed: 1,
        out: fresh(),
        maxPods: 256,
        deadline: null,
        timeout: null,
        port: Number(port()),
      },
      { stdout: new PassThrough(), stderr: err, dir: work },
    );
    expect(code).toBe(0);
    // Each Job runs one pod at a time: two running, two waiting, then two done. (ESC [K clears
    // the line; it is spelt out so that the patterns hold no control character.)
    said = said.split(String.fromCharCode(27)).join('ESC');
    expect(said).toMatch(/\rESC\[Krehearsal [0-9.]+s: 0 done, 2 running, 2 waiting, 0 failed/);
    expect(said).toMatch(/\rESC\[Krehearsal [0-9.]+s: 2 done, 2 running, 0 waiting, 0 failed/);
    // The line is cleared before the record is named.
    expect(said).toMatch(/\rESC\[K<stdin>: rehearsal record in /);
  });

  it('leaves a paused group out: its pods never run, and that is no failure', async () => {
    const out = fresh();
    const text = withTypes(
      '    a:\n      count: 1\n    b:\n      count: 1\n      parallelisms: 0\n',
    );
    const r = await runCli(['rehearse', '-', '--out', out, '--command', 'true'], text);
    expect(r.code).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'rehearsal.json'), 'utf8')) as RehearsalRecord;
    expect(record.outcome).toBe('succeeded');
    expect(record.pods.map((p) => p.name)).toEqual(['a-0-0']);
  });

  it('does not wait for a process that left a pod but holds its output', async () => {
    const marker = `${process.pid}${n}`;
    const out = fresh();
    const text = withTypes('    w:\n      count: 1\n');
    try {
      const r = await runCli(
        [
          'rehearse',
          '-',
          '--out',
          out,
          '--timeout',
          '20',
          '--command',
          `setsid sleep 30.${marker} & sleep 0.2; echo hi`,
        ],
        text,
      );
      // It ends with the pod, not when the stray process ends or the timeout comes.
      expect(r.code).toBe(0);
      const record = JSON.parse(
        readFileSync(join(out, 'rehearsal.json'), 'utf8'),
      ) as RehearsalRecord;
      expect(record.outcome).toBe('succeeded');
      expect(record.pods[0]!.tail).toEqual(['hi']);
    } finally {
      for (const p of await processesWithNow(`sleep 30.${marker}`)) {
        process.kill(Number(p.split(':')[0]), 'SIGKILL');
      }
    }
  });

  it('stops every pod at --timeout and still writes the record (exit 1)', async () => {
    const marker = `${process.pid}${n}`;
    const out = fresh();
    const text = withTypes('    w:\n      count: 3\n');
    const r = await runCli(
      ['rehearse', '-', '--out', out, '--timeout', '1', '--command', `sleep 30.${marker}`],
      text,
    );
    expect(r.code).toBe(1);
    const record = JSON.parse(readFileSync(join(out, 'rehearsal.json'), 'utf8')) as RehearsalRecord;
    expect(record.outcome).toBe('timed-out');
    expect(record.pods.map((p) => p.status)).toEqual(['failed', 'failed', 'failed']);
    expect(await processesWith(`sleep 30.${marker}`)).toEqual([]);
  });
});

/** Live processes whose command line starts with `text`, after up to 3 s for the last to go. */
async function processesWith(text: string): Promise<string[]> {
  let found = await processesWithNow(text);
  for (let i = 0; i < 30 && found.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    found = await processesWithNow(text);
  }
  return found;
}

describe('rehearse as a real process, stopped with Ctrl+C', () => {
  let BIN = '';
  const out = mkdtempSync(join(tmpdir(), 'jobset-rehearse-cli-'));
  beforeAll(async () => {
    BIN = await buildCli(out);
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('ends every pod it started, writes the record, and exits 130', async () => {
    const marker = `${process.pid}${Date.now() % 100000}`;
    const dir = fresh();
    const file = join(dir, 'manifest.yaml');
    writeFileSync(file, withTypes('    w:\n      count: 4\n'));
    const child = spawn(
      'node',
      [BIN, 'rehearse', file, '--out', join(dir, 'run'), '--command', `sleep 40.${marker}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      // Wait until all four pods run, then press Ctrl+C.
      for (let i = 0; i < 100; i++) {
        const running = await processesWithNow(`sleep 40.${marker}`);
        if (running.length === 4) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await processesWithNow(`sleep 40.${marker}`)).toHaveLength(4);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      const record = JSON.parse(
        readFileSync(join(dir, 'run', 'rehearsal.json'), 'utf8'),
      ) as RehearsalRecord;
      expect(record.outcome).toBe('interrupted');
      expect(
        record.pods.every((p) => p.status === 'failed' && p.reason === 'stopped (Ctrl+C)'),
      ).toBe(true);
      expect(await processesWith(`sleep 40.${marker}`)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      for (const p of await processesWithNow(`sleep 40.${marker}`)) {
        process.kill(Number(p.split(':')[0]), 'SIGKILL');
      }
    }
  }, 60_000);
});

/** Live processes whose command line starts with `text`, now (not the shells that started them). */
async function processesWithNow(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmd.startsWith(text) && state !== 'Z') found.push(`${pid}: ${cmd}`);
    } catch {
      // Gone while reading.
    }
  }
  return found;
}
