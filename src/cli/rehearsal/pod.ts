/**
 * One pod of a rehearsal as a process: when it starts (its delay), its process started in a
 * process group of its own with the pod's variables and ports, its output in its log, its kill
 * on schedule (`--kill`), and what its end records. A pod's end ends everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { RehearsalPod } from '../../core/index.ts';
import type { RehearseOptions } from './options.ts';
import type { Launcher } from './program.ts';

/** Milliseconds a pod's output pipes may stay open after its process ended (a grandchild holding them). */
const PIPE_GRACE_MS = 1000;

/** A pod as it runs: its timers, its process, and what its end records. */
export interface Live {
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

/** A pod not yet placed. */
export function idle(): Live {
  return {
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
  };
}

/** What every pod of a rehearsal starts with: its program, its folder, its ports, its faults. */
export interface PodSetup {
  readonly o: RehearseOptions;
  readonly launcher: Launcher;
  /** The rehearsal's folder: each pod's log is `pods/<pod>.log` in it. */
  readonly out: string;
  readonly basePort: number;
  /** Seconds since the rehearsal started. */
  readonly now: () => number;
}

/** Seconds a pod waits, once placed, before it starts: its `--delay`, else its share of `--stagger`. */
export function delayOf(o: RehearseOptions, name: string): number {
  return o.delays.get(name) ?? o.stagger * unitRandom(o.seed, name);
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

/** Sends `sig` to the pod's process group: the pod and everything it started. */
export function killGroup(l: Live, sig: NodeJS.Signals): void {
  const pid = l.child?.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // Already gone.
  }
}

/** Kills every pod that has not ended, at once. */
export function killUnended(live: readonly Live[]): void {
  live.forEach((l) => l.end === null && killGroup(l, 'SIGKILL'));
}

/** Starts the pod's process, with its log and its kill on schedule; `ended` once it has ended. */
export function startPod(s: PodSetup, pod: RehearsalPod, l: Live, ended: () => void): void {
  const log: WriteStream = createWriteStream(join(s.out, 'pods', `${pod.name}.log`));
  const child = spawnPod(s, pod);
  l.child = child;
  l.start = s.now();
  logOutput(child, log, l, s.now);
  scheduleKill(l, s.o.kills.get(pod.name));
  watchExit(child, log, l, s.now, ended);
}

/** The pod's process, in a process group of its own, with the pod's variables and ports. */
function spawnPod(s: PodSetup, pod: RehearsalPod): ChildProcess {
  return spawn(s.launcher.file, s.launcher.args, {
    cwd: s.launcher.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...pod.env,
      JOBSET_ENV_HOST: '127.0.0.1',
      JOBSET_ENV_PORT: String(s.basePort),
      JOBSET_ENV_POD_PORT: String(s.basePort + pod.ordinal),
      JOBSET_NAME: 'rehearsal',
      JOBSET_REHEARSAL_WORK_S: String(pod.workSeconds),
      PYTHONUNBUFFERED: '1',
      ...(s.o.deadline !== null && { JOBSET_ENV_DEADLINE_S: String(s.o.deadline) }),
    },
  });
}

/**
 * The pod's stdout and stderr into its log, closed once both have ended; the time of its first
 * output; `l.closed` once the log is written.
 */
function logOutput(child: ChildProcess, log: WriteStream, l: Live, now: () => number): void {
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
}

/** A process that left the pod's group but holds its pipes must not hold the rehearsal. */
function releasePipes(child: ChildProcess, log: WriteStream): void {
  setTimeout(() => {
    child.stdout!.destroy();
    child.stderr!.destroy();
    if (!log.writableEnded) log.end();
  }, PIPE_GRACE_MS).unref();
}

/** `--kill POD@S`: the pod's group killed `kill` seconds after its start. */
function scheduleKill(l: Live, kill: number | undefined): void {
  if (kill === undefined) return;
  l.killTimer = setTimeout(() => {
    l.reason = `killed ${kill}s after its start (--kill)`;
    killGroup(l, 'SIGKILL');
  }, kill * 1000);
}

/** The pod's end (an exit, or a process that could not start) recorded once, then `ended`. */
function watchExit(
  child: ChildProcess,
  log: WriteStream,
  l: Live,
  now: () => number,
  ended: () => void,
): void {
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
    releasePipes(child, log);
    ended();
  };
  child.on('exit', (code, signal) => exit(code, signal));
  child.on('error', (err) => exit(null, null, err));
}
