/**
 * What the export and the import agree on: the API of the JobSet, the labels the JobSet controller
 * puts on every pod and the platform variable each one becomes (jobset-crd.md §2), the GPU
 * resource and node label, and the `/dev/shm` volume.
 */
export const JOBSET_API_VERSION = 'jobset.x-k8s.io/v1alpha2';
export const JOBSET_KIND = 'JobSet';

/** Platform variable <- pod label, in the order the platform page lists them. */
export const LABEL_VARIABLES: readonly (readonly [variable: string, label: string])[] = [
  ['JOB_INDEX', 'jobset.sigs.k8s.io/job-index'],
  ['JOB_GLOBAL_INDEX', 'jobset.sigs.k8s.io/job-global-index'],
  ['GLOBAL_REPLICAS', 'jobset.sigs.k8s.io/global-replicas'],
  ['REPLICATED_JOB_NAME', 'jobset.sigs.k8s.io/replicatedjob-name'],
  ['REPLICATED_JOB_REPLICAS', 'jobset.sigs.k8s.io/replicatedjob-replicas'],
];

/** The downward-API path of a pod label. */
export const labelPath = (label: string): string => `metadata.labels['${label}']`;

/** Set by Kubernetes itself for Indexed Jobs: never written, never reported. */
export const COMPLETION_INDEX_VARIABLE = 'JOB_COMPLETION_INDEX';

export const GPU_RESOURCE = 'nvidia.com/gpu';
/** The label NVIDIA's GPU feature discovery puts on nodes. */
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

export const SHM_VOLUME = 'dshm';
export const SHM_PATH = '/dev/shm';

/** The platform's "GB" is written as GiB (2^30 bytes): said in the export and in the designer. */
export const MEMORY_UNIT = 'Gi';
export const MEMORY_UNIT_NOTE =
  'RAM is written in GiB (Gi, 2^30 bytes): the platform\'s "GB" is not documented as 10^9 or 2^30 bytes.';
