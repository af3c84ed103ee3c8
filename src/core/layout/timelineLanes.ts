/** The lanes of the timeline: the planned run, the simulated one (Jobs, waves of queued Jobs, bands), the plan's outline. */
import { figure, num } from '../format.ts';
import type { GroupFigures } from '../jobset/expand.ts';
import { podInSlot, podsInWave, podWave, wavesIn, type GroupPlan } from '../schedule/plan.ts';
import type { SimBatch, SimCohort, SimGroup, SimProfile } from '../sim/simulate.ts';
import { waveTone } from './grid.ts';
import type { Shape } from './shapes.ts';
import type { TimelineGroup, TimelineLane, TimelineLayout, X } from './timelineModel.ts';
import { batchProfile } from '../sim/profile.ts';

/** The bars of the planned run: a bar per pod slot and wave, only the waves in view. */
export function plannedLane(
  out: Shape[],
  plan: GroupPlan,
  lane: TimelineLane,
  y0: number,
  row: number,
  waves: number,
  x: X,
  t0: number,
  t1: number,
) {
  const f = plan.figures;
  const [w0, w1] = wavesIn(plan, t0, t1);
  if (f.state !== 'runs' || !f.waves) {
    out.push({
      kind: 'rect',
      x: x(Math.max(0, t0)),
      y: y0 + 1,
      w: x(t1) - x(Math.max(0, t0)),
      h: (row - 2) / 3,
      fill: 'paused',
      title: f.state === 'paused' ? 'paused: no pod starts' : 'no pods',
    });
    return;
  }
  const d = plan.duration;
  const barWidth = x(d) - x(0);
  for (let slot = 0; slot < lane.rows; slot++) {
    const y = y0 + slot * row + 1;
    const h = row - 2;
    if (barWidth < 2) {
      // Too thin to tell bars apart: one band over the waves in view.
      out.push({
        kind: 'rect',
        x: x(w0 * d),
        y,
        w: x(w1 * d) - x(w0 * d),
        h,
        fill: waveTone(0, waves),
        alpha: 0.75,
      });
      continue;
    }
    const gap = barWidth > 6 ? 1.5 : 0;
    for (let w = w0; w < w1; w++) {
      const fill = lane.aggregated
        ? podsInWave(f, w) / f.effectiveParallelism!
        : podInSlot(f, w, slot) === null
          ? 0
          : 1;
      if (!fill) continue;
      out.push({
        kind: 'rect',
        x: x(w * d) + gap,
        y: y + h * (1 - fill),
        w: barWidth - 2 * gap,
        h: h * fill,
        fill: waveTone(w, waves),
        title: `wave ${w + 1}`,
      });
    }
    if (lane.aggregated && barWidth > 40) {
      out.push({
        kind: 'text',
        x: x(w0 * d) + 4,
        y: y + h / 2,
        spans: [{ text: `×${num(f.effectiveParallelism!)}` }],
        size: 11,
        tone: { on: waveTone(w0, waves) },
      });
    }
  }
}

/** The plan behind a simulated lane, as a faint outline: how it would run on an unlimited cluster. */
export function plannedOutline(
  out: Shape[],
  plan: GroupPlan,
  lane: TimelineLane,
  y0: number,
  row: number,
  x: X,
  t0: number,
  t1: number,
) {
  const f = plan.figures;
  if (f.state !== 'runs' || !f.waves) return;
  const d = plan.duration;
  const end = Math.min(f.waves * d, t1);
  const start = Math.max(0, t0);
  if (end <= start) return;
  out.push({
    kind: 'frame',
    x: x(start),
    y: y0 + 0.5,
    w: x(end) - x(start),
    h: lane.rows * row - 1,
    stroke: 'muted',
    width: 1,
    dash: [3, 3],
    alpha: 0.8,
  });
}

