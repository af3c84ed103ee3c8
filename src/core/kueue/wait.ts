/**
 * The wait in Kueue's queue before the run, as the timeline draws it, from a verdict and the
 * designer's clock. Apart from judge.ts, and importing types only: the page's first load draws
 * the timeline, and Kueue's model is loaded only with the Kueue section.
 */
import type { Admission } from './admission.ts';
import type { Start } from './start.ts';

/** A time `Date` can print (ms since the epoch, within ±8.64e15). */
export const isTime = (t: number) => Number.isFinite(t) && Math.abs(t) <= 8.64e15;

/** The wait before the run, as the timeline draws it. */
export interface QueueWait {
  /** Hours from now until Kueue admits the JobSet; null when not known, or never. */
  readonly hours: number | null;
  readonly tone: 'warning' | 'error';
  /** In words, in the band: how long and until when, or why not known. */
  readonly label: string;
}

/**
 * How long the JobSet waits in Kueue's queue before its run, seen at `now` (ms since the epoch):
 * null when it is admitted at once or there is no verdict. An expected start already past (the
 * workloads ahead overran their time and are due to stop) is a wait of nothing.
 */
export function queueWait(
  /** A judgement (judge.ts): its verdict, the queue counted, and its start. */
  j: { readonly verdict: Admission['verdict']; readonly start: Start | null } | null,
  now: number,
): QueueWait | null {
  if (!j || j.verdict === 'admitted') return null;
  if (j.verdict !== 'waits')
    return { hours: null, tone: 'error', label: 'Kueue: never admitted with these queues' };
  const start = j.start;
  if (start?.kind === 'at' && isTime(start.time)) {
    const hours = Math.max(0, (start.time - now) / 3.6e6);
    const until = new Date(start.time).toISOString().slice(11, 16);
    return {
      hours,
      tone: 'warning',
      label:
        hours > 0
          ? `Kueue queue: waits ${duration(start.time - now)}, until ${until} UTC`
          : 'Kueue queue: due any moment (the workloads ahead have had their time)',
    };
  }
  return {
    hours: null,
    tone: 'warning',
    label:
      start?.kind === 'unknown'
        ? 'Kueue queue: waits, start not known'
        : "Kueue queue: waits for quota (paste the cluster's workloads to know until when)",
  };
}

/** `2 h 05 min`, `40 min`, `3 d 4 h`, from milliseconds (whole minutes, rounded up). */
function duration(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  if (h >= 48) return `${Math.floor(h / 24)} d ${h % 24} h`;
  return `${h} h ${String(minutes % 60).padStart(2, '0')} min`;
}
