/**
 * A lane of the timeline when a rehearsal is shown: the pods as they actually ran on the user's
 * machine (hours of pod time), over the plan's dashed outline. A lane of one Job draws each pod
 * in the lowest slot row free at its start, coloured by its wave, or in the error colour when it
 * failed; a lane of many Jobs (or many slots) draws how many of their pods ran over time.
 */
import { num } from '../format.ts';
import { runningProfile, type ActualGroup, type ActualPod } from '../rehearse/actual.ts';
import { podWave } from '../schedule/plan.ts';
import type { GroupFigures } from '../jobset/expand.ts';
import { waveTone } from './grid.ts';
import type { Shape } from './shapes.ts';

export interface ActualLaneArgs {
  readonly figures: GroupFigures;
  readonly actual: ActualGroup | undefined;
  readonly firstJob: number;
  readonly lastJob: number;
  readonly rows: number;
  readonly aggregated: boolean;
  readonly y0: number;
  readonly row: number;
  readonly maxWaves: number;
  readonly x: (t: number) => number;
  readonly t0: number;
  readonly t1: number;
  readonly right: number;
}

export function actualLane(out: Shape[], a: ActualLaneArgs): void {
  if (!a.actual) return;
  const single = a.firstJob === a.lastJob;
  const pods = single ? (a.actual.jobs.get(a.firstJob) ?? []) : null;
  if (pods && !a.aggregated) {
    const freeAt = new Array<number>(a.rows).fill(0);
    for (const p of pods) {
      let slot = freeAt.findIndex((t) => t <= p.start + 1e-9);
      if (slot < 0) slot = 0;
      freeAt[slot] = p.end ?? Infinity;
      podBar(out, a, p, a.y0 + slot * a.row + 1, a.row - 2);
    }
    return;
  }
  // Many Jobs or slots: how many of the lane's pods ran, as the height of the bar.
  const p = a.figures.effectiveParallelism ?? 1;
  const of = (a.lastJob - a.firstJob + 1) * p;
  const profile = pods ? runningProfile(pods) : a.actual.profile;
  const h = a.rows * a.row - 2;
  const { t, running } = profile;
  for (let i = 0; i < t.length; i++) {
    const from = t[i]!;
    const to = i + 1 < t.length ? t[i + 1]! : running[i]! > 0 ? Infinity : from;
    if (to <= a.t0 || from >= a.t1 || running[i]! === 0) continue;
    const xa = a.x(Math.max(from, a.t0));
    const xb = to === Infinity ? a.right : a.x(Math.min(to, a.t1));
    const hw = Math.min(h, (h * running[i]!) / of);
    out.push({
      kind: 'rect',
      x: xa,
      y: a.y0 + 1 + h - hw,
      w: Math.max(1, xb - xa - 1),
      h: Math.max(1.5, hw),
      fill: waveTone(0, a.maxWaves),
      title: `${num(running[i]!)} pods ran`,
    });
  }
}

function podBar(out: Shape[], a: ActualLaneArgs, p: ActualPod, y: number, h: number) {
  if (p.start > a.t1 || (p.end !== null && p.end < a.t0)) return;
  const xa = a.x(Math.max(p.start, a.t0));
  const xb = p.end === null ? a.right : a.x(Math.min(p.end, a.t1));
  const gap = xb - xa > 6 ? 1.5 : 0;
  const failed = p.status === 'failed';
  const how = failed
    ? p.signal
      ? `ended by ${p.signal}`
      : `exit code ${p.exitCode ?? '?'}`
    : 'succeeded';
  out.push({
    kind: 'rect',
    x: xa + gap,
    y,
    w: Math.max(1, xb - xa - 2 * gap),
    h,
    fill: failed ? 'error' : waveTone(podWave(a.figures, p.podIndex) ?? 0, a.maxWaves),
    title: `${p.name}: ${how}`,
  });
  if (failed && xb - xa > 14 && h >= 8) {
    out.push({
      kind: 'text',
      x: xb - gap - 2,
      y: y + h / 2,
      spans: [{ text: '\u2715' }],
      size: Math.min(10, h),
      tone: { on: 'error' },
      anchor: 'end',
    });
  }
}
