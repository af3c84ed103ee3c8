/**
 * Quantities as Kueue counts them (kueue `pkg/resources/requests.go` ResourceValue, `amount.go`):
 * CPU in milli-CPUs, every other resource (memory in bytes, GPUs, pods) in whole units, each
 * rounded up, exactly (decimal arithmetic: `0.1` CPU is 100m, not 100.00000000000001). And
 * printed as its messages print them (`pkg/resources/resource_formatter.go`).
 */

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** What stands for more than any cluster has (Kueue saturates too, and prints `<unlimited>`). */
export const UNLIMITED = 1e30;

/** Resources Kueue prints in binary units (`10Mi`, `5Gi`). */
const BINARY_RESOURCES = /^(memory|ephemeral-storage|hugepages-.*)$/;

/** Kueue's integer for a quantity of `resource`, rounded up; null when it is not a quantity. */
export function amountOf(resource: string, value: unknown): number | null {
  const text = typeof value === 'number' ? numberText(value) : value;
  if (typeof text !== 'string') return null;
  const m = QUANTITY.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const [, sign, whole, fraction = '', suffix] = m;
  // value = digits x 10^(exp10 - fraction digits) x 2^exp2
  let digits = BigInt(`${whole}${fraction}` || '0');
  let exp10 = -fraction.length + (resource === 'cpu' ? 3 : 0);
  let exp2 = 0;
  if (suffix !== undefined) {
    if (suffix in BINARY) exp2 = BINARY[suffix]!;
    else if (suffix in DECIMAL) exp10 += DECIMAL[suffix]!;
    else exp10 += Number(suffix.slice(1));
  }
  // Whole numbers that stay exact as doubles (most requests: `8`, `32Gi`): no BigInt.
  if (fraction === '' && whole !== undefined && whole.length <= 15 && exp10 >= 0) {
    const n = Number(whole) * 10 ** exp10 * 2 ** exp2;
    if (n <= Number.MAX_SAFE_INTEGER) return sign === '-' ? 0 : n;
  }
  digits *= 2n ** BigInt(exp2);
  // Past 10^30 (no cluster has it) a quantity is as good as unlimited: kept finite, and no
  // BigInt of a billion digits is built for `1e999999999`.
  const size = digits.toString().length;
  if (digits === 0n) return 0;
  if (exp10 + size > 30) return sign === '-' ? 0 : UNLIMITED;
  if (exp10 + size < 0) return sign === '-' ? 0 : 1;
  let out: bigint;
  if (exp10 >= 0) out = digits * 10n ** BigInt(exp10);
  else {
    const d = 10n ** BigInt(-exp10);
    out = digits / d + (digits % d === 0n ? 0n : 1n);
  }
  const n = Number(out);
  // Kueue floors negative requests to zero.
  return sign === '-' ? 0 : n;
}

/** A number as a quantity's text (YAML may give `16` or `0.5` as numbers). */
function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  return n.toString().includes('e') ? n.toExponential().replace('e+', 'e') : n.toString();
}

/** An amount as Kueue's messages print it: `3`, `500m`, `10Mi`, `1G`, `16`. */
export function formatAmount(resource: string, amount: number): string {
  if (amount >= UNLIMITED) return '<unlimited>';
  if (resource === 'cpu') {
    if (amount % 1000 !== 0) return `${amount}m`;
    return decimal(amount / 1000);
  }
  if (BINARY_RESOURCES.test(resource)) return binary(amount);
  return decimal(amount);
}

/** Canonical decimal SI: the largest suffix that keeps an integer (`2000` -> `2k`). */
const decimal = (n: number) => scaled(n, 1000, ['', 'k', 'M', 'G', 'T', 'P', 'E']);

/** Canonical binary SI when a multiple of 1024 (`10Mi`), else decimal (`1G`). */
const binary = (n: number) =>
  n % 1024 === 0 ? scaled(n, 1024, ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']) : decimal(n);

function scaled(n: number, base: number, suffixes: readonly string[]): string {
  if (n === 0) return '0';
  let i = 0;
  while (i < suffixes.length - 1 && n % base === 0) {
    n /= base;
    i++;
  }
  return `${n}${suffixes[i]}`;
}
