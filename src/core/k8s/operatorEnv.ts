/**
 * The variables a 0.2.3 operator that runs on JobSet (pytorch, xgboost, jax: one `worker`
 * type) gives its pods, as a JobSet export writes them: the coordinator's address from the
 * JobSet's own pod names (`<jobset>-worker-0-0.<jobset>`, with DNS hostnames on), the run's size
 * as written, and each pod's rank from the JobSet's `job-global-index` label (one pod per Job).
 * The values are those the designer shows (core/operators/env.ts), with the JobSet's name for
 * the experiment's.
 */
import type { Group } from '../jobset/groups.ts';
import { isOperator, PORTS, runsOnJobSet, type Operator } from '../operators/operators.ts';
import { labelPath } from './labels.ts';

/** The operators a JobSet export serves: jobset, and those that run on JobSet in 0.2.3. */
export function exportsAsJobSet(operator: string | null, groups: readonly Group[]): boolean {
  if (operator === 'jobset') return true;
  return (
    isOperator(operator) &&
    runsOnJobSet(operator) &&
    groups.length === 1 &&
    groups[0]!.name === 'worker'
  );
}

type EnvVar =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly valueFrom: { fieldRef: { fieldPath: string } } };

const RANK = {
  valueFrom: { fieldRef: { fieldPath: labelPath('jobset.sigs.k8s.io/job-global-index') } },
};

export function operatorEnv(
  operator: Operator,
  jobset: string,
  groups: readonly Group[],
): EnvVar[] {
  const replicas = groups.reduce((n, g) => n + (g.count ?? 1), 0);
  const host = (i: number) => `${jobset}-worker-${i}-0.${jobset}`;
  const world = String(replicas);
  switch (operator) {
    case 'pytorch':
      return [
        { name: 'MASTER_ADDR', value: host(0) },
        { name: 'MASTER_PORT', value: PORTS.master },
        { name: 'WORLD_SIZE', value: world },
        { name: 'RANK', ...RANK },
      ];
    case 'xgboost':
      return [
        ...operatorEnv('pytorch', jobset, groups),
        { name: 'WORKER_PORT', value: PORTS.worker },
        // Every rank but the tracker's, as written out for each pod.
        {
          name: 'WORKER_ADDRS',
          value: Array.from({ length: replicas - 1 }, (_, i) => host(i + 1)).join(','),
        },
      ];
    case 'jax':
      return [
        { name: 'JAXOPERATOR_COORDINATOR_ADDRESS', value: `${host(0)}:${PORTS.jaxCoordinator}` },
        { name: 'JAXOPERATOR_COORDINATOR_HOST', value: host(0) },
        { name: 'JAXOPERATOR_NUM_PROCESSES', value: world },
        { name: 'JAXOPERATOR_PROCESS_ID', ...RANK },
      ];
    default:
      return [];
  }
}
