/** The rehearsal's progress as one line for a terminal: its pods done, running, waiting, failed. */
import type { Live } from './pod.ts';

/** How many pods are running, have succeeded, have failed, and wait (not started yet). */
function counts(live: readonly Live[]) {
  let running = 0;
  let done = 0;
  let failed = 0;
  for (const l of live) {
    if (l.start !== null && l.end === null) running++;
    if (l.end !== null && l.exitCode === 0) done++;
    else if (l.end !== null) failed++;
  }
  return { running, done, failed, waiting: live.length - running - done - failed };
}

/** The line at `seconds` into the rehearsal. */
export function progressLine(live: readonly Live[], seconds: number): string {
  const c = counts(live);
  return `rehearsal ${seconds.toFixed(1)}s: ${c.done} done, ${c.running} running, ${c.waiting} waiting, ${c.failed} failed`;
}
