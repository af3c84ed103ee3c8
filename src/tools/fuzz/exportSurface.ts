/**
 * Export: random designs as JobSets, against the CRD's schema and the webhook's rules
 * (jobsetRules.ts), and read by PyYAML as by the YAML library.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { analyze, exportJobSet } from '../../core/index.ts';
import { designText, genGroups } from './designs.ts';
import { isDns1035, isLabelValue, jobsetProblems } from './jobsetRules.ts';
import { comparable } from './python.ts';
import type { Json, SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

export async function exportCase({ rng, python }: SurfaceContext): Promise<SurfaceResult> {
  const groups = genGroups(rng);
  const text = designText(
    groups,
    rng.pick([
      'fuzz',
      'My Run #1',
      'x'.repeat(70),
      'é',
      '',
      'run\u0085kind: Pod',
      'a\u2028b\u007f',
      'q\ufffe\r\n#',
    ]),
  );
  const a = analyze(text);
  const r = exportJobSet(a);
  const fail = (problem: string) => ({ problem, input: text });
  if (!a.valid)
    return r.kind === 'invalid'
      ? { problem: null, input: text }
      : fail(`an invalid design exports as ${r.kind}`);
  const unlabelled = groups.filter((g) => g.gpus > 0 && !isLabelValue(g.product));
  if (r.kind === 'refused')
    return unlabelled.length
      ? { problem: null, input: text }
      : fail(`refused with no product to blame: ${r.reasons.join('; ')}`);
  if (unlabelled.length && r.kind === 'exported')
    return fail(
      `GPU product ${JSON.stringify(unlabelled[0]!.product)} exported into a node selector`,
    );
  if (r.kind === 'bad-name') {
    // The webhook would refuse the name: some rule must fail for some group.
    const fails =
      !isDns1035(r.name) ||
      groups.some(
        (g) =>
          !isDns1035(`${r.name}-${g.name}-${g.count - 1}`) ||
          `${r.name}-${g.name}-${g.count - 1}-${g.completions - 1}-abcde`.length > 63,
      );
    return fails
      ? { problem: null, input: text }
      : fail(`name ${r.name} refused though the webhook takes it`);
  }
  if (r.kind !== 'exported') return fail(`a valid design exports as ${r.kind}`);
  let js: Json;
  try {
    js = parseYaml(r.yaml) as Json;
  } catch (err) {
    return fail(`the export is not YAML: ${String(err)}`);
  }
  const want = new Map(
    groups.map((g) => [
      g.name,
      { cpus: g.cpus, ramBytes: g.cpus * g.ramRatio * 2 ** 30, gpus: g.gpus },
    ]),
  );
  // The platform's Python reader reads the file as the YAML library does.
  const py = await python.load(r.yaml);
  if ('error' in py) return fail(`PyYAML cannot read the export: ${py.error}`);
  if (!isDeepStrictEqual(py.data, comparable(js))) return fail('PyYAML reads the export otherwise');
  const problems = jobsetProblems(js, want);
  return problems.length ? fail(problems.slice(0, 3).join('; ')) : { problem: null, input: text };
}
