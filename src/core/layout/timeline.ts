/**
 * The timeline: per group (in global-index order) lanes of Jobs, each with one row per pod slot
 * (`P_eff` run at once), on a time axis in hours. All Jobs of a group run the same planned
 * schedule, so many Jobs compress into one band drawn once with a count, and many slots into one
 * row.
 *
 * It draws the run the user will get: the planned run, or with a cluster capacity the simulated
 * one (with the plan as a faint outline behind it). Layout and drawing read the schedule model
 * and compute no schedule of their own.
 */
import { figure, NEVER_FINISHES, num } from '../format.ts';
import type { GroupFigures } from '../jobset/expand.ts';
import { podInSlot, podsInWave, podWave, wavesIn, type GroupPlan } from '../schedule/plan.ts';
import type { Schedule } from '../schedule/index.ts';
import { RECORDED_JOBS } from '../sim/recorded.ts';
import type { SimBatch, SimCohort, SimGroup } from '../sim/simulate.ts';
import type { ActualGroup, ActualRun } from '../rehearse/actual.ts';
import { actualLane } from './rehearsed.ts';
import { ticks, tickLabel } from './axis.ts';
import { maxWaves, waveTone } from './grid.ts';
import { textWidth, type Drawing, type Shape } from './shapes.ts';

export interface TimelineLane {
  readonly label: string;
  /** First and last Job index the lane stands for. */
  readonly firstJob: number;
  readonly lastJob: number;
  /** Top of the lane, below the axis. */
  readonly y: number;
  /** Slot rows drawn: one per running pod, or one standing for all when there are many. */
  readonly rows: number;
  readonly aggregated: boolean;
  /** On the cluster, a lane of Jobs that queue together: their cohorts, drawn as stripes. */
  readonly cohorts?: readonly SimCohort[];
}

export interface TimelineGroup {
  readonly plan: GroupPlan;
  readonly name: string;
  readonly y: number;
  readonly height: number;
  readonly lanes: readonly TimelineLane[];
  /** The group on the user's cluster, when a simulated run is drawn. */
  readonly sim: SimGroup | null;
  /** The group as a rehearsal ran it, when one is drawn. */
  readonly actual: ActualGroup | null;
}

export interface TimelineLayout {
  readonly groups: readonly TimelineGroup[];
  readonly row: number;
  /** Height of the lanes, axis included. */
  readonly height: number;
  readonly plannedMakespan: number;
  /** The simulated run drawn instead of the plan: its makespan (null if it never finishes). */
  readonly simulated: { readonly makespan: number | null } | null;
  /** The hours the whole run spans: the time axis shows `[0, span]` when not zoomed. */
  readonly span: number;
  readonly maxWaves: number;
  readonly leftOut: readonly string[];
  /** A rehearsal drawn instead of the plan or the simulation: its makespan in hours (null: never). */
  readonly rehearsal: { readonly makespan: number | null; readonly failed: number } | null;
}

export const TIMELINE_DEFAULTS = {
  axis: 34,
  labelWidth: 150,
  row: 12,
  header: 20,
  laneGap: 6,
  gap: 14,
  maxLanes: 6,
  /** On the cluster, a lane per Job up to this many: which trials queue, and how long. */
  maxSimLanes: 24,
  maxSlots: 4,
};

/**
 * `actual`: a rehearsal's run, drawn over the plan's outline instead of the plan (or the
 * simulated run); its makespan in hours, null when some pod never started or ended.
 */
