/**
 * The template gallery's catalogue: every example of the platform's JobSet page, then one per
 * other current operator (from the platform's Manifest Examples page where it has one), by the
 * name of its manifest in `manifests/`, with its title and a line about it. Plain data, so that tests
 * and benchmarks in Node read the same list the app shows.
 */
export const CATALOG = [
  {
    id: 'platform-main',
    operator: 'jobset',
    title: 'Master and worker pools',
    description:
      'A master, five one-GPU workers and a second worker pool: the page\u2019s main example.',
  },
  {
    id: 'one-group-one-job',
    operator: 'jobset',
    title: 'One group, one job',
    description: 'One Job with one pod: worker-0-0.',
  },
  {
    id: 'one-group-multiple-jobs',
    operator: 'jobset',
    title: 'One group, multiple jobs',
    description: 'Four Jobs of one pod each, all running at once.',
  },
  {
    id: 'two-groups',
    operator: 'jobset',
    title: 'Two groups',
    description: 'A master and four workers: five pods at once.',
  },
  {
    id: 'two-groups-parallel-pods',
    operator: 'jobset',
    title: 'Multiple pods per job',
    description: 'Four worker Jobs of two pods, both at once: nine pods at once.',
  },
  {
    id: 'two-groups-sequential-pods',
    operator: 'jobset',
    title: 'Sequential pods per job',
    description: 'Four worker Jobs run four pods one after the other: 16 pods, five at a time.',
  },
  {
    id: 'hyperparameter-sweep',
    operator: 'jobset',
    title: 'Hyperparameter sweep',
    description: '16 independent one-GPU trials; each reads JOB_INDEX.',
  },
  {
    id: 'heterogeneous-pools',
    operator: 'jobset',
    title: 'Heterogeneous pools',
    description: 'A coordinator, a GPU pool and a CPU pool: 13 pods at once.',
  },
  {
    id: 'sequential-batch',
    operator: 'jobset',
    title: 'Sequential batch processing',
    description: 'One Job processes 100 batches, four at a time.',
  },
  {
    id: 'mixed-concurrency',
    operator: 'jobset',
    title: 'Mixed concurrency',
    description: 'Parallel pre-processing next to sequential one-GPU evaluation.',
  },
  {
    id: 'jax',
    operator: 'jax',
    title: 'JAX: two GPU workers',
    description:
      'The platform\u2019s JAX example: two one-GPU processes, the first the coordinator.',
  },
  {
    id: 'pytorch',
    operator: 'pytorch',
    title: 'PyTorch: four GPU workers',
    description: 'torchrun on four one-GPU pods; rank 0 is MASTER_ADDR.',
  },
  {
    id: 'xgboost',
    operator: 'xgboost',
    title: 'XGBoost: three workers',
    description: 'Three CPU workers; rank 0 is the tracker.',
  },
  {
    id: 'kuberay',
    operator: 'kuberay',
    title: 'KubeRay: a head and GPU workers',
    description: 'The platform\u2019s KubeRay example: a head and two two-GPU workers.',
  },
  {
    id: 'vertexai',
    operator: 'vertexai',
    title: 'Vertex AI: two worker pools',
    description: 'A T4 primary replica on n1-standard-8 and two n1-standard-4 workers.',
  },
] as const;

export type TemplateId = (typeof CATALOG)[number]['id'];

export const TEMPLATE_IDS: readonly TemplateId[] = CATALOG.map((t) => t.id);

/** The templates of `operator: jobset`: what the JobSet export, the program and rehearsals serve. */
export const JOBSET_TEMPLATE_IDS: readonly TemplateId[] = CATALOG.filter(
  (t) => t.operator === 'jobset',
).map((t) => t.id);
