/**
 * `jobset-designer rehearse`: every pod of a design as a real local process, started when the
 * designer's schedule says (the core's dispatch: all Jobs together, `parallelisms` pods of a Job
 * at once, the cluster's free capacity when the design sets one), with its six variables, the
 * loopback address and a port each. Faults on demand (staggered starts, delays, kills); each
 * pod's output in `<out>/pods/<pod>.log`; the record in `<out>/rehearsal.json`; planned against
 * actual on stdout. Every process it starts is in a process group of its own, ended when its pod
 * ends, when the rehearsal is stopped (Ctrl+C) or times out, and when this process exits.
 */
import { terminalText } from '../core/safe.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  commandScript,
  dispatchState,
  ended,
  groupOutcomes,
  notStarted,
  podProgram,
  programInput,
  RECORD_FORMAT,
  RECORD_VERSION,
  rehearsalPlan,
  reportLines,
  startNow,
  type Analysis,
  type Outcome,
  type PodOutcome,
  type RehearsalPlan,
} from '../core/index.ts';
import { encodeDesign } from '../core/link/codec.ts';
import type { Design } from './inputs.ts';

export interface RehearseOptions {
  /** A folder holding the program (`--program`), or a shell command (`--command`); else generated. */
  readonly programDir: string | null;
  readonly command: string | null;
  readonly secondsPerHour: number;
  readonly stagger: number;
  readonly delays: ReadonlyMap<string, number>;
  readonly kills: ReadonlyMap<string, number>;
  readonly seed: number;
  readonly out: string;
  readonly maxPods: number;
  /** Seconds a pod waits for its peers (JOBSET_ENV_DEADLINE_S); null: the program's own. */
  readonly deadline: number | null;
  /** Seconds the whole rehearsal may take; null: no limit. */
  readonly timeout: number | null;
  readonly port: number | null;
}

export interface RehearseIo {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  /** Where relative paths start, and where `--command` runs. */
  readonly dir: string;
  /** Stops the rehearsal (a test's Ctrl+C); without it, SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
}

/** Seconds a stopped pod gets between SIGTERM and SIGKILL. */
const GRACE_S = 2;
/**
 * Pods that end within this many milliseconds of each other free their places together before
 * the next pods are placed, as the simulation frees every pod ending at one instant first: pods
 * of one batch end a few milliseconds apart, and one at a time would let a later group's
 * smaller pod take room first.
 */
const SETTLE_MS = 50;
/** Milliseconds a pod's output pipes may stay open after its process ended (a grandchild holding them). */
const PIPE_GRACE_MS = 1000;
/** The last lines of a pod's log kept in the record, each cut to a length a page shows. */
const TAIL_LINES = 5;
const TAIL_CHARS = 200;

function tailOf(log: string): string[] {
  return log
    .trimEnd()
    .split(/\r?\n/)
    .slice(-TAIL_LINES)
    .filter((l) => l.trim() !== '')
    .map((l) => (l.length > TAIL_CHARS ? `${l.slice(0, TAIL_CHARS - 3)}...` : l));
}

export async function rehearse(
  design: Design,
  analysis: Analysis,
  o: RehearseOptions,
  io: RehearseIo,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`${terminalText(`jobset-designer: ${message}`)}\n`);
    return 2;
  };
  for (const f of analysis.findings.filter((x) => x.code === 'sweep-does-not-fit')) {
    io.stderr.write(`${terminalText(`${design.name}: warning: ${f.message}`)}\n`);
  }
  const planned = rehearsalPlan(analysis, design.settings, o.secondsPerHour, o.maxPods);
  if (!planned.ok) return fail(`cannot rehearse ${design.name}: ${planned.reason}`);
  const plan = planned.plan;
  const names = new Set(plan.pods.map((p) => p.name));
  for (const pod of [...o.delays.keys(), ...o.kills.keys()]) {
    if (!names.has(pod)) {
      const some = plan.pods.slice(0, 4).map((p) => p.name);
      return fail(`no pod named "${pod}" in ${design.name} (pods: ${some.join(', ')}, ...)`);
    }
  }
  if (o.port !== null && o.port + plan.pods.length - 1 > 65_535) {
    return fail(
      `--port ${o.port} leaves no room for ${plan.pods.length} ports (the last is 65535)`,
    );
  }
  const out = resolve(io.dir, o.out);
  const launch = await programLauncher(design, analysis, o, io.dir, out);
  if (typeof launch === 'string') return fail(launch);
  let basePort: number;
  try {
    basePort = o.port ?? (await freePorts(plan.pods.length));
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  await mkdir(join(out, 'pods'), { recursive: true });
  const link = await encodeDesign({ text: design.text, settings: design.settings });
  const startedAt = new Date().toISOString();
  const run = await runPods(plan, o, io, launch, out, basePort);
  const pods = await Promise.all(
    run.pods.map(async (p) => ({
      ...p,
      tail: tailOf(await readFile(join(out, p.log), 'utf8').catch(() => '')),
    })),
  );
  const ends = pods.map((p) => p.actual?.end ?? null);
  const record = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    design: { name: analysis.view?.name || null, link, pods: pods.length },
    options: {
      program: o.command !== null ? 'command' : o.programDir !== null ? 'folder' : 'generated',
      secondsPerHour: o.secondsPerHour,
      stagger: o.stagger,
      seed: o.seed,
      deadline: o.deadline,
      timeout: o.timeout,
      basePort,
      capacity: plan.capacity !== null,
    },
    startedAt,
    outcome: run.outcome,
    planned: { makespan: plan.makespan },
    actual: {
      makespan:
        run.outcome === 'succeeded' || run.outcome === 'failed'
          ? ends.every((e) => e !== null)
            ? Math.max(0, ...(ends as number[]))
            : null
          : null,
    },
    groups: groupOutcomes(pods),
    pods,
  } as const;
  await writeFile(join(out, 'rehearsal.json'), JSON.stringify(record, null, 2) + '\n');
  io.stdout.write(reportLines(record).map(terminalText).join('\n') + '\n');
  io.stderr.write(
    `${terminalText(`${design.name}: rehearsal record in ${join(out, 'rehearsal.json')}`)}\n`,
  );
  switch (run.outcome) {
    case 'succeeded':
      return 0;
    case 'failed':
    case 'timed-out':
      return 1;
    case 'interrupted':
      return 130;
  }
}

