/**
 * The command line's deadline. Checking a text is synchronous, so no timer of the main thread
 * can stop it; a watcher thread can. The main thread marks the start and the end of each check
 * in shared memory (no message needed while it is busy); when a check runs past the deadline,
 * the watcher says which input it was on stderr and ends the process (SIGTERM: the main thread
 * is busy and cannot exit by itself). Only the real command starts it: tests call `main`
 * in-process.
 */
import { Worker } from 'node:worker_threads';

/** Seconds one input may take; JOBSET_DESIGNER_DEADLINE_S changes it. */
export const CLI_DEADLINE_S = 10;

// CommonJS, evaluated in the watcher thread. state[0]: 1 while checking; state[1]: a counter
// bumped at every start and end. The input's name is in `name` (UTF-8, its length first).
const WATCHER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { state, name, ms } = workerData;
for (;;) {
  const seq = Atomics.load(state, 1);
  if (Atomics.load(state, 0) === 0) { Atomics.wait(state, 1, seq); continue; }
  if (Atomics.wait(state, 1, seq, ms) === 'timed-out' && Atomics.load(state, 1) === seq) {
    const n = new DataView(name.buffer).getUint32(0);
    const who = Buffer.from(name.subarray(4, 4 + n)).toString('utf8');
    writeSync(2, 'jobset-designer: checking ' + who + ' took more than ' + ms / 1000 +
      ' s and was stopped; no manifest needs that long (a huge value, a deeply repeated structure?)\\n');
    // process.exit would end this thread only: the main thread is busy, so the signal ends all.
    process.kill(process.pid, 'SIGTERM');
  }
}
`;

export interface Watchdog {
  /** Marks the start of a check of the input named `who`. */
  begin(who: string): void;
  end(): void;
}

export function startWatchdog(): Watchdog {
  const raw = Number(process.env.JOBSET_DESIGNER_DEADLINE_S);
  const seconds = Number.isFinite(raw) && raw > 0 ? raw : CLI_DEADLINE_S;
  const state = new Int32Array(new SharedArrayBuffer(8));
  const name = new Uint8Array(new SharedArrayBuffer(4 + 1024));
  const worker = new Worker(WATCHER, {
    eval: true,
    workerData: { state, name, ms: seconds * 1000 },
  });
  worker.unref();
  const bump = (phase: 0 | 1) => {
    Atomics.store(state, 0, phase);
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  };
  return {
    begin(who) {
      const bytes = new TextEncoder().encode(who).subarray(0, 1024);
      name.set(bytes, 4);
      new DataView(name.buffer).setUint32(0, bytes.length);
      bump(1);
    },
    end: () => bump(0),
  };
}