/** A lane of the simulated run: its recorded batches (one Job), or the group's pod count over time (a band). */
export function simulatedLane(
  out: Shape[],
  g: TimelineGroup,
  lane: TimelineLane,
  y0: number,
  layout: TimelineLayout,
  x: X,
  t0: number,
  t1: number,
  right: number,
) {
  const f = g.plan.figures;
  const sim = g.sim;
  const row = layout.row;
  const h = lane.rows * row - 2;
  if (f.state !== 'runs' || !f.waves || !sim) {
    plannedLane(out, g.plan, lane, y0, row, layout.maxWaves, x, t0, t1);
    return;
  }
  if (lane.cohorts) {
    cohortStripes(out, lane.cohorts, y0 + 1, row - 2, f, sim, layout, x, t0, t1, right);
    return;
  }
  const pen: Pen = { out, x, t0, t1, right, layout };
  const batches = lane.firstJob === lane.lastJob ? sim.jobs[lane.firstJob] : undefined;
  if (batches && !lane.aggregated) return jobLane(pen, f, lane, batches, y0);
  // Many Jobs (or many slots): how many of the lane's pods run, as the height of the bar.
  const p = f.effectiveParallelism!;
  const perJob = batches ? batchProfile(batches) : null;
  const jobs = lane.lastJob - lane.firstJob + 1;
  profileBand(pen, perJob ?? sim.profile, perJob ? p : jobs * p, y0 + 1, h);
}

/** Where and how a lane is drawn: the shapes so far, the time scale and window, the layout. */
interface Pen {
  readonly out: Shape[];
  readonly x: X;
  readonly t0: number;
  readonly t1: number;
  readonly right: number;
  readonly layout: TimelineLayout;
}

/** One Job on the cluster: its wait for room, then each pod in the lowest slot row free at its start. */
function jobLane(
  pen: Pen,
  f: GroupFigures,
  lane: TimelineLane,
  batches: readonly SimBatch[],
  y0: number,
) {
  const { out, x, t0, t1, right, layout } = pen;
  const row = layout.row;
  const first = batches[0]?.start ?? null;
  if (first === null || first > 1e-9) {
    const end = first === null ? right : x(Math.min(first, t1));
    const what = f.pod.gpus ? 'a GPU' : 'room on your cluster';
    out.push({
      kind: 'rect',
      x: x(Math.max(0, t0)),
      y: y0 + 1,
      w: Math.max(1, end - x(Math.max(0, t0))),
      h: Math.max(2, row - 2),
      fill: 'muted',
      alpha: 0.22,
      title:
        first === null
          ? `queued for ${what}: never starts`
          : `queued ${figure(first)} h for ${what}`,
    });
  }
  const freeAt = new Array<number>(lane.rows).fill(0);
  for (const b of batches) {
    for (let i = 0; i < b.n; i++) {
      let slot = freeAt.findIndex((t) => t <= b.start + 1e-9);
      if (slot < 0) slot = 0;
      freeAt[slot] = b.end ?? Infinity;
      podBar(out, b, podWave(f, b.first + i)!, y0 + slot * row + 1, row - 2, layout, x, t1, right);
    }
  }
}

/** Pods running (and idle) over time as the height of the bar, out of `of` at most. */
function profileBand(pen: Pen, profile: SimProfile, of: number, top: number, h: number) {
  const { out, x, t0, t1, right, layout } = pen;
  const { t, running, idle } = profile;
  for (let i = 0; i < t.length; i++) {
    const from = t[i]!;
    const to = i + 1 < t.length ? t[i + 1]! : running[i]! > 0 ? Infinity : from;
    if (to <= t0 || from >= t1 || running[i]! === 0) continue;
    const xa = x(Math.max(from, t0));
    const xb = to === Infinity ? right : x(Math.min(to, t1));
    const busy = running[i]! - idle[i]!;
    const hw = (h * busy) / of;
    const hi = (h * idle[i]!) / of;
    if (hw > 0) {
      out.push({
        kind: 'rect',
        x: xa,
        y: top + h - hw,
        w: Math.max(1, xb - xa - 1),
        h: Math.max(1.5, hw),
        fill: waveTone(0, layout.maxWaves),
        title: `${num(busy)} pods running`,
      });
    }
    if (hi > 0) {
      out.push({
        kind: 'rect',
        x: xa,
        y: top + h - hw - hi,
        w: Math.max(1, xb - xa - 1),
        h: Math.max(1.5, hi),
        fill: 'idle',
        title: `${num(idle[i]!)} pods up, waiting for the rest`,
      });
    }
    if (xb - xa > 36 && h >= 10) {
      out.push({
        kind: 'text',
        x: xa + 3,
        y: top + h / 2,
        spans: [{ text: `×${num(running[i]!)}` }],
        size: 10,
        tone: 'text',
        backdrop: true,
      });
    }
  }
}