export function timelineLayout(
  schedule: Schedule,
  options: Partial<typeof TIMELINE_DEFAULTS> = {},
  actual: { readonly run: ActualRun; readonly makespan: number | null } | null = null,
): TimelineLayout {
  const o = { ...TIMELINE_DEFAULTS, ...options };
  const sim = actual ? null : schedule.simulated;
  const simByName = new Map((sim?.groups ?? []).map((g) => [g.name, g]));
  const ordered = [...schedule.plan.groups].sort(
    (a, b) => a.figures.globalOrder - b.figures.globalOrder,
  );
  let y = o.axis;
  const groups: TimelineGroup[] = ordered.map((plan) => {
    const figures = plan.figures;
    const count = figures.count ?? 0;
    const p = figures.effectiveParallelism ?? 0;
    const aggregated = p > o.maxSlots;
    const simGroup = simByName.get(figures.name) ?? null;
    // One lane per Job only for the Jobs the simulation records one by one.
    const band = count > (sim ? Math.min(o.maxSimLanes, RECORDED_JOBS) : o.maxLanes);
    // Past that, a lane per wave of Jobs that queue together, when they do not all start at once.
    const waves = band && figures.state === 'runs' ? cohortLanes(simGroup, o.maxSimLanes) : null;
    // A simulated or rehearsed band shows how many of its pods run over time: it gets room for that.
    const rows =
      figures.state !== 'runs'
        ? 1
        : waves
          ? 1
          : (sim || actual) && (band || aggregated)
            ? 3
            : aggregated
              ? 1
              : p;
    const laneHeight = rows * o.row;
    const lanes: TimelineLane[] = [];
    let ly = y + o.header;
    const jobsLabel = (a: number, b: number) =>
      a === b ? `${figures.name} ${a}` : `${figures.name} ${a}–${b} (${num(b - a + 1)} Jobs)`;
    const laneCount =
      count === 0 || figures.state === 'unknown' ? 0 : waves ? waves.length : band ? 1 : count;
    for (let j = 0; j < laneCount; j++) {
      const cohorts = waves?.[j];
      const firstJob = cohorts ? cohorts[0]!.firstJob : band ? 0 : j;
      const lastJob = cohorts ? cohorts.at(-1)!.lastJob : band ? count - 1 : j;
      lanes.push({
        label: band ? jobsLabel(firstJob, lastJob) : `${figures.name} ${j}`,
        firstJob,
        lastJob,
        y: ly,
        rows,
        aggregated: cohorts ? false : aggregated,
        ...(cohorts && { cohorts }),
      });
      ly += laneHeight + o.laneGap;
    }
    const height = Math.max(o.header, ly - y - (laneCount ? o.laneGap : 0));
    const group: TimelineGroup = {
      plan,
      name: figures.name,
      y,
      height,
      lanes,
      sim: simGroup,
      actual: actual?.run.groups.get(figures.name) ?? null,
    };
    y += height + o.gap;
    return group;
  });
  const plannedMakespan = schedule.plan.makespan;
  const simEnd = sim ? lastTime(sim.groups) : 0;
  return {
    groups,
    row: o.row,
    height: Math.max(o.axis, y - o.gap),
    plannedMakespan,
    simulated: sim ? { makespan: sim.makespan } : null,
    // Nothing runs (all paused or empty): an hour of axis, never a zero-length one.
    span: Math.max(plannedMakespan, sim?.makespan ?? 0, simEnd, actual?.run.end ?? 0) || 1,
    maxWaves: maxWaves(schedule.plan.groups.map((g) => g.figures)),
    leftOut: schedule.plan.leftOut,
    rehearsal: actual && {
      makespan: actual.makespan,
      failed: [...actual.run.groups.values()].reduce((n, g) => n + g.failed, 0),
    },
  };
}

/**
 * The group's cohorts in at most `max` lanes of neighbouring cohorts (evenly split), or null when
 * they all start at once (one band of the pods running over time says more).
 */
function cohortLanes(sim: SimGroup | null, max: number): SimCohort[][] | null {
  const cohorts = sim?.cohorts ?? [];
  if (cohorts.length < 2) return null;
  const n = Math.min(max, cohorts.length);
  return Array.from({ length: n }, (_, k) =>
    cohorts.slice(Math.floor((k * cohorts.length) / n), Math.floor(((k + 1) * cohorts.length) / n)),
  );
}

/** The last moment anything happens in the simulated run (a start, or an end). */
function lastTime(groups: readonly SimGroup[]): number {
  let t = 0;
  for (const g of groups) t = Math.max(t, g.end ?? 0, g.lastStart ?? 0, ...g.profile.t.slice(-1));
  return t;
}

/** A window on the time axis: hours `[t0, t1]` across a drawing `width` pixels wide. */
export interface TimeWindow {
  readonly t0: number;
  readonly t1: number;
  readonly width: number;
  readonly height: number;
  /** Pixels the lanes are scrolled up by. */
  readonly scrollY?: number;
}

