/**
 * The schedule model: the planned run (unlimited cluster) and, when the user gives their
 * cluster's free capacity, the simulated run on it; and the headline figures that say which run
 * they describe. Views, exports and the CLI read the schedule here and compute none of it.
 */
import type { Usage } from '../cost/usage.ts';
import type { Expansion } from '../jobset/expand.ts';
import type { DesignSettings } from '../settings.ts';
import { simulate, type Simulation } from '../sim/simulate.ts';
import { plan, type Plan } from '../schedule/plan.ts';

export interface Schedule {
  readonly plan: Plan;
  /** The run on the user's cluster; null without a capacity, or when the design is too large to simulate. */
  readonly simulated: Simulation | null;
  /** A capacity is set but the design needs more batches than the simulation runs. */
  readonly tooLargeToSimulate: boolean;
}

export function schedule(expansion: Expansion, settings: DesignSettings = {}): Schedule {
  const p = plan(expansion, settings);
  const capacity = settings.capacity ?? null;
  const simulated = capacity ? simulate(p, capacity, settings) : null;
  return { plan: p, simulated, tooLargeToSimulate: capacity !== null && simulated === null };
}

/** The figures to lead with: those of the run the user will get. */
export interface Headline {
  /** `cluster` when a capacity is set and simulated, else `unlimited`. */
  readonly run: 'unlimited' | 'cluster';
  /** Hours; null when the run never finishes on the cluster. */
  readonly makespan: number | null;
  readonly requestedCost: number | null;
  readonly reservedCost: number | null;
  /** The planned (unlimited) figures, to show beside them when they differ. */
  readonly planned: {
    readonly makespan: number;
    readonly requestedCost: number | null;
    readonly reservedCost: number | null;
  };
  /** True when the run on the cluster differs from the plan in time or cost. */
  readonly differs: boolean;
  /** Groups left out of the figures because their own are not valid. */
  readonly leftOut: readonly string[];
}

export function headline(s: Schedule, usage: Usage): Headline {
  const planned = {
    makespan: s.plan.makespan,
    requestedCost: usage.requestedCost,
    reservedCost: usage.reservedCost,
  };
  const sim = s.simulated;
  if (!sim)
    return { run: 'unlimited', ...planned, planned, differs: false, leftOut: s.plan.leftOut };
  const differs =
    sim.makespan !== planned.makespan ||
    !sameMoney(sim.requestedCost, planned.requestedCost) ||
    !sameMoney(sim.reservedCost, planned.reservedCost);
  return {
    run: 'cluster',
    makespan: sim.makespan,
    requestedCost: sim.requestedCost,
    reservedCost: sim.reservedCost,
    planned,
    differs,
    leftOut: s.plan.leftOut,
  };
}

/** Two amounts of dollars that show the same cents (or are both unknown). */
export function sameMoney(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 0.005;
}

export {
  plan,
  podInSlot,
  podsInWave,
  podSpan,
  podWave,
  type GroupPlan,
  type Plan,
} from '../schedule/plan.ts';
