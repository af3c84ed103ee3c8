/**
 * A rehearsal's pods run on the designer's schedule: the core's dispatch places pods as places
 * free, each starts after its delay, and the run ends once none is waiting or running. A
 * timeout or Ctrl+C stops it (SIGTERM, then SIGKILL after a grace); this process's exit kills
 * whatever is left. On a terminal, one line of progress.
 */
import {
  dispatchState,
  ended,
  startNow,
  type Outcome,
  type PodOutcome,
  type RehearsalPlan,
} from '../../core/index.ts';
import type { DispatchState } from '../../core/rehearse/dispatch.ts';
import type { RehearseIo, RehearseOptions } from './options.ts';
import {
  delayOf,
  idle,
  killGroup,
  killUnended,
  startPod,
  type Live,
  type PodSetup,
} from './pod.ts';
import type { Launcher } from './program.ts';
import { progressLine } from './progress.ts';
import { podOutcomes } from './summary.ts';

/** Seconds a stopped pod gets between SIGTERM and SIGKILL. */
const GRACE_S = 2;
/**
 * Pods that end within this many milliseconds of each other free their places together before
 * the next pods are placed, as the simulation frees every pod ending at one instant first: pods
 * of one batch end a few milliseconds apart, and one at a time would let a later group's
 * smaller pod take room first.
 */
const SETTLE_MS = 50;

/** A rehearsal as it runs: what the dispatch, the stop, the progress and the summary share. */
interface Run extends PodSetup {
  readonly plan: RehearsalPlan;
  readonly io: RehearseIo;
  readonly state: DispatchState;
  /** Each pod of `plan.pods`, as it runs. */
  readonly live: Live[];
  /** Why the rehearsal was stopped (a timeout, Ctrl+C); null while it runs its course. */
  stopping: Outcome | null;
  /** Pods placed and not yet ended (waiting for their delay, or running). */
  active: number;
  /** The pending placement of the next pods, once the pods ending together have ended. */
  settling: NodeJS.Timeout | null;
  /** The progress line last written. */
  lastProgress: string;
  /** Ends the wait for the run. */
  readonly finish: () => void;
}

export async function runPods(
  plan: RehearsalPlan,
  o: RehearseOptions,
  io: RehearseIo,
  launcher: Launcher,
  out: string,
  basePort: number,
): Promise<{ outcome: Outcome; pods: Omit<PodOutcome, 'tail'>[] }> {
  const t0 = performance.now();
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const run: Run = {
    plan,
    o,
    io,
    launcher,
    out,
    basePort,
    now: () => Math.round(performance.now() - t0) / 1000,
    state: dispatchState(plan),
    live: plan.pods.map(idle),
    stopping: null,
    active: 0,
    settling: null,
    lastProgress: '',
    finish,
  };
  const onExit = () => killUnended(run.live);
  process.on('exit', onExit);
  const ticker = io.stderr.isTTY ? setInterval(() => progress(run), 250) : null;
  const timeout =
    o.timeout !== null ? setTimeout(() => stop(run, 'timed-out'), o.timeout * 1000) : null;
  const signals = interruptions(io.signal, () => stop(run, 'interrupted'));

  pump(run);
  await finished;
  await Promise.all(run.live.map((l) => l.closed));
  if (timeout) clearTimeout(timeout);
  if (ticker) clearInterval(ticker);
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  signals();
  process.off('exit', onExit);
  return podOutcomes(run);
}

/** Places the pods the dispatch lets start now (unless stopping), each to start after its delay. */
function pump(run: Run): void {
  if (!run.stopping) {
    for (const i of startNow(run.state)) {
      run.active++;
      const l = run.live[i]!;
      const pod = run.plan.pods[i]!;
      l.timer = setTimeout(
        () => {
          l.timer = null;
          startPod(run, pod, l, () => podEnded(run, i));
        },
        delayOf(run.o, pod.name) * 1000,
      );
    }
  }
  check(run);
}

/** Shows the progress; ends the run once no pod is waiting or running. */
function check(run: Run): void {
  progress(run);
  if (run.active === 0) run.finish();
}

/** A pod has ended: its place is free, and the next pods are placed once those ending with it have. */
function podEnded(run: Run, i: number): void {
  run.active--;
  ended(run.state, i);
  // Pods planned to end at this same instant free their places together however far apart
  // their processes end (a loaded machine can take longer than SETTLE_MS): the last one places.
  const at = run.plan.pods[i]!.planned?.end;
  const together = run.plan.pods.some(
    (p, j) =>
      j !== i && p.planned?.end === at && run.live[j]!.child !== null && run.live[j]!.end === null,
  );
  if (at !== undefined && together) return;
  run.settling ??= setTimeout(() => {
    run.settling = null;
    pump(run);
  }, SETTLE_MS);
}

/** The progress line on a terminal, written when it changes. */
function progress(run: Run): void {
  if (!run.io.stderr.isTTY) return;
  const line = progressLine(run.live, run.now());
  if (line !== run.lastProgress) run.io.stderr.write(`\r\x1b[K${line}`);
  run.lastProgress = line;
}

/**
 * Stops the rehearsal (`why`): pods waiting for their delay never start, running ones get
 * SIGTERM, and SIGKILL after the grace.
 */
function stop(run: Run, why: Outcome): void {
  if (run.stopping) return;
  run.stopping = why;
  for (const [i, l] of run.live.entries()) {
    if (l.timer) {
      clearTimeout(l.timer);
      l.timer = null;
      run.active--;
      ended(run.state, i);
    }
    if (l.child && l.end === null) {
      l.reason ??=
        why === 'timed-out' ? 'stopped at the rehearsal\u2019s --timeout' : 'stopped (Ctrl+C)';
      killGroup(l, 'SIGTERM');
    }
  }
  setTimeout(() => killUnended(run.live), GRACE_S * 1000).unref();
  check(run);
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