/** The window that shows the whole run with a little room after it. */
export function wholeWindow(layout: TimelineLayout, width: number): TimeWindow {
  return { t0: 0, t1: layout.span * 1.04, width, height: layout.height + 8 };
}

export function timelineShapes(
  layout: TimelineLayout,
  win: TimeWindow,
  options: Partial<typeof TIMELINE_DEFAULTS> = {},
): Shape[] {
  const o = { ...TIMELINE_DEFAULTS, ...options };
  const { t0, t1, width, height } = win;
  const dy = -(win.scrollY ?? 0);
  const left = o.labelWidth;
  const right = Math.max(left + 10, width - 8);
  const x = (t: number) => left + ((t - t0) / (t1 - t0 || 1)) * (right - left);
  const out: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: 'background' }];
  const sim = layout.simulated;

  out.push({ kind: 'clip', x: left, y: o.axis, w: width - left, h: height - o.axis });
  for (const g of layout.groups) {
    const gy = g.y + dy;
    if (gy > height || gy + g.height < o.axis) continue;
    for (const lane of g.lanes) {
      const ly = lane.y + dy;
      if (ly > height || ly + lane.rows * layout.row < o.axis) continue;
      if (layout.rehearsal) {
        plannedOutline(out, g.plan, lane, ly, layout.row, x, t0, t1);
        actualLane(out, {
          figures: g.plan.figures,
          actual: g.actual ?? undefined,
          firstJob: lane.firstJob,
          lastJob: lane.lastJob,
          rows: lane.rows,
          aggregated: lane.aggregated,
          y0: ly,
          row: layout.row,
          maxWaves: layout.maxWaves,
          x,
          t0,
          t1,
          right,
        });
      } else if (sim) {
        plannedOutline(out, g.plan, lane, ly, layout.row, x, t0, t1);
        simulatedLane(out, g, lane, ly, layout, x, t0, t1, right);
      } else plannedLane(out, g.plan, lane, ly, layout.row, layout.maxWaves, x, t0, t1);
    }
  }
  markers(out, layout, x, o, height);
  out.push({ kind: 'unclip' });
  groupNotes(out, layout, x, dy, left, right, height, o.axis);

  // Labels on the left, over a plain background.
  out.push({ kind: 'rect', x: 0, y: o.axis, w: left, h: height - o.axis, fill: 'background' });
  for (const g of layout.groups) {
    const gy = g.y + dy;
    if (gy + 10 < o.axis || gy > height) continue;
    out.push({
      kind: 'text',
      x: 4,
      y: gy + 10,
      spans: [{ text: g.name, bold: true }],
      size: 12,
      tone: 'text',
      maxWidth: left - 8,
    });
    for (const lane of g.lanes) {
      const ly = lane.y + dy + (lane.rows * layout.row) / 2;
      if (ly < o.axis || ly > height) continue;
      out.push({
        kind: 'text',
        x: 12,
        y: ly,
        spans: [{ text: lane.label.replace(`${g.name} `, 'Job ') }],
        size: 11,
        tone: 'muted',
        maxWidth: left - 16,
      });
    }
  }
  axis(out, layout, x, t0, t1, left, right, width, o.axis);
  return out;
}

/** The whole timeline as one picture, axis and all (for exports). */
export function wholeTimeline(layout: TimelineLayout, width: number): Drawing {
  const win = wholeWindow(layout, width);
  return { width, height: win.height, shapes: timelineShapes(layout, win) };
}

type X = (t: number) => number;

