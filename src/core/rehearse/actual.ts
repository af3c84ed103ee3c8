/**
 * A rehearsal's actual run in the timeline's units: hours of pod time (the record's seconds
 * divided by its seconds per hour), by group and Job, with each pod's outcome; and the pod
 * details' view of one pod. Pods of the record that the design no longer has are left to the
 * views to ignore: they ask by group, Job and name.
 */
import type { GroupFigures } from '../jobset/expand.ts';
import type { PodOutcome, PodStatus, RehearsalRecord } from '../record/record.ts';

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
  for (const p of r.pods) {
    const list = by.get(p.group);
    if (list) list.push(p);
    else by.set(p.group, [p]);
  }
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
      const job = jobs.get(p.jobIndex);
      if (job) job.push(a);
      else jobs.set(p.jobIndex, [a]);
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

/** A record's pods by name, for the pod details (made once per record). */
export function outcomesByName(r: RehearsalRecord): ReadonlyMap<string, PodOutcome> {
  return new Map(r.pods.map((p) => [p.name, p]));
}

/** How a design differs from the one a record rehearsed, by pods. */
export interface Drift {
  /** Pods of the record the design does not have (first ones, for messages). */
  readonly gone: readonly string[];
  readonly goneCount: number;
  /** Pods the design runs that the record does not have. */
  readonly unrehearsed: number;
}

export function driftOf(r: RehearsalRecord, groups: readonly GroupFigures[]): Drift {
  const by = new Map(groups.map((g) => [g.name, g]));
  const gone: string[] = [];
  let goneCount = 0;
  for (const p of r.pods) {
    const g = by.get(p.group);
    if (!g || p.jobIndex >= (g.count ?? 0) || p.podIndex >= (g.completions ?? 0)) {
      goneCount++;
      if (gone.length < 3) gone.push(p.name);
    }
  }
  const runs = groups.reduce((n, g) => n + (g.state === 'runs' ? (g.pods ?? 0) : 0), 0);
  return { gone, goneCount, unrehearsed: Math.max(0, runs - (r.pods.length - goneCount)) };
}
