/**
 * A rehearsal's actual run in the timeline's units: hours of pod time (the record's seconds
 * divided by its seconds per hour), by group and Job, with each pod's outcome; and the pod
 * details' view of one pod. Pods of the record that the design no longer has are left to the
 * views to ignore: they ask by group, Job and name.
 */
import type { PodOutcome, PodStatus, RehearsalRecord } from './record.ts';

export interface ActualPod {
  readonly name: string;
  readonly podIndex: number;
  /** Hours from the rehearsal's start; end null when it never ended. */
  readonly start: number;
  readonly end: number | null;
  readonly status: PodStatus;
  readonly exitCode: number | null;
  readonly signal: string | null;
}

export interface ActualGroup {
  /** Started pods by Job index, in start order. */
  readonly jobs: ReadonlyMap<number, readonly ActualPod[]>;
  /** A step function of how many of its pods run: from `t[i]` on, `running[i]`. */
  readonly profile: { readonly t: readonly number[]; readonly running: readonly number[] };
  readonly failed: number;
  readonly notStarted: number;
}

export interface ActualRun {
  readonly groups: ReadonlyMap<string, ActualGroup>;
  /** Hours: the last end (or start) of any pod. */
  readonly end: number;
  /** Whole hours per record second: 1 / secondsPerHour. */
  readonly hoursPerSecond: number;
}

export function actualRun(r: RehearsalRecord): ActualRun {
  const k = 1 / r.options.secondsPerHour;
  const by = new Map<string, PodOutcome[]>();
  for (const p of r.pods) by.set(p.group, [...(by.get(p.group) ?? []), p]);
  let end = 0;
  const groups = new Map<string, ActualGroup>();
  for (const [name, pods] of by) {
    const jobs = new Map<number, ActualPod[]>();
    const started: ActualPod[] = [];
    for (const p of pods) {
      if (!p.actual) continue;
      const a: ActualPod = {
        name: p.name,
        podIndex: p.podIndex,
        start: p.actual.start * k,
        end: p.actual.end === null ? null : p.actual.end * k,
        status: p.status,
        exitCode: p.exitCode,
        signal: p.signal,
      };
      jobs.set(p.jobIndex, [...(jobs.get(p.jobIndex) ?? []), a]);
      started.push(a);
      end = Math.max(end, a.end ?? a.start);
    }
    for (const list of jobs.values()) list.sort((x, y) => x.start - y.start);
    groups.set(name, {
      jobs,
      profile: runningProfile(started),
      failed: pods.filter((p) => p.status === 'failed').length,
      notStarted: pods.filter((p) => p.status === 'not-started').length,
    });
  }
  return { groups, end, hoursPerSecond: k };
}

/** How many of some pods run over time: from `t[i]` on, `running[i]`. */
export function runningProfile(pods: readonly ActualPod[]): {
  t: number[];
  running: number[];
} {
  const edges = pods.flatMap((p) => [
    { t: p.start, d: 1 },
    ...(p.end === null ? [] : [{ t: p.end, d: -1 }]),
  ]);
  // An end before a start at the same instant: a place freed is taken again.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  const t: number[] = [];
  const running: number[] = [];
  let now = 0;
  for (const e of edges) {
    now += e.d;
    if (t.length && t[t.length - 1] === e.t) running[running.length - 1] = now;
    else {
      t.push(e.t);
      running.push(now);
    }
  }
  return { t, running };
}

/** One pod's outcome in a record, by name. */
export function podOutcome(r: RehearsalRecord, name: string): PodOutcome | null {
  return r.pods.find((p) => p.name === name) ?? null;
}
