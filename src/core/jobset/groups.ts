/**
 * The job groups of a jobset manifest, read leniently from plain data: each figure is either a
 * usable number (defaults applied) or `null` when it is missing where it has no default, or
 * invalid. Validation reports why; this module only decides what can still be computed, so that
 * well-formed groups expand while other parts of the manifest have errors.
 */
import { isObject } from '../own.ts';
import { mul } from './numbers.ts';

export const INT32_MAX = 2_147_483_647;
/** Kubernetes' cap on `parallelism` for Indexed Jobs. */
export const MAX_PARALLELISM = 100_000;

export interface GroupResources {
  /** False when the group has no `resources` block at all: requests are unspecified. */
  readonly set: boolean;
  readonly cpus: number | null;
  readonly ramRatio: number | null;
  readonly memory: number | null;
  /** GB of RAM per pod: `cpus x ramRatio`, or `memory`. */
  readonly ramGB: number | null;
  readonly gpus: number | null;
  readonly gpuProduct: string | null;
}

export interface Group {
  readonly name: string;
  /** Position in the manifest (0-based). */
  readonly index: number;
  readonly count: number | null;
  readonly completions: number | null;
  readonly parallelisms: number | null;
  readonly resources: GroupResources;
}

/** `spec.types` of a manifest as groups, in the manifest's own order. */
export function readGroups(data: unknown): Group[] {
  const types = isObject(data) && isObject(data.spec) ? data.spec.types : undefined;
  if (!isObject(types)) return [];
  return Object.entries(types).map(([name, raw], index) => readGroup(name, index, raw));
}

export function readGroup(name: string, index: number, raw: unknown): Group {
  // A group that is not a map (`worker:` left empty, `worker: 5`) is an error; its figures
  // stay unknown rather than silently defaulting to one pod.
  const g = isObject(raw) ? raw : {};
  const valid = isObject(raw);
  return {
    name,
    index,
    count: valid ? int(g.count, 1, INT32_MAX) : null,
    completions: valid ? int(g.completions, 1, INT32_MAX) : null,
    parallelisms: valid ? int(g.parallelisms, 1, MAX_PARALLELISM) : null,
    resources: readResources(g.resources),
  };
}

export function readResources(raw: unknown): GroupResources {
  if (!isObject(raw)) {
    return {
      set: false,
      cpus: null,
      ramRatio: null,
      memory: null,
      ramGB: null,
      gpus: null,
      gpuProduct: null,
    };
  }
  const cpus = positive(raw.cpus);
  const ramRatio = positive(raw.ramRatio);
  const memory = positive(raw.memory);
  const acc = isObject(raw.accelerators) ? raw.accelerators : {};
  const gpu = isObject(acc.gpu) ? acc.gpu : {};
  const product = typeof gpu.product === 'string' && gpu.product !== '' ? gpu.product : null;
  // ramRatio is the documented way; when both are given it wins (a warning says so).
  const ramGB = raw.ramRatio !== undefined ? mul(cpus, ramRatio) : memory;
  return {
    set: true,
    cpus,
    ramRatio,
    memory,
    ramGB,
    gpus: int(gpu.count, 0, INT32_MAX),
    gpuProduct: product,
  };
}

/** An integer in `[0, max]`, the default when absent, otherwise null. */
export function int(v: unknown, fallback: number, max: number): number | null {
  if (v === undefined) return fallback;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : null;
}

export function positive(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/** RAM switched between GB per CPU and GB per pod, keeping the same amount (null when unknown). */
export function convertRam(cpus: string, value: string, to: 'ratio' | 'memory'): number | null {
  const c = Number(cpus);
  const v = Number(value);
  if (
    cpus.trim() === '' ||
    value.trim() === '' ||
    !Number.isFinite(c) ||
    !Number.isFinite(v) ||
    c <= 0
  ) {
    return null;
  }
  return to === 'memory' ? Math.round(v * c * 1000) / 1000 : Math.round((v / c) * 1000) / 1000;
}
