/**
 * The planned run: when every pod of a design runs on an unlimited cluster (SEMANTICS.md, "Time").
 * This module owns the schedule facts: a pod's wave and time slot, how long a group runs and the
 * makespan. The sidebar, the canvas, the table, pod details, exports and the CLI read them here;
 * nothing else computes a wave or a makespan.
 *
 * One policy for unknown figures: a group whose count, completions or parallelisms are not valid
 * has no schedule. It is left out of the makespan and named in `leftOut`, and every view says so.
 * Paused (`parallelisms: 0`) and empty groups have a schedule: they never run a pod.
 */
import type { Expansion, GroupFigures } from '../jobset/expand.ts';
import { durationIn, type DesignSettings } from '../settings.ts';

export interface GroupPlan {
  readonly name: string;
  /** Index of the group in `expansion.groups` (manifest order). */
  readonly index: number;
  readonly figures: GroupFigures;
  /** Hours one pod runs (a design setting; 1 unless set). */
  readonly duration: number;
  /** Hours the group runs, waves x duration: 0 when it never runs, null when its figures are unknown. */
  readonly runHours: number | null;
}

export interface Plan {
  /** In the manifest's order. */
  readonly groups: readonly GroupPlan[];
  /** The longest group's run over the groups whose figures are known (0 when none runs). */
  readonly makespan: number;
  /** Groups left out of the plan because their figures are not valid. */
  readonly leftOut: readonly string[];
}

export function plan(expansion: Expansion, settings: DesignSettings = {}): Plan {
  const leftOut: string[] = [];
  let makespan = 0;
  const groups = expansion.groups.map((figures, index): GroupPlan => {
    const duration = durationIn(settings, figures.name);
    const runHours = runHoursOf(figures, duration);
    if (runHours === null) leftOut.push(figures.name);
    else makespan = Math.max(makespan, runHours);
    return { name: figures.name, index, figures, duration, runHours };
  });
  return { groups, makespan, leftOut };
}

function runHoursOf(f: GroupFigures, duration: number): number | null {
  switch (f.state) {
    case 'unknown':
      return null;
    case 'paused':
    case 'empty':
      return 0;
    case 'runs':
      return f.waves === null ? null : round(f.waves * duration);
  }
}

/** The wave pod index `b` of a Job runs in (0-based); null while the group is paused or unknown. */
export function podWave(f: GroupFigures, b: number): number | null {
  const p = f.effectiveParallelism;
  return p ? Math.floor(b / p) : null;
}

/** When pod index `b` of any Job of the group runs, in hours; null when it never does. */
export function podSpan(g: GroupPlan, b: number): { start: number; end: number } | null {
  const wave = g.figures.state === 'runs' ? podWave(g.figures, b) : null;
  if (wave === null) return null;
  return { start: round(wave * g.duration), end: round((wave + 1) * g.duration) };
}

/** The waves of the group that run at some time in `[t0, t1)`: `[first, end)`. */
export function wavesIn(g: GroupPlan, t0: number, t1: number): [number, number] {
  const waves = g.figures.state === 'runs' ? (g.figures.waves ?? 0) : 0;
  return [
    Math.min(waves, Math.max(0, Math.floor(t0 / g.duration))),
    Math.min(waves, Math.max(0, Math.ceil(t1 / g.duration))),
  ];
}

/** How many pods of one Job run in `wave` (the last wave may be partly empty). */
export function podsInWave(f: GroupFigures, wave: number): number {
  const p = f.effectiveParallelism;
  const c = f.completions;
  if (!p || c === null || wave < 0 || f.waves === null || wave >= f.waves) return 0;
  return Math.min(p, c - wave * p);
}

/** The pod index running in `slot` during `wave` of any Job, or null if that slot is empty. */
export function podInSlot(f: GroupFigures, wave: number, slot: number): number | null {
  const p = f.effectiveParallelism;
  if (!p || slot < 0 || slot >= p) return null;
  return slot < podsInWave(f, wave) ? wave * p + slot : null;
}

/** Times in hours, rounded so that 0.1 x 3 reads 0.3. */
export function round(x: number): number {
  return Number.isInteger(x) ? x : Math.round(x * 1e9) / 1e9;
}
