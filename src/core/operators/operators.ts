/**
 * The operators the platform runs, and what each means for a design: how its pods are named and
 * whether its pods form one distributed run (SEMANTICS.md "Other operators").
 */
export const OPERATORS = [
  'jobset',
  'jax',
  'pytorch',
  'xgboost',
  'kuberay',
  'vertexai',
  'tf',
  'batchjob',
  'ray',
  'slurm',
] as const;

export type Operator = (typeof OPERATORS)[number];

/** The ports the operators give their coordinators and workers (SEMANTICS.md "Other operators"). */
export const PORTS = { master: '23456', worker: '9999', jaxCoordinator: '1234' } as const;

export function isOperator(v: unknown): v is Operator {
  return typeof v === 'string' && (OPERATORS as readonly string[]).includes(v);
}

/**
 * How a pod is named: jobset's `group-job-pod` (also the 0.2.3 operators that run on JobSet), or
 * one replica of a type, `type-i` (Kubeflow-style 0.2.2 operators, Ray, Vertex AI pools, Slurm
 * tasks).
 */
export type Naming = 'jobset' | 'replica';

/** What the designer knows of the run an operator makes of a manifest. */
export interface RunKind {
  readonly operator: Operator;
  readonly naming: Naming;
  /**
   * The pods of one run must all be up to make progress (distributed training): the cluster
   * simulation treats the groups as synchronous unless the design says otherwise.
   */
  readonly distributed: boolean;
  /** What a figure rests on that the manifest does not say, in words shown beside the figures. */
  readonly assumptions: readonly string[];
}

export const JOBSET_RUN: RunKind = {
  operator: 'jobset',
  naming: 'jobset',
  distributed: false,
  assumptions: [],
};

/** What the pod details say when an operator gives its pods no documented variable. */
export function noVariablesNote(operator: Operator): string {
  return operator === 'kuberay' || operator === 'ray'
    ? 'Ray sets its own variables when the pod joins the cluster; the platform documents none.'
    : `The platform documents no variables that ${operator} gives its pods.`;
}

/** Why there is nothing to draw: an operator the platform does not run, or no design yet. */
export function nothingToDraw(operator: string | null): string {
  return operator !== null && !isOperator(operator)
    ? `Operator "${operator}" is not one the platform runs: its pods cannot be drawn.`
    : 'No design to draw yet.';
}

/** The sidebar's name for the design's Jobs: JobSet's GLOBAL_REPLICAS, another operator's replicas. */
export function jobsLabel(operator: Operator): string {
  if (operator === 'jobset') return 'Jobs (GLOBAL_REPLICAS)';
  return operator === 'slurm' ? 'Jobs (Slurm jobs)' : 'Jobs (one per replica)';
}

/** What each operator is, in one place; the lookups below read it. */
interface Traits {
  /**
   * How the form edits its groups: `jobset` (count, completions, parallelisms), `replicas` (a map
   * of types of `count` and `resources`), `yaml` (a shape of its own: Ray's pools, Vertex AI's,
   * Slurm's job).
   */
  readonly form: 'jobset' | 'replicas' | 'yaml';
  /** Its pods are one distributed run: synchronous on a cluster unless the design says otherwise. */
  readonly distributed: boolean;
  /** Runs on JobSet in 0.2.3 (one `worker` type): exported as a JobSet. */
  readonly onJobSet: boolean;
  /** The variable that numbers the design's Jobs across its groups (one pod each but jobset's). */
  readonly rank: string | null;
  /** The variables that number a pod, shown as the table view's columns. */
  readonly index: readonly string[];
}

const TRAITS: Readonly<Record<Operator, Traits>> = {
  jobset: {
    form: 'jobset',
    distributed: false,
    onJobSet: true,
    rank: 'JOB_GLOBAL_INDEX',
    index: ['JOB_INDEX', 'JOB_COMPLETION_INDEX', 'JOB_GLOBAL_INDEX'],
  },
  pytorch: { form: 'replicas', distributed: true, onJobSet: true, rank: 'RANK', index: ['RANK'] },
  xgboost: { form: 'replicas', distributed: true, onJobSet: true, rank: 'RANK', index: ['RANK'] },
  jax: {
    form: 'replicas',
    distributed: true,
    onJobSet: true,
    rank: 'JAXOPERATOR_PROCESS_ID',
    index: ['JAXOPERATOR_PROCESS_ID'],
  },
  tf: { form: 'replicas', distributed: true, onJobSet: false, rank: null, index: [] },
  batchjob: { form: 'replicas', distributed: false, onJobSet: false, rank: null, index: [] },
  kuberay: { form: 'yaml', distributed: true, onJobSet: false, rank: null, index: [] },
  ray: { form: 'yaml', distributed: true, onJobSet: false, rank: null, index: [] },
  vertexai: { form: 'yaml', distributed: true, onJobSet: false, rank: null, index: [] },
  slurm: { form: 'yaml', distributed: true, onJobSet: false, rank: null, index: ['SLURM_PROCID'] },
};

/** The operators whose pods are one distributed run (batchjob's are independent). */
export function isDistributed(operator: Operator): boolean {
  return TRAITS[operator].distributed;
}

/** The operators a JobSet export serves (pytorch, xgboost and jax in their 0.2.3 shape). */
export function runsOnJobSet(operator: Operator): boolean {
  return TRAITS[operator].onJobSet;
}

/** The variables that number a pod, shown as the table view's columns, by operator. */
export const INDEX_VARIABLES: Readonly<Record<Operator, readonly string[]>> = Object.fromEntries(
  OPERATORS.map((o) => [o, TRAITS[o].index]),
) as Record<Operator, readonly string[]>;

/** The variable that numbers a design's Jobs across its groups, beside each group in the grid. */
export const RANK_VARIABLE: Readonly<Record<Operator, string | null>> = Object.fromEntries(
  OPERATORS.map((o) => [o, TRAITS[o].rank]),
) as Record<Operator, string | null>;

/** How the form edits an operator's groups; an operator the platform does not run: in the YAML. */
export function formShape(operator: string | null): Traits['form'] {
  if (operator === null || operator === '') return 'jobset';
  return isOperator(operator) ? TRAITS[operator].form : 'yaml';
}
