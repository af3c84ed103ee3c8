/**
 * The timeline as geometry: per group (in global-index order) lanes of Jobs, each with one row
 * per pod slot (`P_eff` of them run at once); pod b of a Job runs in wave floor(b / P_eff), in
 * its slot b mod P_eff, for one pod duration. All Jobs of a group run the same schedule, so many
 * Jobs compress into one band drawn once with a count, and many slots into one row.
 */
import type { Expansion, GroupFigures } from '../jobset/expand.ts';
import { durationOf, makespan, type Durations } from '../jobset/pods.ts';

export interface TimelineLane {
  readonly label: string;
  /** First and last Job index the lane stands for. */
  readonly firstJob: number;
  readonly lastJob: number;
  readonly y: number;
  /** Slot rows drawn: one per running pod, or one standing for all when there are many. */
  readonly rows: number;
  readonly aggregated: boolean;
}

export interface TimelineGroup {
  readonly index: number;
  readonly name: string;
  readonly y: number;
  readonly height: number;
  readonly duration: number;
  readonly lanes: readonly TimelineLane[];
  readonly figures: GroupFigures;
}

export interface TimelineLayout {
  readonly groups: readonly TimelineGroup[];
  readonly row: number;
  readonly height: number;
  /** The design's length in time units (max over groups of waves x duration). */
  readonly makespan: number;
}

export const TIMELINE_DEFAULTS = {
  row: 12,
  header: 20,
  laneGap: 6,
  gap: 14,
  maxLanes: 6,
  maxSlots: 4,
};

export function timelineLayout(
  expansion: Expansion,
  durations: Durations = {},
  options: Partial<typeof TIMELINE_DEFAULTS> = {},
): TimelineLayout {
  const o = { ...TIMELINE_DEFAULTS, ...options };
  const ordered = expansion.groups
    .map((figures, index) => ({ figures, index }))
    .sort((a, b) => a.figures.globalOrder - b.figures.globalOrder);
  let y = 0;
  const groups: TimelineGroup[] = ordered.map(({ figures, index }) => {
    const count = figures.count ?? 0;
    const p = figures.effectiveParallelism ?? 0;
    const aggregated = p > o.maxSlots;
    const rows = figures.state === 'runs' ? (aggregated ? 1 : p) : 1;
    const laneHeight = rows * o.row;
    const lanes: TimelineLane[] = [];
    let ly = y + o.header;
    const band = count > o.maxLanes;
    const laneCount = count === 0 ? 0 : band ? 1 : count;
    for (let j = 0; j < laneCount; j++) {
      const firstJob = band ? 0 : j;
      const lastJob = band ? count - 1 : j;
      lanes.push({
        label: band
          ? `${figures.name} 0–${count - 1} (${count.toLocaleString('en-US')} identical Jobs)`
          : `${figures.name} ${j}`,
        firstJob,
        lastJob,
        y: ly,
        rows,
        aggregated,
      });
      ly += laneHeight + o.laneGap;
    }
    const height = Math.max(o.header, ly - y - (laneCount ? o.laneGap : 0));
    const group: TimelineGroup = {
      index,
      name: figures.name,
      y,
      height,
      duration: durationOf(durations, figures.name),
      lanes,
      figures,
    };
    y += height + o.gap;
    return group;
  });
  return {
    groups,
    row: o.row,
    height: Math.max(0, y - o.gap),
    makespan: makespan(expansion, durations) ?? 0,
  };
}

/** Pod index running in `slot` during `wave` of any Job of the group, or null if none. */
export function podInSlot(g: GroupFigures, wave: number, slot: number): number | null {
  const p = g.effectiveParallelism;
  const c = g.completions;
  if (!p || c === null || slot >= p || wave < 0) return null;
  const b = wave * p + slot;
  return b < c ? b : null;
}

/** How full the last wave is (0..1]: below 1 the last wave leaves slots empty. */
export function lastWaveFill(g: GroupFigures): number {
  const p = g.effectiveParallelism;
  const c = g.completions;
  if (!p || !c || !g.waves) return 1;
  return (c - (g.waves - 1) * p) / p;
}
