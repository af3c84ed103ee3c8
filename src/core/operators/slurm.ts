/**
 * Slurm's own notations, as `sbatch` reads them: sizes (`1G`, `512M`), generic resources
 * (`gpu:2`, `gpu:a100:2`) and time limits (`01:00:00`, `2-12`, `90`).
 */

const UNIT_GB: Readonly<Record<string, number>> = {
  K: 1 / 1024 / 1024,
  M: 1 / 1024,
  G: 1,
  T: 1024,
};

/** GB of a Slurm size (`1G` = 1, `512M` = 0.5; a bare number is MB); null when unreadable. */
export function slurmSizeGB(v: unknown): number | null {
  if (typeof v === 'number') return v > 0 && Number.isFinite(v) ? v / 1024 : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT])?B?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n * UNIT_GB[(m[2] ?? 'M').toUpperCase()]! : null;
}

export interface Gres {
  readonly count: number;
  readonly product: string | null;
}

/** GPUs per node of a `gres` (`gpu`, `gpu:2`, `gpu:a100:2`); null when it names none or is unreadable. */
export function slurmGpus(v: unknown): Gres | null {
  if (typeof v !== 'string') return null;
  for (const part of v.split(',')) {
    const [name, a, b] = part.trim().split(':');
    if (name !== 'gpu') continue;
    if (a === undefined) return { count: 1, product: null };
    if (b === undefined)
      return /^\d+$/.test(a) ? { count: Number(a), product: null } : { count: 1, product: a };
    return /^\d+$/.test(b) ? { count: Number(b), product: a } : null;
  }
  return null;
}

/** Slurm's "no time limit": `0`, `UNLIMITED` or `INFINITE`. */
export function isNoTimeLimit(v: unknown): boolean {
  return (
    (typeof v === 'string' || typeof v === 'number') &&
    /^(0|unlimited|infinite)$/i.test(String(v).trim())
  );
}

/**
 * Hours of a Slurm time limit: `minutes`, `minutes:seconds`, `hours:minutes:seconds`,
 * `days-hours`, `days-hours:minutes`, `days-hours:minutes:seconds`. Null when unreadable.
 */
export function slurmTimeHours(v: unknown): number | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  const m = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(s);
  if (!m) return null;
  const num = (x: string | undefined) => (x === undefined ? null : Number(x));
  const [days, a, b, c] = [num(m[1]), Number(m[2]), num(m[3]), num(m[4])] as const;
  let seconds: number;
  if (days !== null) seconds = days * 86400 + a * 3600 + (b ?? 0) * 60 + (c ?? 0);
  else if (c !== null) seconds = a * 3600 + (b ?? 0) * 60 + c;
  else if (b !== null) seconds = a * 60 + b;
  else seconds = a * 60;
  return seconds > 0 ? seconds / 3600 : null;
}
