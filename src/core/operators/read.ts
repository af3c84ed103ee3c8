/**
 * Every operator's manifest read into the groups the views use (SEMANTICS.md "Other
 * operators"): a group of Jobs, each of `completions` pods, with per-pod resources. Distributed
 * operators run one pod per replica, all at once: a group per type, one Job per replica, one pod
 * per Job. Slurm runs one job of `ntasks` tasks at once. Read leniently, as `groups.ts` reads
 * jobset's: a figure is a number or null; the rules say why.
 */
import type { Path } from '../diagnostics.ts';
import { isObject } from '../own.ts';
import {
  INT32_MAX,
  int,
  positive,
  readGroups,
  readResources,
  type Group,
  type GroupResources,
} from '../jobset/groups.ts';
import { mul } from '../jobset/numbers.ts';
import { machineType } from './machines.ts';
import {
  isDistributed,
  JOBSET_RUN,
  type Naming,
  type Operator,
  type RunKind,
} from './operators.ts';
import { slurmGpus, slurmSizeGB, slurmTimeHours } from './slurm.ts';

/** A group, with where it is written (its key under `spec.types`, or its list item). */
export interface OperatorGroup extends Group {
  readonly path: Path;
}

export interface OperatorDesign {
  readonly run: RunKind;
  readonly groups: readonly OperatorGroup[];
  /** Slurm's time limit, in hours: the run ends by then. */
  readonly timeLimitHours: number | null;
}

type Json = Record<string, unknown>;
const TYPES: Path = ['spec', 'types'];

export const SUBMITTER_NOT_COUNTED =
  'The submitter pod that runs the command is not counted: the platform does not document its size.';

/** The design an operator makes of a manifest's data. */
export function readOperatorDesign(operator: Operator, data: unknown): OperatorDesign {
  const spec = isObject(data) && isObject(data.spec) ? data.spec : {};
  const types = isObject(spec.types) ? spec.types : {};
  const kind = (naming: Naming, assumptions: readonly string[]): RunKind => ({
    operator,
    naming,
    distributed: isDistributed(operator),
    assumptions,
  });
  const plain = (groups: OperatorGroup[], naming: Naming, assumptions: readonly string[] = []) => ({
    run: kind(naming, assumptions),
    groups,
    timeLimitHours: null,
  });
  switch (operator) {
    case 'jobset':
      return {
        run: JOBSET_RUN,
        groups: readGroups(data).map((g) => ({ ...g, path: [...TYPES, g.name] })),
        timeLimitHours: null,
      };
    case 'jax':
    case 'pytorch':
    case 'xgboost': {
      // 0.2.3 runs them on JobSet (a lowercase `worker`); 0.2.2 on Kubeflow (`Master`, `Worker`).
      const onJobSet = Object.hasOwn(types, 'worker');
      return plain(replicaGroups(types), onJobSet ? 'jobset' : 'replica', [
        onJobSet
          ? 'Pods are named as JobSet names them (0.2.3): <experiment>-worker-<i>-0.'
          : 'Pods are named as Kubeflow names them (0.2.2): <experiment>-<type>-<i>.',
      ]);
    }
    case 'tf':
    case 'batchjob':
      return plain(replicaGroups(types), 'replica', [
        'Pods are named as Kubeflow names them: <experiment>-<type>-<i>.',
      ]);
    case 'kuberay':
      return plain(rayGroups(types, ['Head']), 'replica', [SUBMITTER_NOT_COUNTED]);
    case 'ray':
      return plain(rayGroups(types, ['Head', 'Job']), 'replica', [SUBMITTER_NOT_COUNTED]);
    case 'vertexai':
      return vertexDesign(types, kind);
    case 'slurm':
      return slurmDesign(types, kind);
  }
}

/** One group per type written as a map, `count` replicas (1 when absent), a pod each. */
function replicaGroups(types: Json): OperatorGroup[] {
  return Object.entries(types)
    .filter(([, raw]) => isObject(raw))
    .map(([name, raw], index) => replica(name, index, raw as Json, 1, [...TYPES, name]));
}

function replica(
  name: string,
  index: number,
  g: Json,
  countDefault: number | null,
  path: Path,
  resources: GroupResources = readResources(g.resources),
): OperatorGroup {
  const count =
    g.count === undefined && countDefault === null
      ? null
      : int(g.count, countDefault ?? 0, INT32_MAX);
  return { name, index, count, completions: 1, parallelisms: 1, resources, path };
}

