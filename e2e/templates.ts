/** Template titles as the gallery shows them, and their fixture files. */
export const TEMPLATE_FILES: readonly [string, string][] = [
  ['Master and worker pools', 'platform-main'],
  ['One group, one job', 'one-group-one-job'],
  ['One group, multiple jobs', 'one-group-multiple-jobs'],
  ['Two groups', 'two-groups'],
  ['Multiple pods per job', 'two-groups-parallel-pods'],
  ['Sequential pods per job', 'two-groups-sequential-pods'],
  ['Hyperparameter sweep', 'hyperparameter-sweep'],
  ['Heterogeneous pools', 'heterogeneous-pools'],
  ['Sequential batch processing', 'sequential-batch'],
  ['Mixed concurrency', 'mixed-concurrency'],
];