/** How one pod's process is started: the command and arguments, and where. */
interface Launcher {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

async function programLauncher(
  design: Design,
  analysis: Analysis,
  o: RehearseOptions,
  cwd: string,
  out: string,
): Promise<Launcher | string> {
  if (o.command !== null) return { file: '/bin/sh', args: ['-c', o.command], cwd };
  const python = process.env.PYTHON || 'python3';
  if (spawnSync(python, ['--version'], { stdio: 'ignore' }).status !== 0) {
    return `${python} was not found: the pod program needs Python 3 (set PYTHON to its path), or give --command`;
  }
  const script = commandScript(analysis.view?.command ?? null);
  if (o.programDir !== null) {
    const dir = resolve(cwd, o.programDir);
    const main = [script.path, 'main.py'].find((f) => existsSync(join(dir, f)));
    if (!main) return `${o.programDir} holds neither ${script.path} nor main.py`;
    return { file: python, args: [main], cwd: dir };
  }
  // The generated program, with each group's work played by a sleep of its pod duration.
  const input = programInput(
    analysis.expansion!,
    design.settings,
    analysis.view?.name ?? null,
    analysis.view?.command ?? null,
  );
  const program = podProgram({ ...input, rehearsal: true });
  const dir = join(out, 'program');
  for (const f of program.files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.text);
  }
  return { file: python, args: [program.files[1].path], cwd: dir };
}

interface Live {
  child: ChildProcess | null;
  timer: NodeJS.Timeout | null;
  killTimer: NodeJS.Timeout | null;
  start: number | null;
  end: number | null;
  firstOutput: number | null;
  exitCode: number | null;
  signal: string | null;
  reason: string | null;
  closed: Promise<void> | null;
}

