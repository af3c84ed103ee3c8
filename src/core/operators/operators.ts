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

/** The operators whose pods are one distributed run (batchjob's are independent). */
export function isDistributed(operator: Operator): boolean {
  return operator !== 'jobset' && operator !== 'batchjob';
}

/** The variables that number a pod, shown as the table view's columns, by operator. */
export const INDEX_VARIABLES: Readonly<Record<Operator, readonly string[]>> = {
  jobset: ['JOB_INDEX', 'JOB_COMPLETION_INDEX', 'JOB_GLOBAL_INDEX'],
  pytorch: ['RANK'],
  xgboost: ['RANK'],
  jax: ['JAXOPERATOR_PROCESS_ID'],
  slurm: ['SLURM_PROCID'],
  tf: [],
  kuberay: [],
  ray: [],
  vertexai: [],
  batchjob: [],
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

/**
 * How the form edits an operator's groups: `groups` when `spec.types` is a map of groups of
 * `count` and `resources` (with `completions` and `parallelisms` for jobset alone); `yaml` when
 * its shape is another (Ray's head and worker list, Vertex AI's pools, Slurm's job).
 */
export function formShape(operator: string | null): 'jobset' | 'replicas' | 'yaml' {
  if (operator === null || operator === '') return 'jobset';
  if (!isOperator(operator)) return 'yaml';
  switch (operator) {
    case 'jobset':
      return 'jobset';
    case 'pytorch':
    case 'xgboost':
    case 'jax':
    case 'tf':
    case 'batchjob':
      return 'replicas';
    case 'kuberay':
    case 'ray':
    case 'vertexai':
    case 'slurm':
      return 'yaml';
  }
}

/**
 * The variable that numbers a design's Jobs across its groups (one pod each, for the
 * distributed operators): shown beside each group in the grid. None where the operator gives none.
 */
export const RANK_VARIABLE: Readonly<Record<Operator, string | null>> = {
  jobset: 'JOB_GLOBAL_INDEX',
  pytorch: 'RANK',
  xgboost: 'RANK',
  jax: 'JAXOPERATOR_PROCESS_ID',
  tf: null,
  batchjob: null,
  kuberay: null,
  ray: null,
  vertexai: null,
  slurm: null,
};
