/**
 * Cluster findings: what the simulated run on the user's cluster (a design setting) shows: a peak
 * that does not fit, a synchronous group the cluster cannot hold at once, a pod too large for it.
 * They are not manifest diagnostics (SEMANTICS.md, "Design settings are not the manifest"): they
 * never change the manifest's validity, the CLI's exit code or the error count on Download. They
 * share the diagnostic's shape, so that each points at its group and carries its fix.
 */
import { num } from '../format.ts';
import { q } from '../quote.ts';
import type { Diagnostic, Fix } from '../diagnostics.ts';
import type { Source } from '../manifest/source.ts';
import type { Capacity } from '../settings.ts';
import { holdsAtOnce, type SimGroup, type Simulation } from './simulate.ts';
import { productOf, type Expansion, type GroupFigures } from '../jobset/expand.ts';
import { sweepField, type Sweep } from '../sweep/sweep.ts';

type Dim = 'cpus' | 'ramGB' | 'gpus';

export function clusterFindings(
  expansion: Expansion,
  capacity: Capacity,
  sim: Simulation | null,
  source: Source,
  sweeps: Readonly<Record<string, Sweep>> = {},
): Diagnostic[] {
  const ctx: Ctx = {
    capacity,
    source,
    sweeps,
    keyOf: (name) => source.spanFor(['spec', 'types', name], 'key'),
    fixSet: (name, key, value, title) => ({
      title,
      op: 'set',
      path: ['spec', 'types', name, key],
      value,
      after: key === 'count' ? [] : ['count', 'completions'],
    }),
  };
  const out = peakFindings(expansion, ctx);
  const byName = new Map(expansion.groups.map((g) => [g.name, g]));
  for (const s of sim?.groups ?? []) {
    const found = groupFinding(byName.get(s.name)!, s, sim!, ctx);
    if (found) out.push(found);
  }
  return out;
}

/** What the findings are written with: the cluster, the text's places, the sweeps, a fix's shape. */
interface Ctx {
  readonly capacity: Capacity;
  readonly source: Source;
  readonly sweeps: Readonly<Record<string, Sweep>>;
  readonly keyOf: (name: string) => ReturnType<Source['spanFor']>;
  readonly fixSet: (name: string, key: string, value: number, title: string) => Fix;
}

/** Peak over capacity, per dimension (GPUs per product); the fix lowers the biggest group's parallelisms. */
function peakFindings(
  expansion: Expansion,
  { capacity, source, keyOf, fixSet }: Ctx,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dims: [Dim, string, number | undefined][] = [
    ['cpus', 'CPUs', capacity.cpus],
    ['ramGB', 'GB of RAM', capacity.ramGB],
  ];
  for (const [dim, label, cap] of dims) {
    const peak = expansion.totals.peak[dim];
    if (cap === undefined || peak === null || peak <= cap) continue;
    out.push(peakDiagnostic(expansion, dim, label, peak, cap, source, keyOf, fixSet));
  }
  if (!capacity.gpus) return out;
  for (const [product, peak] of Object.entries(expansion.totals.peak.gpusByProduct)) {
    const cap = Object.hasOwn(capacity.gpus, product) ? capacity.gpus[product]! : 0;
    if (peak <= cap) continue;
    const groups = expansion.groups.filter((g) => productOf(g) === product);
    const label = `${product} GPUs`;
    out.push(
      peakDiagnostic({ ...expansion, groups }, 'gpus', label, peak, cap, source, keyOf, fixSet),
    );
  }
  return out;
}

