/**
 * What of an AIchor manifest has no place in a JobSet: every written key the export does not
 * map, with its path and why. The export lists these in its header and the designer beside it.
 */
import { isObject } from '../own.ts';

export interface NotCarried {
  /** Dotted path in the manifest, `spec.types.worker.resources.cpuLimitRatio`. */
  readonly path: string;
  readonly reason: string;
}

type Json = Record<string, unknown>;

/** Keys the export maps, at each level. */
const CARRIED = {
  root: new Set(['kind', 'apiVersion', 'name', 'spec']),
  spec: new Set(['operator', 'image', 'command', 'types']),
  group: new Set(['count', 'completions', 'parallelisms', 'resources']),
  resources: new Set(['cpus', 'ramRatio', 'memory', 'shmSizeGB', 'accelerators']),
  accelerators: new Set(['gpu']),
  gpu: new Set(['count', 'type', 'product']),
};

/** Why, for the keys a researcher is likely to write; others have no JobSet counterpart. */
const REASONS: Readonly<Record<string, string>> = {
  builder:
    'the platform builds the image; build and push it yourself where the cluster can pull it',
  clone: 'the platform clones the repository into the image; nothing does this on Kubernetes',
  'spec.timeout':
    'it is not in a form the export reads (a whole number and s, m, h or d): set activeDeadlineSeconds on the Jobs yourself',
  'spec.activeDeadlineSeconds':
    'timeout takes precedence and is exported as the Jobs\u2019 activeDeadlineSeconds',
  'spec.storage': 'the platform creates and mounts these volumes; add your own volumes and claims',
  'spec.tensorboard': 'the platform runs TensorBoard beside the experiment',
  'spec.debug': 'the platform attaches the debugger',
  'spec.engineName': 'it picks the platform cluster to run on',
  'spec.restartPolicy':
    'every Job is exported with backoffLimit 0: one failed pod fails the JobSet',
  cpuLimitRatio: 'limits are exported equal to requests',
  extraSelectors: 'only the GPU product becomes a node selector',
  extraTolerations: 'the export writes no tolerations',
  tpu: 'only NVIDIA GPUs are exported',
  rdma: 'RDMA devices are specific to the platform cluster',
};

const NO_COUNTERPART = 'no JobSet counterpart';

export function notCarriedOver(data: unknown): NotCarried[] {
  const out: NotCarried[] = [];
  const add = (path: string, leaf: string) =>
    out.push({ path, reason: REASONS[path] ?? REASONS[leaf] ?? NO_COUNTERPART });
  const root = isObject(data) ? data : {};
  for (const key of Object.keys(root)) if (!CARRIED.root.has(key)) add(key, key);
  const spec: Json = isObject(root.spec) ? root.spec : {};
  for (const key of Object.keys(spec)) if (!CARRIED.spec.has(key)) add(`spec.${key}`, key);
  const types: Json = isObject(spec.types) ? spec.types : {};
  for (const [name, raw] of Object.entries(types)) {
    const at = `spec.types.${name}`;
    const g: Json = isObject(raw) ? raw : {};
    for (const key of Object.keys(g)) if (!CARRIED.group.has(key)) add(`${at}.${key}`, key);
    const res: Json = isObject(g.resources) ? g.resources : {};
    for (const key of Object.keys(res)) {
      if (!CARRIED.resources.has(key)) add(`${at}.resources.${key}`, key);
    }
    const acc: Json = isObject(res.accelerators) ? res.accelerators : {};
    for (const key of Object.keys(acc)) {
      if (!CARRIED.accelerators.has(key)) add(`${at}.resources.accelerators.${key}`, key);
    }
    const gpu: Json = isObject(acc.gpu) ? acc.gpu : {};
    for (const key of Object.keys(gpu)) {
      if (!CARRIED.gpu.has(key)) add(`${at}.resources.accelerators.gpu.${key}`, key);
    }
    // A product without GPUs asks for no GPU node: the export selects none.
    if (typeof gpu.product === 'string' && gpu.product !== '' && !(Number(gpu.count) > 0)) {
      out.push({
        path: `${at}.resources.accelerators.gpu.product`,
        reason: 'the group asks for no GPU, so no GPU node is selected',
      });
    }
  }
  return out;
}
