/**
 * A container's resources as the manifest's: cpus, and RAM as ramRatio or memory, read from the
 * requests (the limits where a request is missing); the GPUs from either. Then the group's
 * `resources` as the manifest writes them, with the pod's `/dev/shm` size and GPU product.
 */
import { mul, tidy } from '../jobset/numbers.ts';
import { GPU_PRODUCT_LABEL, GPU_RESOURCE } from './labels.ts';
import { gbOfBytes, parseQuantity } from './quantity.ts';
import { info, obj, warn, type ImportItem, type Json } from './importItem.ts';

/** cpus, and RAM as ramRatio when it divides evenly, else as memory; GPUs from the limits. */
export function readResources(r: Json, at: string, report: ImportItem[]): Json {
  const requests = obj(r.requests);
  const limits = obj(r.limits);
  for (const key of Object.keys(r)) {
    if (key !== 'requests' && key !== 'limits')
      report.push(warn(`${at}.${key}`, 'The manifest has no counterpart for it.'));
  }
  const out: Json = { gpus: 0 };
  const pick = (name: string) => (Object.hasOwn(requests, name) ? requests[name] : limits[name]);
  for (const name of new Set([...Object.keys(requests), ...Object.keys(limits)])) {
    if (name === 'cpu' || name === 'memory' || name === GPU_RESOURCE) {
      const a = parseQuantity(requests[name]);
      const b = parseQuantity(limits[name]);
      if (a !== null && a > 0 && b === null && name !== GPU_RESOURCE) {
        report.push(
          info(
            `${at}.limits.${name}`,
            `No limit: here the pod may use more than it requests; on the platform its limit is its request (${String(requests[name])}).`,
          ),
        );
      }
      if (a !== null && b !== null && a !== b) {
        report.push(
          info(
            `${at}.limits.${name}`,
            `The limit differs from the request: the manifest sets the request (${String(requests[name])}).`,
          ),
        );
      }
      continue;
    }
    report.push(
      warn(
        `${at}.${Object.hasOwn(requests, name) ? 'requests' : 'limits'}.${name}`,
        'The manifest requests CPUs, RAM and NVIDIA GPUs only.',
      ),
    );
  }
  const cpus = parseQuantity(pick('cpu'));
  const bytes = parseQuantity(pick('memory'));
  const gpus = parseQuantity(pick(GPU_RESOURCE));
  if (cpus !== null && cpus > 0) out.cpus = tidy(cpus);
  if (bytes !== null && bytes > 0) {
    const gb = gbOfBytes(bytes);
    const ratio = out.cpus !== undefined ? tidy(gb / (out.cpus as number)) : null;
    // Read back as the designer reads it (cpus x ramRatio): a ratio only when it gives the RAM.
    if (ratio !== null && mul(out.cpus as number, ratio) === gb) out.ramRatio = ratio;
    else out.memory = gb;
  }
  if (gpus !== null && Number.isInteger(gpus) && gpus > 0) out.gpus = gpus;
  // Figures the manifest cannot take, said rather than dropped.
  const where = (name: string) =>
    `${at}.${Object.hasOwn(requests, name) ? 'requests' : 'limits'}.${name}`;
  if (cpus !== null && cpus <= 0) {
    report.push(
      warn(
        where('cpu'),
        `A CPU request of ${String(pick('cpu'))} is no figure the manifest takes: cpus is left out.`,
      ),
    );
  }
  if (bytes !== null && bytes <= 0) {
    report.push(
      warn(where('memory'), `A memory request of ${String(pick('memory'))} is left out.`),
    );
  }
  if (gpus !== null && !(Number.isInteger(gpus) && gpus >= 0)) {
    report.push(
      warn(
        where(GPU_RESOURCE),
        `${String(pick(GPU_RESOURCE))} GPUs is not a whole number of GPUs: left out.`,
      ),
    );
  }
  return out;
}

/**
 * The group's `resources` in the manifest: the container's cpus and RAM (`readResources`), the
 * `/dev/shm` size and the GPUs with their product, each only when there is one. A GPU product
 * with no GPU asked for is reported: on the platform it then holds the pods to no node.
 */
export function groupResources(
  resources: Json | null,
  shmGB: number,
  gpuProduct: string | null,
  podAt: string,
  report: ImportItem[],
): Json {
  const gpu = resources ? (resources.gpus as number) : 0;
  if (gpuProduct !== null && gpu === 0) {
    report.push(
      warn(
        `${podAt}.nodeSelector.${GPU_PRODUCT_LABEL}`,
        `No GPU is asked for, so on the platform the pods are not held to ${gpuProduct} nodes: they may run on any node.`,
      ),
    );
  }
  const res: Json = {};
  if (resources?.cpus !== undefined) res.cpus = resources.cpus;
  if (resources?.ramRatio !== undefined) res.ramRatio = resources.ramRatio;
  if (resources?.memory !== undefined) res.memory = resources.memory;
  if (shmGB > 0) res.shmSizeGB = shmGB;
  if (gpu > 0 || gpuProduct !== null) {
    res.accelerators = {
      gpu: { count: gpu, type: 'gpu', ...(gpuProduct !== null ? { product: gpuProduct } : {}) },
    };
  }
  return res;
}