/** The bars of the planned run: a bar per pod slot and wave, only the waves in view. */
function plannedLane(
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
function plannedOutline(
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
function simulatedLane(
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
  const p = f.effectiveParallelism!;
  const batches = lane.firstJob === lane.lastJob ? sim.jobs[lane.firstJob] : undefined;
  if (batches && !lane.aggregated) {
    // Queued: the Job waits for room on the cluster before its first pod starts.
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
    // One Job: each pod of a batch takes the lowest slot row free at its start.
    const freeAt = new Array<number>(lane.rows).fill(0);
    for (const b of batches) {
      for (let i = 0; i < b.n; i++) {
        let slot = freeAt.findIndex((t) => t <= b.start + 1e-9);
        if (slot < 0) slot = 0;
        freeAt[slot] = b.end ?? Infinity;
        podBar(
          out,
          b,
          podWave(f, b.first + i)!,
          y0 + slot * row + 1,
          row - 2,
          layout,
          x,
          t1,
          right,
        );
      }
    }
    return;
  }
  // Many Jobs (or many slots): how many of the lane's pods run, as the height of the bar.
  const jobs = lane.lastJob - lane.firstJob + 1;
  const perJob = batches ? profileOf(batches) : null;
  const profile = perJob ?? sim.profile;
  const of = perJob ? p : jobs * p;
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
        y: y0 + 1 + h - hw,
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
        y: y0 + 1 + h - hw - hi,
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
        y: y0 + 1 + h / 2,
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

/** A Job's running pods over time, from its batches. */
function profileOf(batches: readonly SimBatch[]): {
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

/** Per group, a note where it does not run as drawn: left out, paused, queued or never starting. */
function groupNotes(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  dy: number,
  left: number,
  right: number,
  height: number,
  top: number,
) {
  for (const g of layout.groups) {
    const y = g.y + dy + 10;
    if (y < top || y > height) continue;
    const f = g.plan.figures;
    const note =
      f.state === 'unknown'
        ? 'left out: its figures are not valid'
        : f.state === 'paused'
          ? 'paused: no pod starts'
          : layout.rehearsal
            ? rehearsalNote(g.actual)
            : g.sim && layout.simulated
              ? simNote(f, g.sim)
              : null;
    if (!note) continue;
    const size = 11;
    const w = textWidth(note, size);
    const at = Math.max(left + 4, x(g.plan.runHours ?? 0) + 6);
    const fits = at + w <= right;
    out.push({
      kind: 'text',
      x: fits ? at : Math.max(left + 4, right - w),
      y,
      spans: [{ text: note }],
      size,
      tone: f.state !== 'runs' ? 'muted' : layout.rehearsal ? 'error' : 'warning',
      backdrop: true,
      maxWidth: right - left - 8,
    });
  }
}

/** What a group's header says of its rehearsal, or null when every pod succeeded. */
function rehearsalNote(a: ActualGroup | null): string | null {
  if (!a) return 'not in the rehearsal';
  const parts = [
    a.failed ? `${num(a.failed)} failed` : '',
    a.notStarted ? `${num(a.notStarted)} never started` : '',
  ].filter(Boolean);
  return parts.length ? `rehearsal: ${parts.join(', ')}` : null;
}

/** What a group's header says on the user's cluster, or null when it runs as planned. */
export function simNote(f: GroupFigures, s: SimGroup): string | null {
  if (s.synchronous?.canNeverStart) {
    return `never starts: needs all ${num(f.concurrentPods ?? 0)} pods up at once`;
  }
  if (s.neverStarts || (s.end === null && s.firstStart === null))
    return 'never starts on your cluster';
  if (s.end === null) return `${NEVER_FINISHES} on your cluster`;
  if (s.delayedPods > 0) return `queued: ends at ${figure(s.end)} h`;
  return null;
}

/** The makespan lines: the plan's, and the run's on the user's cluster. */
function markers(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  o: typeof TIMELINE_DEFAULTS,
  height: number,
) {
  const line = (t: number, tone: 'accent' | 'warning', dash: number[]) =>
    out.push({ kind: 'lines', coords: [x(t), o.axis, x(t), height], stroke: tone, width: 1, dash });
  if (layout.plannedMakespan > 0) line(layout.plannedMakespan, 'accent', [4, 3]);
  const m = layout.simulated?.makespan ?? layout.rehearsal?.makespan;
  if (m !== null && m !== undefined && m !== layout.plannedMakespan) line(m, 'warning', [2, 3]);
}

/**
 * The time axis on top: makespan labels on the first row, round-hour ticks on the second, so
 * they never run into each other.
 */
function axis(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  t0: number,
  t1: number,
  left: number,
  right: number,
  width: number,
  top: number,
) {
  out.push({ kind: 'rect', x: 0, y: 0, w: width, h: top, fill: 'background' });
  out.push({
    kind: 'text',
    x: 4,
    y: top - 10,
    spans: [{ text: 'hours' }],
    size: 11,
    tone: 'muted',
  });
  const coords: number[] = [left, top, right, top];
  for (const t of ticks(t0, t1, Math.max(2, Math.floor((right - left) / 90)))) {
    const px = x(t);
    if (px < left - 0.5 || px > right + 0.5) continue;
    coords.push(px, top - 5, px, top);
    const label = tickLabel(t);
    const half = textWidth(label, 11) / 2;
    out.push({
      kind: 'text',
      x: Math.min(px, width - 2 - half),
      y: top - 12,
      spans: [{ text: label }],
      size: 11,
      tone: 'muted',
      anchor: 'middle',
    });
  }
  out.push({ kind: 'lines', coords, stroke: 'muted', width: 1 });
  // Makespan labels, each on the side of its line that keeps it in view and clear of the other.
  const labels: { t: number; text: string; tone: 'accent' | 'warning' }[] = [];
  const sim = layout.simulated;
  const rehearsal = layout.rehearsal;
  if (layout.plannedMakespan > 0) {
    labels.push({
      t: layout.plannedMakespan,
      text: `${sim ? 'unlimited' : rehearsal ? 'planned' : 'makespan'} ${figure(layout.plannedMakespan)} h`,
      tone: 'accent',
    });
  }
  if (rehearsal && rehearsal.makespan !== layout.plannedMakespan) {
    labels.push({
      t: rehearsal.makespan ?? t1,
      text:
        rehearsal.makespan === null
          ? 'rehearsal: never finished'
          : `rehearsal ${figure(rehearsal.makespan)} h`,
      tone: 'warning',
    });
  }
  if (sim && sim.makespan !== layout.plannedMakespan) {
    labels.push({
      t: sim.makespan ?? t1,
      text:
        sim.makespan === null
          ? `on your cluster: ${NEVER_FINISHES}`
          : `on your cluster ${figure(sim.makespan)} h`,
      tone: 'warning',
    });
  }
  // Each label beside its line, inside the drawing; the earlier one goes left of its line when
  // another follows, and moves further left when they would meet.
  const placed = labels
    .sort((a, b) => a.t - b.t)
    .map((l, i) => {
      const w = textWidth(l.text, 11);
      const px = Math.min(Math.max(x(l.t), left), right);
      let start = i === 0 && labels.length > 1 ? px - 4 - w : px + 4;
      if (start + w > width - 2) start = px - 4 - w;
      return { ...l, w, start: Math.max(2, Math.min(start, width - 2 - w)) };
    });
  for (let i = placed.length - 2; i >= 0; i--) {
    const a = placed[i]!;
    const b = placed[i + 1]!;
    if (a.start + a.w + 8 > b.start) a.start = Math.max(2, b.start - 8 - a.w);
  }
  for (const l of placed) {
    out.push({ kind: 'text', x: l.start, y: 9, spans: [{ text: l.text }], size: 11, tone: l.tone });
  }
}

/** The timeline in words: which run it shows and how long it takes. */
export function describeTimeline(layout: TimelineLayout): string {
  const planned = `${figure(layout.plannedMakespan)} h`;
  const sim = layout.simulated;
  const left = layout.leftOut.length
    ? `; left out (figures not valid): ${layout.leftOut.join(', ')}`
    : '';
  const r = layout.rehearsal;
  if (r) {
    const ran =
      r.makespan === null ? 'did not finish' : `ran for ${figure(r.makespan)} h of pod time`;
    const failed = r.failed
      ? `; ${num(r.failed)} pod${r.failed === 1 ? '' : 's'} failed (in red)`
      : '';
    return `Timeline in hours: the rehearsal ${ran} (planned ${planned}, dashed)${failed}${left}`;
  }
  if (!sim)
    return `Timeline in hours: the design runs for ${planned} on an unlimited cluster${left}`;
  const run = sim.makespan === null ? 'never finishes' : `runs for ${figure(sim.makespan)} h`;
  return `Timeline in hours: on your cluster the design ${run} (${planned} on an unlimited cluster)${left}`;
}
