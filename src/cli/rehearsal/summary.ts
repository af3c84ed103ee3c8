/**
 * What a rehearsal's run comes to: each pod's outcome (planned against actual, its exit, why it
 * failed or never started) and the rehearsal's own, for the record.
 */
import { notStarted, type Outcome, type PodOutcome, type RehearsalPlan } from '../../core/index.ts';
import type { DispatchState } from '../../core/rehearse/dispatch.ts';
import type { RehearseOptions } from './options.ts';
import { delayOf, type Live } from './pod.ts';

/** A run once every pod has ended or will never start. */
interface Ended {
  readonly plan: RehearsalPlan;
  readonly o: RehearseOptions;
  readonly state: DispatchState;
  readonly live: readonly Live[];
  readonly stopping: Outcome | null;
}

/** Each pod's outcome (its log's tail aside), and the rehearsal's. */
export function podOutcomes(run: Ended): { outcome: Outcome; pods: Omit<PodOutcome, 'tail'>[] } {
  const never = new Set(notStarted(run.state));
  const pods = run.plan.pods.map((p, i): Omit<PodOutcome, 'tail'> => {
    const l = run.live[i]!;
    const status = l.start === null ? 'not-started' : l.exitCode === 0 ? 'succeeded' : 'failed';
    return {
      name: p.name,
      group: p.group,
      jobIndex: p.jobIndex,
      podIndex: p.podIndex,
      planned: p.planned,
      actual: l.start === null ? null : { start: l.start, end: l.end },
      firstOutput: l.firstOutput,
      exitCode: l.exitCode,
      signal: l.signal,
      status,
      delay: round3(delayOf(run.o, p.name)),
      killAfter: run.o.kills.get(p.name) ?? null,
      log: `pods/${p.name}.log`,
      reason:
        status === 'succeeded'
          ? null
          : status === 'failed'
            ? l.reason
            : notStartedReason(run.stopping, never.has(i)),
    };
  });
  const outcome: Outcome =
    run.stopping ?? (pods.every((p) => p.status === 'succeeded') ? 'succeeded' : 'failed');
  return { outcome, pods };
}

/** Why a pod never started: the rehearsal stopped first, or the cluster never had room for it. */
function notStartedReason(stopping: Outcome | null, never: boolean): string {
  return stopping
    ? `the rehearsal ${stopping === 'timed-out' ? 'timed out' : 'was stopped'} before it started`
    : never
      ? 'the cluster\u2019s free capacity never had room for it'
      : 'not started';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