/** Ray: the fixed pods (`Head`, and `Job` for the legacy operator), then `Workers[]` (count 0 when absent). */
function rayGroups(types: Json, fixed: readonly string[]): OperatorGroup[] {
  const out: OperatorGroup[] = [];
  for (const name of fixed) {
    if (!Object.hasOwn(types, name)) continue;
    const g = isObject(types[name]) ? types[name] : {};
    // The head is one pod: a `count` written there is not read (a rule says so).
    out.push(replica(name, out.length, { ...g, count: 1 }, 1, [...TYPES, name]));
  }
  const workers = Array.isArray(types.Workers) ? types.Workers : [];
  workers.forEach((raw, i) => {
    if (!isObject(raw)) return;
    const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : `workers-${i}`;
    out.push(replica(name, out.length, raw, 0, [...TYPES, 'Workers', i]));
  });
  return out;
}

/** Vertex AI: pool i is `workerpool<i>`, `replicaCount` pods sized by the machine type. */
function vertexDesign(
  types: Json,
  kind: (naming: Naming, assumptions: readonly string[]) => RunKind,
): OperatorDesign {
  const pools = Array.isArray(types.workerPoolSpecs) ? types.workerPoolSpecs : [];
  const unknown = new Set<string>();
  const groups = pools.flatMap((raw, i): OperatorGroup[] => {
    if (!isObject(raw)) return [];
    const spec = isObject(raw.machineSpec) ? raw.machineSpec : null;
    const machine = machineType(spec?.machineType);
    if (spec && !machine && typeof spec.machineType === 'string') unknown.add(spec.machineType);
    const gpus = spec ? int(spec.acceleratorCount, 0, INT32_MAX) : null;
    const product = typeof spec?.acceleratorType === 'string' ? spec.acceleratorType : null;
    const resources: GroupResources = {
      set: spec !== null,
      cpus: machine?.cpus ?? null,
      ramRatio: null,
      memory: machine?.ramGB ?? null,
      ramGB: machine?.ramGB ?? null,
      gpus,
      gpuProduct: product,
    };
    // Vertex AI's first pool holds the primary replica: one, when `replicaCount` is not written.
    const g = { count: raw.replicaCount };
    return [
      replica(
        `workerpool${i}`,
        i,
        g,
        i === 0 ? 1 : null,
        [...TYPES, 'workerPoolSpecs', i],
        resources,
      ),
    ];
  });
  const assumptions = [
    "CPUs and RAM come from Google Cloud's published n1 machine types.",
    ...[...unknown].map(
      (t) => `Machine type "${t}" is not one the designer knows: its CPUs and RAM are not set.`,
    ),
  ];
  return { run: kind('replica', assumptions), groups, timeLimitHours: null };
}

/** Slurm: one job of `ntasks` tasks at once, `cpus_per_task` each; GPUs per node x `nodes`. */
function slurmDesign(
  types: Json,
  kind: (naming: Naming, assumptions: readonly string[]) => RunKind,
): OperatorDesign {
  const job = isObject(types.job) ? types.job : null;
  if (!job) return { run: kind('replica', []), groups: [], timeLimitHours: null };
  const tasks = int(job.ntasks, 1, INT32_MAX);
  const nodes = int(job.nodes, 1, INT32_MAX);
  const cpus = job.cpus_per_task === undefined ? 1 : positive(job.cpus_per_task);
  const perCpu = job.memory_per_cpu === undefined ? null : slurmSizeGB(job.memory_per_cpu);
  const gres = job.gres === undefined ? { count: 0, product: null } : slurmGpus(job.gres);
  const gpusPerTask =
    gres && tasks && nodes !== null
      ? mul(gres.count * nodes, 1 / tasks)
      : gres?.count === 0
        ? 0
        : null;
  const group: OperatorGroup = {
    name: 'job',
    index: 0,
    count: 1,
    completions: tasks,
    parallelisms: tasks === null ? null : Math.max(tasks, 1),
    resources: {
      set: true,
      cpus,
      ramRatio: perCpu,
      memory: null,
      ramGB: mul(cpus, perCpu),
      gpus: gpusPerTask,
      gpuProduct: gres?.product ?? null,
    },
    path: [...TYPES, 'job'],
  };
  const limit = slurmTimeHours(job.time);
  const assumptions = [
    'Each Slurm task is drawn as a pod; all tasks run at once.',
    ...(limit !== null ? [`Slurm ends the job at its time limit, ${limit} h.`] : []),
  ];
  return { run: kind('replica', assumptions), groups: [group], timeLimitHours: limit };
}
