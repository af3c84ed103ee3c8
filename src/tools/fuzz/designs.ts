/**
 * Random designs for the fuzz's surfaces: groups with odd names, tiny and fractional resources,
 * GPU products that are and are not label values, and sweeps of lists and ranges. Written as
 * YAML text the way a person would (names quoted), so every surface starts from a manifest.
 */
import { quoted } from '../../core/k8s/emit.ts';
import type { DesignSettings } from '../../core/settings.ts';
import type { AxisValues, Sweep, SweepIndex } from '../../core/sweep/sweep.ts';
import type { Rng } from './mutate.ts';

export interface GenGroup {
  readonly name: string;
  readonly count: number;
  readonly completions: number;
  readonly parallelisms: number;
  readonly cpus: number;
  readonly ramRatio: number;
  readonly gpus: number;
  readonly product: string;
}

const NAMES = [
  'worker',
  'trainer',
  'ps',
  'eval',
  'a',
  'w-1',
  'data-loader',
  'x'.repeat(40),
  'Worker',
  'w_1',
  'constructor',
  '__proto__',
  'toString',
  '1st',
  'end-',
  'grüße',
];
const PRODUCTS = [
  'NVIDIA-A100-SXM4-80GB',
  'NVIDIA-H100-80GB-HBM3',
  'Tesla-T4',
  'NVIDIA A100 80GB PCIe',
  '-leading',
  'a'.repeat(64),
  'x.y_z',
];
const CPUS = [1, 2, 4, 8, 96, 0.5, 0.25, 0.001, 0.0001, 1.2345, 3.3333333];
const RATIOS = [1, 2, 3, 4, 0.3, 0.001, 7.77, 1 / 3];

function name(rng: Rng): string {
  if (rng.next() < 0.7) return rng.pick(NAMES);
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
  let s = 'g';
  for (let i = rng.int(12); i > 0; i--) s += letters[rng.int(letters.length)];
  return s;
}

export function genGroups(rng: Rng, max = 4): GenGroup[] {
  const groups: GenGroup[] = [];
  const n = 1 + rng.int(max);
  for (let i = 0; i < n; i++) {
    let nm = name(rng);
    while (groups.some((g) => g.name === nm)) nm += `-${i}`;
    const completions = 1 + rng.int(rng.next() < 0.2 ? 200 : 6);
    groups.push({
      name: nm,
      count: 1 + rng.int(rng.next() < 0.2 ? 500 : 8),
      completions,
      parallelisms: 1 + rng.int(completions),
      cpus: rng.pick(CPUS),
      ramRatio: rng.pick(RATIOS),
      gpus: rng.next() < 0.5 ? 0 : rng.pick([1, 2, 4, 8]),
      product: rng.pick(PRODUCTS),
    });
  }
  return groups;
}

export function designText(groups: readonly GenGroup[], designName = 'fuzz'): string {
  const types = groups
    .map(
      (g) => `    ${quoted(g.name)}:
      count: ${g.count}
      completions: ${g.completions}
      parallelisms: ${g.parallelisms}
      resources:
        cpus: ${g.cpus}
        ramRatio: ${g.ramRatio}
${
  g.gpus
    ? `        accelerators:
          gpu:
            count: ${g.gpus}
            type: gpu
            product: ${quoted(g.product)}
`
    : ''
}`,
    )
    .join('');
  return `kind: AIchorManifest
apiVersion: "0.2.3"
name: ${quoted(designName)}
builder:
  image: image
spec:
  operator: jobset
  image: image
  command: python3 -u train.py
  types:
${types}`;
}

const WORDS = ['adam', 'sgd', "it's", 'a"b', 'é', '$&', '\\n', '', ' lead', 'None', 'True'];

function axisValues(rng: Rng): AxisValues {
  if (rng.next() < 0.5) {
    const n = 1 + rng.int(5);
    const values = Array.from({ length: n }, () => {
      const r = rng.next();
      if (r < 0.3) return rng.pick(WORDS);
      if (r < 0.5) return rng.int(1000) - 500;
      if (r < 0.7)
        return Number((rng.next() * 10 ** (rng.int(20) - 10)).toPrecision(1 + rng.int(17)));
      return rng.pick([1e-7, 3e-4, 0.1, 1e21, -2.5, 0, 123456789.123]);
    });
    return { kind: 'list', values };
  }
  const log = rng.next() < 0.5;
  const from = log ? 10 ** -(1 + rng.int(9)) : rng.int(100) - 50;
  const to = log ? from * 10 ** (1 + rng.int(4)) : from + rng.next() * 100;
  return { kind: 'range', scale: log ? 'log' : 'linear', from, to, points: 1 + rng.int(6) };
}

/** A sweep per group, for some groups; its grid fits the group or not, as the dice say. */
export function genSweeps(rng: Rng, groups: readonly GenGroup[]): Record<string, Sweep> {
  const out: Record<string, Sweep> = {};
  for (const g of groups) {
    if (rng.next() < 0.3) continue;
    const index: SweepIndex = rng.pick(['JOB_INDEX', 'JOB_COMPLETION_INDEX', 'JOB_GLOBAL_INDEX']);
    const axes = Array.from({ length: 1 + rng.int(3) }, (_, i) => ({
      name: rng.pick(['lr', 'opt', 'seed', 'batch_size', 'layers', 'x']) + (i ? i : ''),
      values: axisValues(rng),
    }));
    Object.defineProperty(out, g.name, {
      value: { index, axes },
      enumerable: true,
      writable: true,
    });
  }
  return out;
}

/** The groups with each sweep's figure set to its grid size, most of the time. */
export function fitted(
  rng: Rng,
  groups: readonly GenGroup[],
  sweeps: Readonly<Record<string, Sweep>>,
  size: (s: Sweep) => number,
): GenGroup[] {
  return groups.map((g) => {
    if (!Object.hasOwn(sweeps, g.name) || rng.next() < 0.15) return g;
    const s = sweeps[g.name]!;
    const n = Math.max(1, size(s));
    if (s.index === 'JOB_COMPLETION_INDEX')
      return { ...g, completions: n, parallelisms: Math.min(g.parallelisms, n) };
    return { ...g, count: n };
  });
}

export function genSettings(rng: Rng, groups: readonly GenGroup[]): DesignSettings {
  const durations: Record<string, number> = {};
  for (const g of groups)
    if (rng.next() < 0.5)
      Object.defineProperty(durations, g.name, {
        value: rng.pick([0.25, 1, 1 / 3, 2.5, 24]),
        enumerable: true,
        writable: true,
      });
  return {
    durations,
    synchronous: groups.filter(() => rng.next() < 0.3).map((g) => g.name),
    sweeps: genSweeps(rng, groups),
    ...(rng.next() < 0.3 ? { capacity: { cpus: 1 + rng.int(500), ramGB: 1 + rng.int(4000) } } : {}),
    ...(rng.next() < 0.2 ? { jobsetName: name(rng) } : {}),
  };
}
