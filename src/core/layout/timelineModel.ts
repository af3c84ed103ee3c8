/** The timeline's model: its lanes, groups and layout, the defaults, the window in view. */
import type { GroupPlan } from '../schedule/plan.ts';
import type { SimCohort, SimGroup } from '../sim/simulate.ts';
import type { ActualGroup } from '../rehearse/actual.ts';
import type { QueueWait } from '../kueue/wait.ts';

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
  /**
   * The wait in Kueue's queue before the run, drawn as a band before hour 0 `drawn` hours wide
   * (the true wait when it is known and at most three runs long; else a width that leaves the
   * run readable, its words saying how long, and that the band is shortened).
   */
  readonly wait: (QueueWait & { readonly drawn: number }) | null;
  /** Where the axis starts: hour 0, or the start of the wait's band. */
  readonly start: number;
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

/** A window on the time axis: hours `[t0, t1]` across a drawing `width` pixels wide. */
export interface TimeWindow {
  readonly t0: number;
  readonly t1: number;
  readonly width: number;
  readonly height: number;
  /** Pixels the lanes are scrolled up by. */
  readonly scrollY?: number;
}

export type X = (t: number) => number;
