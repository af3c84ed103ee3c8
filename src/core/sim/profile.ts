/** A Job's running (and idle) pods over time, from its recorded batches: what a lane of one Job draws. */
import type { SimBatch } from './simulate.ts';

export function batchProfile(batches: readonly SimBatch[]): {
  t: number[];
  running: number[];
  idle: number[];
} {
  const events: [number, number, number][] = [];
  for (const b of batches) {
    events.push([b.start, b.n, b.workStart === b.start ? 0 : b.n]);
    if (b.workStart !== null && b.workStart !== b.start) events.push([b.workStart, 0, -b.n]);
    if (b.end !== null) events.push([b.end, -b.n, 0]);
  }
  events.sort((a, b) => a[0] - b[0]);
  const out = { t: [] as number[], running: [] as number[], idle: [] as number[] };
  let r = 0;
  let q = 0;
  for (const [t, dr, dq] of events) {
    r += dr;
    q += dq;
    const i = out.t.length - 1;
    if (i >= 0 && out.t[i] === t) {
      out.running[i] = r;
      out.idle[i] = q;
    } else {
      out.t.push(t);
      out.running.push(r);
      out.idle.push(q);
    }
  }
  return out;
}
