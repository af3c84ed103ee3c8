/**
 * A rehearsal's plan: every pod of a small design, with its six variables, its place (the port
 * it listens on is the base port plus this place, as `jobset_env.py` computes it), what it
 * requests, how long its stand-in work lasts, and when the designer's schedule says it runs, in
 * seconds (hours scaled by `secondsPerHour`): the planned run, or the simulated run on the
 * user's cluster when the design sets a capacity. The processes themselves are the CLI's.
 */
import type { Analysis } from '../analysis.ts';
import { productOf, type GroupFigures } from '../jobset/expand.ts';
import { byCodePoint } from '../jobset/names.ts';
import { podAt, type PodEnv } from '../schedule/pods.ts';
import { podSpan } from '../schedule/plan.ts';
import type { Capacity, DesignSettings } from '../settings.ts';
import { simulate } from '../sim/simulate.ts';
import type { Span } from '../record/record.ts';

/** The most pods a rehearsal starts unless told otherwise. */
export const DEFAULT_MAX_PODS = 256;

export interface RehearsalPod {
  readonly name: string;
  readonly group: string;
  readonly jobIndex: number;
  readonly podIndex: number;
  /**
   * Its place in the design: groups by name (code point), then Job, then pod index, as
   * `jobset_env.py` numbers ports (paused groups count: their pods keep their places).
   */
  readonly ordinal: number;
  readonly env: PodEnv;
  /** Seconds its stand-in work lasts: the group's pod duration, scaled. */
  readonly workSeconds: number;
  /** When the designer's schedule runs it; null when it never starts (on the cluster). */
  readonly planned: Span | null;
}

export interface RehearsalGroup {
  readonly name: string;
  readonly count: number;
  readonly completions: number;
  /** Pods of one Job at once: `min(parallelisms, completions)`; 0 while paused. */
  readonly parallelism: number;
  /** Per pod, in thousandths of a CPU and of a GB, and whole GPUs of `product`. */
  readonly cpus: number;
  readonly ram: number;
  readonly gpus: number;
  readonly product: string;
  /** Index of its first pod in `pods`. */
  readonly firstPod: number;
}

export interface RehearsalPlan {
  /** In the scheduling order: groups by name, then Job, then pod index (= `ordinal`). */
  readonly pods: readonly RehearsalPod[];
  readonly groups: readonly RehearsalGroup[];
  readonly capacity: Capacity | null;
  readonly secondsPerHour: number;
  /** Seconds; null when the planned run never finishes on the cluster. */
  readonly makespan: number | null;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: RehearsalPlan }
  | { readonly ok: false; readonly reason: string };

export function rehearsalPlan(
  analysis: Analysis,
  settings: DesignSettings,
  secondsPerHour: number,
  maxPods: number = DEFAULT_MAX_PODS,
): PlanResult {
  const expansion = analysis.expansion;
  const schedule = analysis.schedule;
  if (!analysis.valid || !expansion || !schedule) {
    return { ok: false, reason: 'the manifest is not a valid jobset design' };
  }
  // A paused group (parallelisms: 0) never starts a pod: there is nothing of it to rehearse.
  const ordered = [...schedule.plan.groups]
    .filter((g) => g.figures.state === 'runs')
    .sort((a, b) => byCodePoint(a.name, b.name));
  const total = ordered.reduce((n, g) => n + (g.figures.pods ?? 0), 0);
  if (total > maxPods) return { ok: false, reason: tooMany(total, maxPods, expansion.groups) };
  const capacity = settings.capacity ?? null;
  // Every Job's batches: the rehearsal needs each pod's planned start, not the timeline's lanes.
  const sim = capacity ? simulate(schedule.plan, capacity, settings, Infinity) : null;
  const simulated = new Map(sim?.groups.map((g) => [g.name, g]));
  const scale = (h: number) => round(h * secondsPerHour);
  const pods: RehearsalPod[] = [];
  const groups: RehearsalGroup[] = [];
  const places = placesOf(expansion.groups);
  for (const g of ordered) {
    const f = g.figures;
    groups.push(groupOf(f, pods.length));
    const spans = capacity ? simSpans(simulated.get(g.name)?.jobs) : null;
    for (let a = 0; a < (f.count ?? 0); a++) {
      for (let b = 0; b < (f.completions ?? 0); b++) {
        const pod = podAt(expansion, g, a, b)!;
        const hours = capacity ? (spans?.[a]?.[b] ?? null) : podSpan(g, b);
        pods.push({
          name: pod.name,
          group: g.name,
          jobIndex: a,
          podIndex: b,
          ordinal: places.get(g.name)! + a * (f.completions ?? 0) + b,
          env: pod.env,
          workSeconds: scale(g.duration),
          planned: hours && {
            start: scale(hours.start),
            end: hours.end === null ? null : scale(hours.end),
          },
        });
      }
    }
  }
  const makespan = sim ? sim.makespan : schedule.plan.makespan;
  return {
    ok: true,
    plan: {
      pods,
      groups,
      capacity,
      secondsPerHour,
      makespan: makespan === null ? null : scale(makespan),
    },
  };
}

/** Where each group's pods start in the design's places (every group, by name). */
function placesOf(groups: readonly GroupFigures[]): Map<string, number> {
  const out = new Map<string, number>();
  let n = 0;
  for (const f of [...groups].sort((a, b) => byCodePoint(a.name, b.name))) {
    out.set(f.name, n);
    n += (f.count ?? 0) * (f.completions ?? 0);
  }
  return out;
}

function groupOf(f: GroupFigures, firstPod: number): RehearsalGroup {
  return {
    name: f.name,
    count: f.count ?? 0,
    completions: f.completions ?? 0,
    parallelism: f.state === 'runs' ? (f.effectiveParallelism ?? 0) : 0,
    cpus: milli(f.pod.cpus ?? 0),
    ram: milli(f.pod.ramGB ?? 0),
    gpus: f.pod.gpus ?? 0,
    product: productOf(f),
    firstPod,
  };
}

/** Per Job, per pod index: the span of the batch it started in. */
function simSpans(
  jobs: readonly (readonly {
    first: number;
    n: number;
    start: number;
    end: number | null;
  }[])[] = [],
): (Span | undefined)[][] {
  return jobs.map((batches) => {
    const out: (Span | undefined)[] = [];
    for (const batch of batches) {
      for (let b = batch.first; b < batch.first + batch.n; b++) {
        out[b] = { start: batch.start, end: batch.end };
      }
    }
    return out;
  });
}

function tooMany(total: number, max: number, groups: readonly GroupFigures[]): string {
  const biggest = [...groups].sort((a, b) => (b.pods ?? 0) - (a.pods ?? 0))[0];
  const hint =
    biggest && (biggest.count ?? 0) > 1
      ? ` For a rehearsal, shrink the design: lower "${biggest.name}"'s count (${biggest.count}) or completions (${biggest.completions}), which make ${biggest.pods} of them; the barrier, the waves and the sweep's first points behave the same with fewer pods.`
      : ' For a rehearsal, shrink the design: lower the largest group\u2019s count or completions.';
  return `the design has ${total} pods; a rehearsal starts at most ${max} processes (--max-pods ${max}).${hint}`;
}

const milli = (x: number) => Math.round(x * 1000);

/** Seconds to the millisecond: 0.1 x 3 reads 0.3. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
