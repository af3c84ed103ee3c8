/**
 * Kubernetes resource quantities (`500m`, `8Gi`, `1.5`, `1e3`, `16G`) as numbers: the forms of
 * the `resource.Quantity` grammar, read into plain units (cores, bytes, counts).
 */
import { MEMORY_UNIT } from './labels.ts';

const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?(?:\d+(?:\.\d*)?|\.\d+))?$/;

const SUFFIX: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The quantity's value in base units, or null when it is not a quantity. */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = QUANTITY.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix === undefined) return n;
  if (suffix[0] === 'e' || suffix[0] === 'E') return n * 10 ** Number(suffix.slice(1));
  return n * SUFFIX[suffix]!;
}

/**
 * CPUs as Kubernetes counts them: whole cores as a number, else thousandths (`500m`), rounded up
 * so that a tiny request never becomes 0.
 */
export function cpuQuantity(cpus: number): { value: number | string; rounded: boolean } {
  if (Number.isInteger(cpus)) return { value: cpus, rounded: false };
  const milli = cpus * 1000;
  const whole = Math.round(milli);
  if (Math.abs(milli - whole) < 1e-6 && whole > 0) return { value: `${whole}m`, rounded: false };
  return { value: `${Math.max(1, Math.ceil(milli))}m`, rounded: true };
}

/**
 * `gb` GiB (the export's unit for the platform's GB) in whole units: `Gi`, `Mi`, `Ki` or bytes,
 * the largest that is exact; past that rounded up to a whole byte, never to 0.
 */
export function memoryQuantity(gb: number): { value: string | number; rounded: boolean } {
  for (const [unit, per] of [
    [MEMORY_UNIT, 1],
    ['Mi', 2 ** 10],
    ['Ki', 2 ** 20],
  ] as const) {
    const n = gb * per;
    if (Number.isInteger(n) && n > 0) return { value: `${n}${unit}`, rounded: false };
  }
  const bytes = gb * 2 ** 30;
  const whole = Math.ceil(bytes - 1e-6);
  return { value: Math.max(1, whole), rounded: Math.abs(bytes - whole) > 1e-6 };
}

/**
 * The GB a memory quantity stands for, as the shortest decimal that `memoryQuantity` writes as
 * the same bytes: a RAM of 0.1 GB exported as 107374183 bytes (rounded up) reads back as 0.1.
 */
export function gbOfBytes(bytes: number): number {
  const exact = bytes / 2 ** 30;
  for (let p = 1; p <= 15; p++) {
    const g = Number(exact.toPrecision(p));
    const back = memoryQuantity(g).value;
    if ((typeof back === 'number' ? back : parseQuantity(back)) === bytes) return g;
  }
  return Number(exact.toPrecision(12));
}
