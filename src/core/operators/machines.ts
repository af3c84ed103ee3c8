/**
 * Vertex AI machine types as Google Cloud publishes them
 * (https://cloud.google.com/compute/docs/general-purpose-machines#n1_machines): `n1-standard-N`
 * has N vCPUs and 3.75 GB each, `n1-highmem-N` 6.5 GB each, `n1-highcpu-N` 0.9 GB each. A type
 * not listed here is unknown: its figures are "not set", never a guess.
 */
const N1_GB_PER_CPU: Readonly<Record<string, number>> = {
  standard: 3.75,
  highmem: 6.5,
  highcpu: 0.9,
};

const N1_SIZES = new Set([1, 2, 4, 8, 16, 32, 64, 96]);

export interface MachineType {
  readonly cpus: number;
  readonly ramGB: number;
}

export function machineType(name: unknown): MachineType | null {
  if (typeof name !== 'string') return null;
  const m = /^n1-(standard|highmem|highcpu)-(\d+)$/.exec(name);
  if (!m) return null;
  const cpus = Number(m[2]);
  if (!N1_SIZES.has(cpus) || (m[1] !== 'standard' && cpus === 1)) return null;
  return { cpus, ramGB: Math.round(cpus * N1_GB_PER_CPU[m[1]!]! * 100) / 100 };
}