async function runPods(
  plan: RehearsalPlan,
  o: RehearseOptions,
  io: RehearseIo,
  launcher: Launcher,
  out: string,
  basePort: number,
): Promise<{ outcome: Outcome; pods: Omit<PodOutcome, 'tail'>[] }> {
  const t0 = performance.now();
  const now = () => Math.round(performance.now() - t0) / 1000;
  const state = dispatchState(plan);
  const live: Live[] = plan.pods.map(() => ({
    child: null,
    timer: null,
    killTimer: null,
    start: null,
    end: null,
    firstOutput: null,
    exitCode: null,
    signal: null,
    reason: null,
    closed: null,
  }));
  const delayOf = (name: string) => o.delays.get(name) ?? o.stagger * unitRandom(o.seed, name);
  let stopping: Outcome | null = null;
  let active = 0; // pods placed and not yet ended (waiting for their delay, or running)
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));

  const killGroup = (l: Live, sig: NodeJS.Signals) => {
    const pid = l.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => live.forEach((l) => l.end === null && killGroup(l, 'SIGKILL'));
  process.on('exit', onExit);

  let settling: NodeJS.Timeout | null = null;
  const done = (i: number) => {
    active--;
    ended(state, i);
    settling ??= setTimeout(() => {
      settling = null;
      pump();
    }, SETTLE_MS);
  };
  const start = (i: number) => {
    const l = live[i]!;
    l.timer = null;
    const pod = plan.pods[i]!;
    const log: WriteStream = createWriteStream(join(out, 'pods', `${pod.name}.log`));
    const child = spawn(launcher.file, launcher.args, {
      cwd: launcher.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...pod.env,
        JOBSET_ENV_HOST: '127.0.0.1',
        JOBSET_ENV_PORT: String(basePort),
        JOBSET_ENV_POD_PORT: String(basePort + pod.ordinal),
        JOBSET_NAME: 'rehearsal',
        JOBSET_REHEARSAL_WORK_S: String(pod.workSeconds),
        PYTHONUNBUFFERED: '1',
        ...(o.deadline !== null && { JOBSET_ENV_DEADLINE_S: String(o.deadline) }),
      },
    });
    l.child = child;
    l.start = now();
    const first = () => (l.firstOutput ??= now());
    let open = 2;
    const closeLog = () => {
      if (--open === 0) log.end();
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.once('data', first);
      stream.on('end', closeLog);
      stream.pipe(log, { end: false });
    }
    l.closed = new Promise((r) => {
      log.on('close', () => r());
      log.on('error', () => r());
    });
    // A process that left the pod's group but holds its pipes must not hold the rehearsal.
    const release = () =>
      setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
        if (!log.writableEnded) log.end();
      }, PIPE_GRACE_MS).unref();
    const kill = o.kills.get(pod.name);
    if (kill !== undefined) {
      l.killTimer = setTimeout(() => {
        l.reason = `killed ${kill}s after its start (--kill)`;
        killGroup(l, 'SIGKILL');
      }, kill * 1000);
    }
    let over = false;
    const exit = (code: number | null, signal: string | null, error?: Error) => {
      if (over) return;
      over = true;
      if (l.killTimer) clearTimeout(l.killTimer);
      l.end = now();
      l.exitCode = code;
      l.signal = signal;
      if (error) {
        l.reason = `could not start: ${error.message}`;
        log.end();
      } else if (code !== 0) l.reason ??= signal ? `ended by ${signal}` : `exit code ${code}`;
      // A pod's end ends everything it started, as a container's does.
      killGroup(l, 'SIGKILL');
      release();
      done(i);
    };
    child.on('exit', (code, signal) => exit(code, signal));
    child.on('error', (err) => exit(null, null, err));
  };
  const pump = () => {
    if (!stopping) {
      for (const i of startNow(state)) {
        active++;
        live[i]!.timer = setTimeout(() => start(i), delayOf(plan.pods[i]!.name) * 1000);
      }
    }
    check();
  };
  const check = () => {
    progress();
    if (active === 0) finish();
  };
  const counts = () => {
    let running = 0;
    let doneN = 0;
    let failed = 0;
    for (const l of live) {
      if (l.start !== null && l.end === null) running++;
      if (l.end !== null && l.exitCode === 0) doneN++;
      else if (l.end !== null) failed++;
    }
    return { running, done: doneN, failed, waiting: plan.pods.length - running - doneN - failed };
  };
  let lastProgress = '';
  const progress = () => {
    if (!io.stderr.isTTY) return;
    const c = counts();
    const line = `rehearsal ${now().toFixed(1)}s: ${c.done} done, ${c.running} running, ${c.waiting} waiting, ${c.failed} failed`;
    if (line !== lastProgress) io.stderr.write(`\r\x1b[K${line}`);
    lastProgress = line;
  };
  const ticker = io.stderr.isTTY ? setInterval(progress, 250) : null;

  const stop = (why: Outcome) => {
    if (stopping) return;
    stopping = why;
    for (const [i, l] of live.entries()) {
      if (l.timer) {
        clearTimeout(l.timer);
        l.timer = null;
        active--;
        ended(state, i);
      }
      if (l.child && l.end === null) {
        l.reason ??=
          why === 'timed-out' ? 'stopped at the rehearsal\u2019s --timeout' : 'stopped (Ctrl+C)';
        killGroup(l, 'SIGTERM');
      }
    }
    setTimeout(
      () => live.forEach((l) => l.end === null && killGroup(l, 'SIGKILL')),
      GRACE_S * 1000,
    ).unref();
    check();
  };
  const timeout = o.timeout !== null ? setTimeout(() => stop('timed-out'), o.timeout * 1000) : null;
  const signals = interruptions(io.signal, () => stop('interrupted'));

  pump();
  await finished;
  await Promise.all(live.map((l) => l.closed));
  if (timeout) clearTimeout(timeout);
  if (ticker) clearInterval(ticker);
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  signals();
  process.off('exit', onExit);

  const never = new Set(notStarted(state));
  const pods = plan.pods.map((p, i): Omit<PodOutcome, 'tail'> => {
    const l = live[i]!;
    const status = l.start === null ? 'not-started' : l.exitCode === 0 ? 'succeeded' : 'failed';
    return {
      name: p.name,
      group: p.group,
      jobIndex: p.jobIndex,
      podIndex: p.podIndex,
      planned: p.planned,
      actual: l.start === null ? null : { start: l.start, end: l.end },
      firstOutput: l.firstOutput,
      exitCode: l.exitCode,
      signal: l.signal,
      status,
      delay: round3(delayOf(p.name)),
      killAfter: o.kills.get(p.name) ?? null,
      log: `pods/${p.name}.log`,
      reason:
        status === 'succeeded'
          ? null
          : status === 'failed'
            ? l.reason
            : stopping
              ? `the rehearsal ${stopping === 'timed-out' ? 'timed out' : 'was stopped'} before it started`
              : never.has(i)
                ? 'the cluster\u2019s free capacity never had room for it'
                : 'not started',
    };
  });
  const outcome: Outcome =
    stopping ?? (pods.every((p) => p.status === 'succeeded') ? 'succeeded' : 'failed');
  return { outcome, pods };
}

/** Calls `stop` on the test's signal, or on SIGINT/SIGTERM; returns the undo. */
function interruptions(signal: AbortSignal | undefined, stop: () => void): () => void {
  if (signal) {
    if (signal.aborted) queueMicrotask(stop);
    signal.addEventListener('abort', stop);
    return () => signal.removeEventListener('abort', stop);
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

/**
 * A base port with `n` free ports above it on 127.0.0.1, below Linux's range of ports for
 * outgoing connections (32768 and up), which a pod's own connections would otherwise take.
 */
async function freePorts(n: number): Promise<number> {
  if (n > 11_000)
    throw new Error(`${n} pods need more ports than 20000-32000 holds: give a base with --port`);
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (12_000 - n));
    let free = true;
    for (let i = 0; i < n && free; i++) free = await canListen(base + i);
    if (free) return base;
  }
  throw new Error(`found no ${n} free ports on 127.0.0.1 (give one with --port)`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((r) => {
    const server = createServer();
    server.once('error', () => r(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => r(true)));
  });
}

/** A number in [0, 1) from the seed and the pod's name: the same pod waits the same each run. */
export function unitRandom(seed: number, name: string): number {
  let h = 2166136261 ^ seed;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  // mulberry32, one step.
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
