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
import { num } from '../format.ts';
import type { Schedule } from '../run/schedule.ts';
import type { GroupPlan } from '../schedule/plan.ts';
import { RECORDED_JOBS } from '../sim/recorded.ts';
import type { SimCohort, SimGroup } from '../sim/simulate.ts';
import type { ActualRun } from '../rehearse/actual.ts';
import type { QueueWait } from '../kueue/wait.ts';
import { actualLane } from './rehearsed.ts';
import { maxWaves } from './grid.ts';
import type { Drawing, Shape } from './shapes.ts';
import {
  TIMELINE_DEFAULTS,
  type TimelineGroup,
  type TimelineLane,
  type TimelineLayout,
  type TimeWindow,
} from './timelineModel.ts';
import { plannedLane, plannedOutline, simulatedLane } from './timelineLanes.ts';
import { groupNotes, markers, waitBand } from './timelineNotes.ts';
import { axis } from './timelineAxis.ts';

export {
  TIMELINE_DEFAULTS,
  type TimelineGroup,
  type TimelineLane,
  type TimelineLayout,
  type TimeWindow,
};
export { describeTimeline, simNote } from './timelineNotes.ts';

/**
 * `actual`: a rehearsal's run, drawn over the plan's outline instead of the plan (or the
 * simulated run); its makespan in hours, null when some pod never started or ended. `wait`: the
 * wait in Kueue's queue before the run (judge.ts `queueWait`), not drawn with a rehearsal.
 */
export function timelineLayout(
  schedule: Schedule,
  options: Partial<typeof TIMELINE_DEFAULTS> = {},
  actual: { readonly run: ActualRun; readonly makespan: number | null } | null = null,
  wait: QueueWait | null = null,
): TimelineLayout {
  const o = { ...TIMELINE_DEFAULTS, ...options };
  const sim = actual ? null : schedule.simulated;
  const simByName = new Map((sim?.groups ?? []).map((g) => [g.name, g]));
  const ordered = [...schedule.plan.groups].sort(
    (a, b) => a.figures.globalOrder - b.figures.globalOrder,
  );
  let y = o.axis;
  const groups: TimelineGroup[] = ordered.map((plan) => {
    const simGroup = simByName.get(plan.figures.name) ?? null;
    const lanes = groupLanes(plan, simGroup, sim !== null, actual !== null, y + o.header, o);
    const last = lanes.at(-1);
    const height = Math.max(o.header, last ? last.y + last.rows * o.row - y : 0);
    const group: TimelineGroup = {
      plan,
      name: plan.figures.name,
      y,
      height,
      lanes,
      sim: simGroup,
      actual: actual?.run.groups.get(plan.figures.name) ?? null,
    };
    y += height + o.gap;
    return group;
  });
  const plannedMakespan = schedule.plan.makespan;
  const simEnd = sim ? lastTime(sim.groups) : 0;
  // Nothing runs (all paused or empty): an hour of axis, never a zero-length one.
  const span = Math.max(plannedMakespan, sim?.makespan ?? 0, simEnd, actual?.run.end ?? 0) || 1;
  const drawn = wait && !actual ? waitWidth(wait, span) : 0;
  return {
    groups,
    row: o.row,
    height: Math.max(o.axis, y - o.gap),
    plannedMakespan,
    simulated: sim ? { makespan: sim.makespan } : null,
    span,
    maxWaves: maxWaves(schedule.plan.groups.map((g) => g.figures)),
    leftOut: schedule.plan.leftOut,
    rehearsal: actual && {
      makespan: actual.makespan,
      failed: [...actual.run.groups.values()].reduce((n, g) => n + g.failed, 0),
    },
    wait:
      wait && !actual
        ? {
            ...wait,
            drawn,
            label: waitLabel(wait, drawn),
          }
        : null,
    start: drawn ? -drawn : 0,
  };
}

/** The wait's words, and whether its band is drawn shorter or longer than the wait. */
function waitLabel(wait: QueueWait, drawn: number): string {
  if (wait.hours === null || wait.hours === drawn) return wait.label;
  return `${wait.label} (band ${wait.hours > drawn ? 'shortened' : 'widened to be seen'})`;
}

/**
 * The band's width in hours: the wait itself up to three times the run (the run keeps a quarter
 * of the axis), shortened past that; a quarter of the run when the wait is not known; never too
 * thin to be seen.
 */
function waitWidth(wait: QueueWait, span: number): number {
  return wait.hours === null ? span / 4 : Math.min(3 * span, Math.max(wait.hours, span / 16));
}

/**
 * A group's lanes from `top` down: a lane per Job while there are few; on the cluster, past
 * the Jobs recorded one by one, a lane per wave of Jobs that queue together (or one band when
 * they all start at once); planned, one band of all Jobs.
 */
function groupLanes(
  plan: GroupPlan,
  simGroup: SimGroup | null,
  simulated: boolean,
  rehearsed: boolean,
  top: number,
  o: typeof TIMELINE_DEFAULTS,
): TimelineLane[] {
  const figures = plan.figures;
  const count = figures.count ?? 0;
  const p = figures.effectiveParallelism ?? 0;
  const aggregated = p > o.maxSlots;
  // One lane per Job only for the Jobs the simulation records one by one.
  const band = count > (simulated ? Math.min(o.maxSimLanes, RECORDED_JOBS) : o.maxLanes);
  // Past that, a lane per wave of Jobs that queue together, when they do not all start at once.
  const waves = band && figures.state === 'runs' ? cohortLanes(simGroup, o.maxSimLanes) : null;
  // A simulated or rehearsed band shows how many of its pods run over time: it gets room for that.
  const rows =
    figures.state !== 'runs'
      ? 1
      : waves
        ? 1
        : (simulated || rehearsed) && (band || aggregated)
          ? 3
          : aggregated
            ? 1
            : p;
  const jobsLabel = (a: number, b: number) =>
    a === b ? `${figures.name} ${a}` : `${figures.name} ${a}–${b} (${num(b - a + 1)} Jobs)`;
  const laneCount =
    count === 0 || figures.state === 'unknown' ? 0 : waves ? waves.length : band ? 1 : count;
  return Array.from({ length: laneCount }, (_, j) => {
    const cohorts = waves?.[j];
    const firstJob = cohorts ? cohorts[0]!.firstJob : band ? 0 : j;
    const lastJob = cohorts ? cohorts.at(-1)!.lastJob : band ? count - 1 : j;
    return {
      label: band ? jobsLabel(firstJob, lastJob) : `${figures.name} ${j}`,
      firstJob,
      lastJob,
      y: top + j * (rows * o.row + o.laneGap),
      rows,
      aggregated: cohorts ? false : aggregated,
      ...(cohorts && { cohorts }),
    };
  });
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

/** The window that shows the whole run with a little room after it. */
export function wholeWindow(layout: TimelineLayout, width: number): TimeWindow {
  return { t0: layout.start, t1: layout.span * 1.04, width, height: layout.height + 8 };
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
  waitBand(out, layout, x, o.axis, height, right);
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
