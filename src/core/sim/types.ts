/** The simulated run as the views, the findings and the rehearsal read it. */

/** Pods of one Job started together, and when they worked. */
export interface SimBatch {
  /** First pod index of the batch, and how many pods. */
  readonly first: number;
  readonly n: number;
  readonly start: number;
  /** When the pods start working: later than `start` while a synchronous group waits; null if never. */
  readonly workStart: number | null;
  /** Null when the batch never finishes (a synchronous group that never gets all its pods up). */
  readonly end: number | null;
}

/**
 * Jobs that first started together (or, past MAX_COHORTS, neighbouring such runs merged): Jobs
 * start in index order, so each is a range. Jobs that never start form the last one, `start` null.
 */
export interface SimCohort {
  readonly firstJob: number;
  readonly lastJob: number;
  /** First start of its first Job and of its last Job (equal unless merged); null: never. */
  readonly start: number | null;
  readonly lastStart: number | null;
  /** When its last pod ends; null if never. */
  readonly end: number | null;
}

/** A step function of the group's pods over time: from `t[i]` on, `running[i]` are up, `idle[i]` of them waiting. */
export interface SimProfile {
  readonly t: readonly number[];
  readonly running: readonly number[];
  readonly idle: readonly number[];
}

export interface SimGroup {
  readonly name: string;
  /** Start of the first pod, start of the last, end of the last (hours); null if never. */
  readonly firstStart: number | null;
  readonly lastStart: number | null;
  readonly end: number | null;
  /** Hours the group's last pod ends later than it would on an unlimited cluster. */
  readonly delay: number | null;
  /** Pods that started later than on an unlimited cluster, and their total waiting time. */
  readonly delayedPods: number;
  readonly waitingPodHours: number;
  /** Some pod of the group never starts (the cluster is too small, or held by a waiting group). */
  readonly neverStarts: boolean;
  /** For a group marked synchronous: when all its pods of the first wave are up. */
  readonly synchronous: {
    readonly allUpAt: number | null;
    /** GPU-hours and pod-hours its early pods hold while waiting for the others. */
    readonly idleGpuHours: number;
    readonly idlePodHours: number;
    /** The cluster cannot hold all of its pods at once: it never does useful work. */
    readonly canNeverStart: boolean;
  } | null;
  readonly profile: SimProfile;
  /** Batches of Jobs 0 .. RECORDED_JOBS - 1 (or as many as asked for), in start order. */
  readonly jobs: readonly (readonly SimBatch[])[];
  /** Every Job, as runs of Jobs by first start: which queue, and for how long. */
  readonly cohorts: readonly SimCohort[];
}

export interface SimSeries {
  readonly t: readonly number[];
  readonly running: readonly number[];
  readonly pending: readonly number[];
  readonly gpus: readonly number[];
  readonly costPerHour: readonly number[];
}

export interface Simulation {
  /** Null when some pod never starts or never finishes. */
  readonly makespan: number | null;
  /** The makespan on an unlimited cluster (the plan's). */
  readonly idealMakespan: number;
  /** In global-index order (the order pods are scheduled in). */
  readonly groups: readonly SimGroup[];
  readonly series: SimSeries;
  /** Dollars: what the pods hold over the run (idle waiting included), and the peak rate held for the whole run. */
  readonly requestedCost: number | null;
  readonly reservedCost: number | null;
  /** Batches of pods started (the simulation's unit of work). */
  readonly batches: number;
}