/** What the run on the cluster says of one group: it can never start, idles, or is blocked. */
function groupFinding(
  g: GroupFigures,
  s: SimGroup,
  sim: Simulation,
  { capacity, source, sweeps, keyOf, fixSet }: Ctx,
): Diagnostic | null {
  const at = ['spec', 'types', g.name];
  if (s.synchronous?.canNeverStart) {
    const holds = holdsAtOnce(g, capacity);
    const count = Math.floor(holds / g.effectiveParallelism!);
    // A group whose sweep numbers its Jobs: fewer Jobs would leave points that never run.
    const swept = Object.hasOwn(sweeps, g.name) && sweepField(sweeps[g.name]!.index) === 'count';
    return source.diagnostic(
      'error',
      'synchronous-over-capacity',
      `Group ${q(g.name)} runs synchronously but the cluster holds only ${holds} of its ${g.concurrentPods} pods at once: the early pods would wait for the rest forever, holding their resources. ${swept ? `Its sweep needs all ${g.count} Jobs: shrink the sweep or lower parallelisms, or run it on a larger cluster.` : 'Lower count or parallelisms, or run it on a larger cluster.'}`,
      at,
      keyOf(g.name),
      count >= 1 && !swept
        ? fixSet(g.name, 'count', count, `Set count to ${count} (fits the cluster)`)
        : undefined,
    );
  }
  if (s.synchronous && s.synchronous.allUpAt !== null && s.synchronous.idlePodHours > 0) {
    return source.diagnostic(
      'warning',
      'synchronous-idle',
      `Group ${q(g.name)} runs synchronously, and on this cluster its first pods start before the last ones (all are up at ${s.synchronous.allUpAt} h): they hold ${s.synchronous.idlePodHours} pod-hours (${s.synchronous.idleGpuHours} GPU-hours) idle while waiting.`,
      at,
      keyOf(g.name),
    );
  }
  if (!s.neverStarts) return null;
  if (holdsAtOnce(g, capacity) < 1) {
    return source.diagnostic(
      'error',
      'pod-over-capacity',
      `One pod of group ${q(g.name)} asks for more than the whole cluster has free: it can never start. Lower its requests or enter a larger capacity.`,
      at,
      keyOf(g.name),
    );
  }
  // It would fit, but what it needs stays held by pods that wait forever for their peers.
  const stuck = sim.groups.filter((x) => x.synchronous?.canNeverStart);
  return source.diagnostic(
    'error',
    'blocked-by-synchronous',
    `Some pods of group ${q(g.name)} never start: the capacity they need stays held by ${stuck.map((x) => `${q(x.name)}`).join(', ') || 'other pods'}, which wait${stuck.length === 1 ? 's' : ''} forever for the rest of ${stuck.length === 1 ? 'its' : 'their'} pods. Make that group fit the cluster first.`,
    at,
    keyOf(g.name),
  );
}

function peakDiagnostic(
  expansion: Expansion,
  dim: Dim,
  label: string,
  peak: number,
  cap: number,
  source: Source,
  keyOf: (name: string) => { start: number; end: number },
  fixSet: (name: string, key: string, value: number, title: string) => Fix,
): Diagnostic {
  const biggest = [...expansion.groups].sort((a, b) => (b.peak[dim] ?? 0) - (a.peak[dim] ?? 0))[0]!;
  const others = peak - (biggest.peak[dim] ?? 0);
  const perJobPod = biggest.pod[dim === 'ramGB' ? 'ramGB' : dim] ?? 0;
  const p =
    perJobPod > 0 && biggest.count ? Math.floor((cap - others) / (biggest.count * perJobPod)) : 0;
  const fix =
    p >= 1 && p < (biggest.effectiveParallelism ?? 0)
      ? fixSet(
          biggest.name,
          'parallelisms',
          p,
          `Set parallelisms of ${q(biggest.name)} to ${p} (peak fits)`,
        )
      : undefined;
  return source.diagnostic(
    'warning',
    'peak-over-capacity',
    `At its peak the design asks for ${num(peak)} ${label}; the cluster has ${num(cap)} free. Pods will queue (see the simulated makespan).${fix ? ` Lowering the parallelisms of ${q(biggest.name)} to ${p} makes the peak fit.` : ''}`,
    ['spec', 'types', biggest.name],
    keyOf(biggest.name),
    fix,
  );
}
