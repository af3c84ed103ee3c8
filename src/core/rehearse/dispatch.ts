/**
 * Which pods a live rehearsal starts, and when: the simulation's policy (`sim/simulate.ts`)
 * applied one event at a time to real processes, whose ends are not known in advance. All Jobs
 * start together; a Job runs at most `parallelism` pods at once and starts its next index as
 * one ends; on a cluster of limited free capacity, pods go in the scheduling order (groups by
 * name, then Job, then pod index) and start as soon as their requests fit. A failed pod frees
 * its place like a finished one: the rehearsal shows every failure rather than stop at the first.
 *
 * The state is plain data changed in place by the two functions below; the CLI calls them as
 * processes end. A test replays them in virtual time and gets the simulation's start times.
 */
import type { RehearsalPlan } from './plan.ts';

export interface DispatchState {
  readonly plan: RehearsalPlan;
  /** Per group, per Job: pods started so far (the next index to start) and running now. */
  readonly started: number[][];
  readonly running: number[][];
  /** Free capacity in thousandths (CPUs, GB) and GPUs by product; Infinity where unlimited. */
  cpus: number;
  ram: number;
  readonly gpus: Map<string, number> | null;
}

export function dispatchState(plan: RehearsalPlan): DispatchState {
  const c = plan.capacity;
  return {
    plan,
    started: plan.groups.map((g) => new Array<number>(g.count).fill(0)),
    running: plan.groups.map((g) => new Array<number>(g.count).fill(0)),
    cpus: c?.cpus === undefined ? Infinity : Math.round(c.cpus * 1000),
    ram: c?.ramGB === undefined ? Infinity : Math.round(c.ramGB * 1000),
    gpus: c?.gpus === undefined ? null : new Map(Object.entries(c.gpus)),
  };
}

/** The pods (indexes into `plan.pods`) to start now; their places are taken. */
export function startNow(s: DispatchState): number[] {
  const out: number[] = [];
  s.plan.groups.forEach((g, gi) => {
    if (g.parallelism <= 0) return;
    for (let j = 0; j < g.count; j++) {
      const started = s.started[gi]!;
      const running = s.running[gi]!;
      while (running[j]! < g.parallelism && started[j]! < g.completions) {
        if (!fits(s, gi)) return; // every pod of the group asks the same: none fits
        take(s, gi, 1);
        out.push(g.firstPod + j * g.completions + started[j]!);
        started[j]!++;
        running[j]!++;
      }
    }
  });
  return out;
}

/** A pod has ended (whatever its exit code): its place is free. */
export function ended(s: DispatchState, pod: number): void {
  const p = s.plan.pods[pod]!;
  const gi = s.plan.groups.findIndex((g) => g.name === p.group);
  s.running[gi]![p.jobIndex]!--;
  take(s, gi, -1);
}

/** Pods never started: those left when nothing runs and nothing fits. */
export function notStarted(s: DispatchState): number[] {
  const out: number[] = [];
  s.plan.groups.forEach((g, gi) => {
    for (let j = 0; j < g.count; j++) {
      for (let b = s.started[gi]![j]!; b < g.completions; b++) {
        out.push(g.firstPod + j * g.completions + b);
      }
    }
  });
  return out;
}

function fits(s: DispatchState, gi: number): boolean {
  const g = s.plan.groups[gi]!;
  const gpusFree = s.gpus === null ? Infinity : (s.gpus.get(g.product) ?? 0);
  return g.cpus <= s.cpus && g.ram <= s.ram && (g.gpus === 0 || g.gpus <= gpusFree);
}

function take(s: DispatchState, gi: number, sign: 1 | -1): void {
  const g = s.plan.groups[gi]!;
  s.cpus -= sign * g.cpus;
  s.ram -= sign * g.ram;
  if (s.gpus !== null && g.gpus > 0) {
    s.gpus.set(g.product, (s.gpus.get(g.product) ?? 0) - sign * g.gpus);
  }
}
