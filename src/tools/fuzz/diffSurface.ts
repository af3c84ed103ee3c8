/** Diff: pairs of designs; each delta is the difference of `expand`'s figures. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runCli } from '../../cli/run.ts';
import { designText, genGroups } from './designs.ts';
import type { Rng } from './mutate.ts';
import type { Json, SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

function variant(rng: Rng, text: string): string {
  switch (rng.int(5)) {
    case 0:
      return text.replace(/count: (\d+)/, (_, n: string) => `count: ${Number(n) + 1 + rng.int(5)}`);
    case 1:
      return text.replace(/\n {4}"([^"]*)":\n/, (_, n: string) => `\n    "${n}-b":\n`);
    case 2:
      return text.replace(/cpus: [\d.e-]+/, `cpus: ${rng.pick([1, 2, 16])}`);
    case 3:
      return text.replace(/\n {4}"[^"]*":\n(?: {6}.*\n)+/, '\n');
    default:
      return designText(genGroups(rng));
  }
}

export async function diffCase({ rng, dir }: SurfaceContext): Promise<SurfaceResult> {
  const a = designText(genGroups(rng));
  const b = rng.next() < 0.1 ? a : variant(rng, a);
  const input = `${a}\n--- b ---\n${b}`;
  const fail = (problem: string) => ({ problem, input });
  writeFileSync(join(dir, 'a.yaml'), a);
  writeFileSync(join(dir, 'b.yaml'), b);
  const [d, ea, eb] = await Promise.all([
    runCli(['diff', 'a.yaml', 'b.yaml', '--json'], '', dir),
    runCli(['expand', 'a.yaml'], '', dir),
    runCli(['expand', 'b.yaml'], '', dir),
  ]);
  if (d.code !== 0) return fail(`diff exited ${d.code}: ${d.stderr.slice(0, 200)}`);
  const diff = JSON.parse(d.stdout) as {
    totals: { key: string; a: number | null; b: number | null; delta: number | null }[];
    groups: { kind: string; name?: string; from?: string; to?: string }[];
    same: boolean;
  };
  const x = JSON.parse(ea.stdout) as Json;
  const y = JSON.parse(eb.stdout) as Json;
  const figure = (e: Json, key: string): number | null => {
    const t = e.totals as Json | null;
    if (!t) return null;
    const peak = t.peak as Json & { gpusByProduct: Record<string, number> };
    if (key.startsWith('gpus:')) return peak.gpusByProduct[key.slice(5)] ?? 0;
    if (['cpus', 'ramGB', 'gpus'].includes(key)) return peak[key] as number;
    if (key === 'makespan') return ((e.schedule as Json | null)?.makespan as number) ?? null;
    return (t[key] as number) ?? null;
  };
  for (const row of diff.totals) {
    if (row.key.includes('Cost') || row.key.startsWith('simulated')) continue;
    const fa = figure(x, row.key);
    const fb = figure(y, row.key);
    if (fa !== row.a || fb !== row.b)
      return fail(`${row.key}: diff says ${row.a} -> ${row.b}, expand says ${fa} -> ${fb}`);
    if (
      fa !== null &&
      fb !== null &&
      Math.abs((row.delta ?? NaN) - (fb - fa)) > 1e-9 * Math.max(1, Math.abs(fa), Math.abs(fb))
    )
      return fail(`${row.key}: delta ${row.delta}, not ${fb - fa}`);
  }
  const named = (e: Json) =>
    new Map(((e.types as Json[]) ?? []).map((t) => [t.name as string, JSON.stringify(t)]));
  const ga = named(x);
  const gb = named(y);
  for (const g of diff.groups) {
    const name = g.name ?? g.to!;
    if (g.kind === 'same' && ga.get(name) !== gb.get(name))
      return fail(`group ${name} is "same" but expand differs`);
    if (g.kind === 'added' && ga.has(name)) return fail(`group ${name} is "added" but a has it`);
    if (g.kind === 'removed' && gb.has(name))
      return fail(`group ${name} is "removed" but b has it`);
    if (g.kind === 'renamed' && (gb.has(g.from!) || ga.has(g.to!)))
      return fail(`"renamed" ${g.from} -> ${g.to} is not a rename`);
  }
  const sorted = (m: Map<string, string>) => [...m].sort(([p], [q]) => (p < q ? -1 : 1));
  const expandSame =
    isDeepStrictEqual(sorted(ga), sorted(gb)) && isDeepStrictEqual(x.totals, y.totals);
  if (diff.same !== expandSame)
    return fail(`diff says same: ${diff.same}, expand says ${expandSame}`);
  return { problem: null, input };
}
