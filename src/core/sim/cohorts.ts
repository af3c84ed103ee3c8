/**
 * Cohorts: Jobs that first started together, recorded as the run goes (merged in pairs past
 * MAX_COHORTS), so the timeline can draw a lane per wave of queued Jobs.
 */
import type { SimCohort } from './types.ts';

/** Cohorts kept per group: past this, neighbours merge in pairs (what a timeline can show). */
export const MAX_COHORTS = 2_048;

export type MutableCohort = { -readonly [K in keyof SimCohort]: SimCohort[K] };

/** Job `j` first starts at `t`: it joins the last cohort if that one's last Job started then too. */
export function startCohort(cohorts: MutableCohort[], j: number, t: number) {
  const last = cohorts.at(-1);
  if (last && last.lastJob === j - 1 && last.lastStart === t) {
    last.lastJob = j;
    return;
  }
  cohorts.push({ firstJob: j, lastJob: j, start: t, lastStart: t, end: null });
  if (cohorts.length <= MAX_COHORTS) return;
  // Too many to draw apart: merge neighbours in pairs (the last stays open to grow).
  const merged: MutableCohort[] = [];
  for (let i = 0; i + 1 < cohorts.length; i += 2)
    merged.push(mergeCohorts(cohorts[i]!, cohorts[i + 1]!));
  if (cohorts.length % 2) merged.push(cohorts.at(-1)!);
  cohorts.splice(0, cohorts.length, ...merged);
}

function mergeCohorts(a: MutableCohort, b: MutableCohort): MutableCohort {
  return {
    firstJob: a.firstJob,
    lastJob: b.lastJob,
    start: a.start,
    lastStart: b.lastStart,
    end: a.end === null && b.end === null ? null : Math.max(a.end ?? 0, b.end ?? 0),
  };
}

/** Pods of Job `j` end at `t`: its cohort (the last one starting at or before it) ends no earlier. */
export function endCohort(cohorts: MutableCohort[], j: number, t: number) {
  let lo = 0;
  let hi = cohorts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cohorts[mid]!.firstJob <= j) lo = mid;
    else hi = mid - 1;
  }
  const c = cohorts[lo];
  if (c) c.end = Math.max(c.end ?? 0, t);
}

/**
 * The cohorts as the run left them: one that holds a Job with pods never started (or a group
 * stuck waiting) never ends, and the Jobs that never started at all form a last cohort.
 */
export function closeCohorts(
  g: {
    readonly cohorts: MutableCohort[];
    readonly started: Float64Array;
    readonly c: number;
    readonly count: number;
  },
  stuck: boolean,
): SimCohort[] {
  const out = g.cohorts.map((c) => {
    let never = stuck;
    for (let j = c.firstJob; !never && j <= c.lastJob; j++) never = g.started[j]! < g.c;
    return never ? { ...c, end: null } : c;
  });
  const next = (out.at(-1)?.lastJob ?? -1) + 1;
  if (next < g.count) {
    out.push({ firstJob: next, lastJob: g.count - 1, start: null, lastStart: null, end: null });
  }
  return out;
}
