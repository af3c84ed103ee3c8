/**
 * A Job's pod template as the manifest's: one container, the GPU product from the node selector
 * and the size of a memory volume at `/dev/shm`. The platform names the pods, restarts none and
 * runs no init containers: whatever the pod says otherwise is reported.
 */
import { GPU_PRODUCT_LABEL, SHM_PATH } from './labels.ts';
import { gbOfBytes, parseQuantity } from './quantity.ts';
import { obj, warn, type ImportItem, type Json } from './importItem.ts';

/**
 * The pod template's spec and its first container: the template's other keys and any further
 * container are reported, as the manifest runs one container per pod.
 */
export function readPodTemplate(
  job: Json,
  jobAt: string,
  report: ImportItem[],
): { readonly pod: Json; readonly container: Json } {
  const podAt = `${jobAt}.template.spec`;
  const podTemplate = obj(job.template);
  for (const key of Object.keys(podTemplate)) {
    if (key !== 'spec')
      report.push(warn(`${jobAt}.template.${key}`, 'The manifest has no counterpart for it.'));
  }
  const pod = obj(podTemplate.spec);
  const containers = Array.isArray(pod.containers) ? pod.containers : [];
  containers.slice(1).forEach((_, k) => {
    report.push(
      warn(
        `${podAt}.containers[${k + 1}]`,
        'The manifest runs one container per pod: this one is left out.',
      ),
    );
  });
  return { pod, container: obj(containers[0]) };
}

/** What of the pod spec the group takes. */
export interface ReadPod {
  readonly gpuProduct: string | null;
  readonly shmGB: number;
  /** The names of the memory volumes at `/dev/shm`: the container's mounts of them carry over. */
  readonly shmVolumes: ReadonlySet<string>;
}

/** What the pod's volumes give: the `/dev/shm` size and the volumes that give it. */
type ShmVolumes = Pick<ReadPod, 'shmGB' | 'shmVolumes'>;

/**
 * The pod spec's keys (its containers read apart): the GPU product and the `/dev/shm` volume are
 * read, restartPolicy Never carries over silently; the pod's own names, another restart policy
 * (or none, which JobSet makes OnFailure), init containers and anything else are reported.
 * `c` is the pod's container, whose mounts say which volume is at `/dev/shm`.
 */
export function readPodSpec(pod: Json, c: Json, podAt: string, report: ImportItem[]): ReadPod {
  let gpuProduct: string | null = null;
  let shm: ShmVolumes = { shmGB: 0, shmVolumes: new Set<string>() };
  for (const [key, v] of Object.entries(pod)) {
    const p = `${podAt}.${key}`;
    switch (key) {
      case 'containers':
        break;
      case 'hostname':
      case 'subdomain':
        report.push(
          warn(
            p,
            `The platform names pods itself (hostname <experiment>-<group>-<a>-<b>): this ${key} is not kept.`,
          ),
        );
        break;
      case 'restartPolicy':
        if (v !== 'Never') {
          report.push(
            warn(
              p,
              `${String(v)}: a failed container is restarted in its pod here; on the platform a failed pod fails its Job.`,
            ),
          );
        }
        break;
      case 'nodeSelector':
        gpuProduct = readNodeSelector(v, p, report);
        break;
      case 'volumes':
        shm = readShmVolumes(v, c, p, report);
        break;
      default:
        report.push(
          warn(
            p,
            key === 'initContainers'
              ? 'The manifest runs no init containers.'
              : 'The manifest has no counterpart for it.',
          ),
        );
    }
  }
  if (!Object.hasOwn(pod, 'restartPolicy')) {
    report.push(
      warn(
        `${podAt}.restartPolicy`,
        'Not set, so JobSet makes it OnFailure: a failed container is restarted in its pod here; on the platform a failed pod fails its Job.',
      ),
    );
  }
  return { gpuProduct, ...shm };
}

/** The node selector's GPU product, when it has one; every other label is reported. */
function readNodeSelector(v: unknown, p: string, report: ImportItem[]): string | null {
  let gpuProduct: string | null = null;
  for (const [label, value] of Object.entries(obj(v))) {
    if (label === GPU_PRODUCT_LABEL && typeof value === 'string') gpuProduct = value;
    else report.push(warn(`${p}.${label}`, 'Only the GPU product becomes part of the manifest.'));
  }
  return gpuProduct;
}

/**
 * The pod's volumes: a memory volume with a size, mounted by the container at `/dev/shm`,
 * becomes the manifest's shmSizeGB (the last such one, should there be several); every other
 * volume is reported.
 */
function readShmVolumes(v: unknown, c: Json, p: string, report: ImportItem[]): ShmVolumes {
  let shmGB = 0;
  const shmVolumes = new Set<string>();
  (Array.isArray(v) ? v : []).forEach((vol, k) => {
    const volume = obj(vol);
    const dir = obj(volume.emptyDir);
    const mountedAtShm = (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).some(
      (m) => obj(m).name === volume.name && obj(m).mountPath === SHM_PATH,
    );
    const size = parseQuantity(dir.sizeLimit);
    if (
      dir.medium === 'Memory' &&
      mountedAtShm &&
      size !== null &&
      typeof volume.name === 'string'
    ) {
      shmVolumes.add(volume.name);
      shmGB = gbOfBytes(size);
    } else {
      report.push(
        warn(
          `${p}[${k}]`,
          'Only a memory volume at /dev/shm becomes part of the manifest (shmSizeGB).',
        ),
      );
    }
  });
  return { shmGB, shmVolumes };
}
