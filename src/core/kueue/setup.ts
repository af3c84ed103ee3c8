/**
 * Queues set up in a small form, for a user with no `kubectl` output at hand: one ClusterQueue
 * (optionally in a cohort) with a flavor per GPU product, and the LocalQueue that points at it,
 * written as the YAML `kubectl get … -o yaml` would print, so the queues' text stays the one
 * source the verdict reads. A first setup comes from the design: a flavor per GPU product it
 * uses, with as many GPUs as it runs at once.
 */
import { stringify } from 'yaml';
import { UNSPECIFIED_PRODUCT, type Totals } from '../jobset/expand.ts';
import { GPU_PRODUCT_LABEL, GPU_RESOURCE } from '../k8s/labels.ts';

export interface FlavorSetup {
  /** The ResourceFlavor's name. */
  readonly name: string;
  /** The GPU product its nodes have (their `nvidia.com/gpu.product` label); '' for none. */
  readonly product: string;
  readonly gpus: number;
  /** GPUs it may borrow from its cohort; null: no limit. */
  readonly borrowingLimit: number | null;
  readonly cpus: number;
  readonly memoryGi: number;
}

export interface QueueSetup {
  readonly clusterQueue: string;
  readonly cohort: string;
  readonly namespace: string;
  readonly localQueue: string;
  readonly flavors: readonly FlavorSetup[];
}

const API = 'kueue.x-k8s.io/v1beta1';

/** A flavor's name from a GPU product: `NVIDIA-A100-SXM4-80GB` -> `nvidia-a100-sxm4-80gb`. */
function flavorName(product: string, i: number): string {
  const name = product
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name || `flavor-${i + 1}`;
}

/** The setup a design suggests: a flavor per GPU product, sized to what it runs at once. */
export function setupForDesign(totals: Totals | null): QueueSetup {
  const products = Object.entries(totals?.peak.gpusByProduct ?? {});
  const cpus = Math.max(1, Math.ceil(totals?.peak.cpus ?? 1));
  const memoryGi = Math.max(1, Math.ceil(totals?.peak.ramGB ?? 1));
  const flavors: FlavorSetup[] = products.length
    ? products.map(([product, gpus], i) => {
        const known = product !== UNSPECIFIED_PRODUCT;
        return {
          name: known ? flavorName(product, i) : 'default-flavor',
          product: known ? product : '',
          gpus,
          borrowingLimit: null,
          cpus,
          memoryGi,
        };
      })
    : [{ name: 'default-flavor', product: '', gpus: 0, borrowingLimit: null, cpus, memoryGi }];
  return { clusterQueue: 'team', cohort: '', namespace: 'default', localQueue: 'main', flavors };
}

/** The setup as the queues' YAML: ResourceFlavors, the ClusterQueue, its LocalQueue. */
export function setupYaml(s: QueueSetup): string {
  const docs: unknown[] = [
    ...s.flavors.map((f) => ({
      apiVersion: API,
      kind: 'ResourceFlavor',
      metadata: { name: f.name },
      spec: f.product ? { nodeLabels: { [GPU_PRODUCT_LABEL]: f.product } } : {},
    })),
    {
      apiVersion: API,
      kind: 'ClusterQueue',
      metadata: { name: s.clusterQueue },
      spec: {
        ...(s.cohort && { cohort: s.cohort }),
        namespaceSelector: {},
        resourceGroups: [
          {
            coveredResources: ['cpu', 'memory', GPU_RESOURCE],
            flavors: s.flavors.map((f) => ({
              name: f.name,
              resources: [
                { name: 'cpu', nominalQuota: f.cpus },
                { name: 'memory', nominalQuota: `${f.memoryGi}Gi` },
                {
                  name: GPU_RESOURCE,
                  nominalQuota: f.gpus,
                  // Kueue refuses a borrowing limit outside a cohort (clusterqueue_webhook.go).
                  ...(f.borrowingLimit !== null &&
                    s.cohort && { borrowingLimit: f.borrowingLimit }),
                },
              ],
            })),
          },
        ],
      },
    },
    {
      apiVersion: API,
      kind: 'LocalQueue',
      metadata: { name: s.localQueue, namespace: s.namespace },
      spec: { clusterQueue: s.clusterQueue },
    },
  ];
  return docs.map((d) => stringify(d)).join('---\n');
}
