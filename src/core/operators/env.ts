/**
 * A pod's name, host name and the variables its operator gives it (SEMANTICS.md "Names and
 * injected variables" and "Other operators"), in constant time for one pod. Lists of hosts
 * (`WORKER_ADDRS`, `TF_CONFIG`) name the first LISTED hosts and then say how many more, so that a
 * pod of a large run costs no more than one of a small run.
 */
import type { Expansion, GroupFigures } from '../jobset/expand.ts';
import { EXPERIMENT_NAME_PLACEHOLDER } from '../jobset/names.ts';
import { assertNever } from '../never.ts';
import { PORTS } from './operators.ts';

export type PodEnv = Readonly<Record<string, string>>;

export interface PodIdentity {
  readonly name: string;
  readonly hostname: string;
  readonly env: PodEnv;
}

const LISTED = 16;
const EXP = EXPERIMENT_NAME_PLACEHOLDER;

/** A pod's short name: `worker-3-1` (JobSet's rule) or `master-0` (a replica of a type). */
export function podName(e: Expansion, g: GroupFigures, job: number, pod: number): string {
  if (e.run.naming === 'jobset') return `${g.name}-${job}-${pod}`;
  // Slurm's tasks are the pods of its one job; elsewhere each replica is a Job of one pod.
  return `${g.name.toLowerCase()}-${g.completions === 1 ? job : pod}`;
}

export function podIdentity(
  e: Expansion,
  g: GroupFigures,
  job: number,
  pod: number,
  globalJob: number | null,
): PodIdentity {
  const name = podName(e, g, job, pod);
  return { name, hostname: `${EXP}-${name}`, env: podEnv(e, g, job, pod, globalJob) };
}

function podEnv(
  e: Expansion,
  g: GroupFigures,
  job: number,
  pod: number,
  globalJob: number | null,
): PodEnv {
  const op = e.run.operator;
  const rank = globalJob === null ? '' : String(globalJob);
  const world = e.totals.pods === null ? '' : String(e.totals.pods);
  const torch = () => ({
    MASTER_ADDR: coordinator(e),
    MASTER_PORT: PORTS.master,
    WORLD_SIZE: world,
    RANK: rank,
  });
  switch (op) {
    case 'jobset':
      return jobsetEnv(e, g, job, pod, globalJob);
    case 'pytorch':
      return torch();
    case 'xgboost':
      return {
        ...torch(),
        WORKER_PORT: PORTS.worker,
        WORKER_ADDRS: once(e, 'workers', () => hostList(e, () => true, '', 1)),
      };
    case 'jax': {
      const host = jaxCoordinatorHost(e);
      return {
        JAXOPERATOR_COORDINATOR_ADDRESS: `${host}:${PORTS.jaxCoordinator}`,
        JAXOPERATOR_COORDINATOR_HOST: host,
        JAXOPERATOR_NUM_PROCESSES: world,
        JAXOPERATOR_PROCESS_ID: rank,
      };
    }
    case 'tf':
      return tfEnv(e, g, job);
    case 'slurm':
      return {
        SLURM_PROCID: String(pod),
        SLURM_NTASKS: g.completions === null ? '' : String(g.completions),
      };
    case 'kuberay':
    case 'ray':
    case 'vertexai':
    case 'batchjob':
      return {};
    default:
      return assertNever(op);
  }
}

function jobsetEnv(
  e: Expansion,
  g: GroupFigures,
  job: number,
  pod: number,
  globalJob: number | null,
): PodEnv {
  return {
    JOB_INDEX: String(job),
    JOB_COMPLETION_INDEX: String(pod),
    JOB_GLOBAL_INDEX: globalJob === null ? '' : String(globalJob),
    GLOBAL_REPLICAS: e.totals.globalReplicas === null ? '' : String(e.totals.globalReplicas),
    REPLICATED_JOB_NAME: g.name,
    REPLICATED_JOB_REPLICAS: String(g.count),
  };
}

/** The group that holds rank 0: the first in the platform's order (`Master` before `Worker`). */
function first(e: Expansion): GroupFigures | undefined {
  return e.groups.find((x) => x.globalOrder === 0);
}

/** The host of rank 0, where the other pods find the run's coordinator. */
function coordinator(e: Expansion): string {
  const g = first(e);
  return g ? `${EXP}-${podName(e, g, 0, 0)}` : '';
}

/** JAX's coordinator: on JobSet (0.2.3), `worker-0-0.<experiment>` (the pod's DNS name). */
function jaxCoordinatorHost(e: Expansion): string {
  const g = first(e);
  if (!g) return '';
  return e.run.naming === 'jobset'
    ? `${podName(e, g, 0, 0)}.${EXP}`
    : `${EXP}-${podName(e, g, 0, 0)}`;
}

/**
 * The hosts of the groups `pick` keeps, in rank order, comma-separated; `from` skips the first
 * ranks (xgboost's workers are every rank but the tracker, rank 0).
 */
function hostList(e: Expansion, pick: (g: GroupFigures) => boolean, port = '', from = 0): string {
  const hosts: string[] = [];
  let total = 0;
  let rank = 0;
  for (const g of [...e.groups].filter(pick).sort((a, b) => a.globalOrder - b.globalOrder)) {
    const n = g.count ?? 0;
    const skip = Math.max(0, Math.min(n, from - rank));
    for (let i = skip; i < n && hosts.length < LISTED; i++)
      hosts.push(`${EXP}-${podName(e, g, i, 0)}${port}`);
    total += n - skip;
    rank += n;
  }
  return total > hosts.length
    ? `${hosts.join(',')},… (${total - hosts.length} more)`
    : hosts.join(',');
}

/**
 * What every pod of a run shares (its workers' hosts, TF's cluster), worked out once per
 * expansion rather than for each of its pods.
 */
const shared = new WeakMap<Expansion, Map<string, unknown>>();
function once<T>(e: Expansion, key: string, make: () => T): T {
  let m = shared.get(e);
  if (!m) shared.set(e, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** TF_CONFIG: the cluster by task type and this pod's task; absent for one lone worker. */
function tfEnv(e: Expansion, g: GroupFigures, job: number): PodEnv {
  const pods = e.totals.pods;
  if (e.groups.length === 1 && pods === 1) return {};
  const cluster = once(e, 'tf-cluster', () =>
    Object.fromEntries(
      [...e.groups]
        .sort((a, b) => a.globalOrder - b.globalOrder)
        .map((x) => [x.name.toLowerCase(), hostList(e, (y) => y === x, ':2222').split(',')]),
    ),
  );
  return {
    TF_CONFIG: JSON.stringify({ cluster, task: { type: g.name.toLowerCase(), index: job } }),
  };
}