/**
 * A lane of Jobs that queue together: per cohort a stripe (as tall as its share of the lane's
 * Jobs), its wait for room drawn before its run.
 */
function cohortStripes(
  out: Shape[],
  cohorts: readonly SimCohort[],
  y0: number,
  h: number,
  f: GroupFigures,
  sim: SimGroup,
  layout: TimelineLayout,
  x: X,
  t0: number,
  t1: number,
  right: number,
) {
  const jobs = cohorts.at(-1)!.lastJob - cohorts[0]!.firstJob + 1;
  const what = f.pod.gpus ? 'a GPU' : 'room on your cluster';
  const allUpAt = sim.synchronous ? sim.synchronous.allUpAt : undefined;
  const left = x(Math.max(0, t0));
  const at = (t: number | null) => (t === null ? right : x(Math.min(Math.max(t, t0), t1)));
  let y = y0;
  for (const c of cohorts) {
    const n = c.lastJob - c.firstJob + 1;
    const ch = (h * n) / jobs;
    const who = c.firstJob === c.lastJob ? `Job ${c.firstJob}` : `Jobs ${c.firstJob}–${c.lastJob}`;
    const rect = (
      from: number,
      to: number,
      fill: Extract<Shape, { kind: 'rect' }>['fill'],
      title: string,
      alpha?: number,
    ) =>
      out.push({
        kind: 'rect',
        x: from,
        y,
        w: Math.max(1, to - from),
        h: Math.max(1, ch),
        fill,
        title,
        ...(alpha !== undefined && { alpha }),
      });
    if (c.start === null || c.start > 1e-9) {
      const waited =
        c.start === null
          ? 'never starts'
          : c.lastStart !== null && c.lastStart - c.start > 1e-9
            ? `queued ${figure(c.start)}–${figure(c.lastStart)} h`
            : `queued ${figure(c.start)} h`;
      const title =
        c.start === null
          ? `${who}: queued for ${what}, never starts`
          : `${who}: ${waited} for ${what}`;
      if (c.start === null || c.start > t0) rect(left, at(c.start), 'muted', title, 0.22);
    }
    if (c.start !== null) {
      // A synchronous group's pods sit idle until all of its first wave is up.
      const work = allUpAt === undefined ? c.start : allUpAt;
      if (work === null || work > c.start) {
        rect(at(c.start), at(work), 'idle', `${who}: up, waiting for the rest of its group`);
      }
      if (work !== null && (c.end === null || c.end > t0) && work < t1) {
        const ran =
          c.end === null
            ? `from ${figure(work)} h, never ends`
            : `${figure(work)}–${figure(c.end)} h`;
        rect(at(work), at(c.end), waveTone(0, layout.maxWaves), `${who}: run ${ran}`);
      }
    }
    y += ch;
  }
}

/** One pod of a recorded batch: idle while its synchronous group waits, then working. */
function podBar(
  out: Shape[],
  b: SimBatch,
  wave: number,
  y: number,
  h: number,
  layout: TimelineLayout,
  x: X,
  t1: number,
  right: number,
) {
  const workStart = b.workStart;
  const idleEnd = workStart ?? Infinity;
  if (idleEnd > b.start) {
    const xb = idleEnd === Infinity ? right : x(Math.min(idleEnd, t1));
    out.push({
      kind: 'rect',
      x: x(b.start),
      y,
      w: Math.max(1, xb - x(b.start)),
      h,
      fill: 'idle',
      title: 'up, waiting for the rest of its group',
    });
  }
  if (workStart !== null) {
    const end = b.end ?? Infinity;
    const xa = x(workStart);
    const xb = end === Infinity ? right : x(Math.min(end, t1));
    const gap = xb - xa > 6 ? 1.5 : 0;
    out.push({
      kind: 'rect',
      x: xa + gap,
      y,
      w: Math.max(1, xb - xa - 2 * gap),
      h,
      fill: waveTone(wave, layout.maxWaves),
      title: `wave ${wave + 1}`,
    });
  }
}
