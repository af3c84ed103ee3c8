/** GPU products seen on the platform (its docs, demo repository and real manifests). */
export const GPU_PRODUCTS: readonly string[] = [
  'NVIDIA-A100-SXM4-80GB',
  'NVIDIA-A100-SXM4-40GB',
  'NVIDIA-A100-SXM4-80GB-MIG-3g.40gb',
  'NVIDIA-H100-80GB-HBM3',
  'A100-SXM4-80GB',
  'Tesla-V100-SXM3-32GB',
  'Quadro-RTX-4000',
  'nvidia-tesla-t4',
  'nvidia-tesla-p4',
  'T4',
  'a10g',
];
