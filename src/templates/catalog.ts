/**
 * The template gallery's catalogue: every example of the platform's JobSet page, by the name
 * of its manifest in `manifests/`, with its title and a line about it. Plain data, so that tests
 * and benchmarks in Node read the same list the app shows.
 */
export const CATALOG = [
  {
    id: 'platform-main',
    title: 'Master and worker pools',
    description:
      'A master, five one-GPU workers and a second worker pool: the page\u2019s main example.',
  },
  {
    id: 'one-group-one-job',
    title: 'One group, one job',
    description: 'One Job with one pod: worker-0-0.',
  },
  {
    id: 'one-group-multiple-jobs',
    title: 'One group, multiple jobs',
    description: 'Four Jobs of one pod each, all running at once.',
  },
  {
    id: 'two-groups',
    title: 'Two groups',
    description: 'A master and four workers: five pods at once.',
  },
  {
    id: 'two-groups-parallel-pods',
    title: 'Multiple pods per job',
    description: 'Four worker Jobs of two pods, both at once: nine pods at once.',
  },
  {
    id: 'two-groups-sequential-pods',
    title: 'Sequential pods per job',
    description: 'Four worker Jobs run four pods one after the other: 16 pods, five at a time.',
  },
  {
    id: 'hyperparameter-sweep',
    title: 'Hyperparameter sweep',
    description: '16 independent one-GPU trials; each reads JOB_INDEX.',
  },
  {
    id: 'heterogeneous-pools',
    title: 'Heterogeneous pools',
    description: 'A coordinator, a GPU pool and a CPU pool: 13 pods at once.',
  },
  {
    id: 'sequential-batch',
    title: 'Sequential batch processing',
    description: 'One Job processes 100 batches, four at a time.',
  },
  {
    id: 'mixed-concurrency',
    title: 'Mixed concurrency',
    description: 'Parallel pre-processing next to sequential one-GPU evaluation.',
  },
] as const;

export type TemplateId = (typeof CATALOG)[number]['id'];

export const TEMPLATE_IDS: readonly TemplateId[] = CATALOG.map((t) => t.id);
