/** "Did you mean": the known key a misspelt one most likely stands for. */

/** Names people reach for that are too far from the right key for an edit distance. */
const ALIASES: Readonly<Record<string, string>> = {
  replicas: 'count',
  parallelism: 'parallelisms',
  completion: 'completions',
  cpu: 'cpus',
  ram: 'ramRatio',
  ramratio: 'ramRatio',
  memorygb: 'memory',
  shmsize: 'shmSizeGB',
  gpus: 'gpu',
  accelerator: 'accelerators',
};

const normalise = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** Returns the best known key for `key`, or null when none is close enough. */
export function suggestKey(key: string, known: readonly string[]): string | null {
  if (known.includes(key)) return null;
  const lookup = (k: string) => (Object.hasOwn(ALIASES, k) ? ALIASES[k] : undefined);
  const alias = lookup(key) ?? lookup(normalise(key));
  if (alias && known.includes(alias)) return alias;
  const n = normalise(key);
  const exact = known.find((k) => normalise(k) === n);
  if (exact) return exact;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(n, normalise(k));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const allowed = n.length <= 4 ? 1 : n.length <= 8 ? 2 : 3;
  return bestDistance <= allowed ? best : null;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
