/**
 * Import: exported JobSets, mutated; every field of the input is carried over or reported
 * (importOracle.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { analyze, exportJobSet, importJobSet } from '../../core/index.ts';
import { designText, genGroups } from './designs.ts';
import { unaccounted } from './importOracle.ts';
import { isDns1035 } from './jobsetRules.ts';
import type { Rng } from './mutate.ts';
import { comparable } from './python.ts';
import type { Json, SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

type Change = (js: Json, rng: Rng) => void;
const rj0 = (js: Json, rng: Rng) => rng.pick((js.spec as Json).replicatedJobs as Json[]);
const jobOf = (rj: Json) => (rj.template as Json).spec as Json;
const podOf = (rj: Json) => (jobOf(rj).template as Json).spec as Json;
const containerOf = (rj: Json) => (podOf(rj).containers as Json[])[0]!;

const CHANGES: readonly Change[] = [
  (js) => ((js.spec as Json).suspend = true),
  (js) => ((js.spec as Json).ttlSecondsAfterFinished = 100),
  (js) => ((js.spec as Json).failurePolicy = { maxRestarts: 3 }),
  (js) => ((js.spec as Json).successPolicy = { operator: 'Any' }),
  (js) => ((js.spec as Json).startupPolicy = { startupPolicyOrder: 'InOrder' }),
  (js) => ((js.metadata as Json).namespace = 'team'),
  (js, rng) =>
    ((js.metadata as Json).name = rng.pick([
      'run\u0085x: 1',
      'a\u2028b',
      'q\u007fr',
      'e\uffff',
      'x\ry',
    ])),
  (js) => ((js.metadata as Json).labels = { team: 'ml' }),
  (js, rng) => (rj0(js, rng).groupName = 'pool'),
  (js, rng) => (jobOf(rj0(js, rng)).backoffLimit = 3),
  (js, rng) => delete jobOf(rj0(js, rng)).backoffLimit,
  (js, rng) => delete jobOf(rj0(js, rng)).completionMode,
  (js, rng) => (jobOf(rj0(js, rng)).completionMode = 'NonIndexed'),
  (js, rng) => (jobOf(rj0(js, rng)).ttlSecondsAfterFinished = 5),
  (js, rng) => (jobOf(rj0(js, rng)).activeDeadlineSeconds = 3600),
  (js, rng) => (jobOf(rj0(js, rng)).podFailurePolicy = { rules: [] }),
  (js, rng) => delete podOf(rj0(js, rng)).restartPolicy,
  (js, rng) => (podOf(rj0(js, rng)).restartPolicy = 'OnFailure'),
  (js, rng) => (podOf(rj0(js, rng)).hostname = 'h'),
  (js, rng) => (podOf(rj0(js, rng)).subdomain = 's'),
  (js, rng) => (podOf(rj0(js, rng)).tolerations = [{ key: 'gpu', operator: 'Exists' }]),
  (js, rng) => (podOf(rj0(js, rng)).priorityClassName = 'high'),
  (js, rng) => (podOf(rj0(js, rng)).serviceAccountName = 'sa'),
  (js, rng) => (podOf(rj0(js, rng)).initContainers = [{ name: 'init', image: 'busybox' }]),
  (js, rng) => delete podOf(rj0(js, rng)).nodeSelector,
  (js, rng) => (podOf(rj0(js, rng)).nodeSelector = { 'cloud.google.com/gke-spot': 'true' }),
  (js, rng) => ((jobOf(rj0(js, rng)).template as Json).metadata = { labels: { a: 'b' } }),
  (js, rng) => (containerOf(rj0(js, rng)).workingDir = '/w'),
  (js, rng) => (containerOf(rj0(js, rng)).ports = [{ containerPort: 29500 }]),
  (js, rng) => (containerOf(rj0(js, rng)).args = ['--epochs', '3']),
  (js, rng) => {
    const c = containerOf(rj0(js, rng));
    c.env = [...((c.env as Json[]) ?? []), { name: 'FOO', value: 'bar' }];
  },
  (js, rng) => {
    const c = containerOf(rj0(js, rng));
    c.env = [...((c.env as Json[]) ?? []), { name: 'JOB_COMPLETION_INDEX', value: '3' }];
  },
  (js, rng) => {
    const c = containerOf(rj0(js, rng));
    const env = (c.env as Json[]) ?? [];
    if (env.length) env.splice(rng.int(env.length), 1);
  },
  (js, rng) => {
    const r = containerOf(rj0(js, rng)).resources as Json;
    ((r.requests ??= {}) as Json).cpu = rng.pick(['0', '2000m', '1.5', 3, '100m']);
  },
  (js, rng) => {
    const r = containerOf(rj0(js, rng)).resources as Json;
    ((r.limits ??= {}) as Json).memory = rng.pick(['1G', '1536Mi', '0', '3Gi']);
  },
  (js, rng) => {
    const r = containerOf(rj0(js, rng)).resources as Json;
    ((r.limits ??= {}) as Json)['nvidia.com/gpu'] = rng.pick([0, 2, '1']);
  },
  (js, rng) => delete (containerOf(rj0(js, rng)).resources as Json).limits,
  (js, rng) => (rj0(js, rng).replicas = 1 + rng.int(9)),
  (js, rng) => (jobOf(rj0(js, rng)).parallelism = 1 + rng.int(3)),
  (js, rng) => delete jobOf(rj0(js, rng)).parallelism,
];

export async function importCase({ rng, python }: SurfaceContext): Promise<SurfaceResult> {
  let exported: ReturnType<typeof exportJobSet> | null = null;
  for (let tries = 0; tries < 20 && exported?.kind !== 'exported'; tries++) {
    const groups = genGroups(rng, 3).map((g) => ({
      ...g,
      name: `g${g.name.replace(/[^a-z0-9-]/g, '')}`.slice(0, 20).replace(/-+$/, ''),
    }));
    const unique = groups.filter((g, i) => groups.findIndex((h) => h.name === g.name) === i);
    exported = exportJobSet(
      analyze(
        designText(
          unique.map((g) => ({
            ...g,
            count: Math.min(g.count, 20),
            completions: Math.min(g.completions, 20),
            parallelisms: Math.min(g.parallelisms, g.completions, 20),
          })),
        ),
      ),
    );
  }
  if (exported?.kind !== 'exported') return { problem: null, input: '' };
  const js = parseYaml(exported.yaml) as Json;
  for (let n = 1 + rng.int(3); n > 0; n--) rng.pick(CHANGES)(js, rng);
  const input = stringify(js);
  const fail = (problem: string) => ({ problem, input });
  const r = importJobSet(input);
  if (r.kind !== 'imported') return fail(`not imported: ${r.reason}`);
  const py = await python.load(r.manifest);
  if ('error' in py) return fail(`PyYAML cannot read the imported manifest: ${py.error}`);
  if (!isDeepStrictEqual(py.data, comparable(parseYaml(r.manifest))))
    return fail('PyYAML reads the imported manifest otherwise');
  // The JobSet's own name, when Kubernetes would take it (else the input was no valid JobSet:
  // the name is kept as the design's name only).
  const back = exportJobSet(
    analyze(r.manifest),
    r.name !== null && isDns1035(r.name) ? r.name : undefined,
  );
  if (back.kind !== 'exported') {
    // The import made a design that cannot go back: it must have said why.
    return r.report.some((i) => i.severity === 'warning')
      ? { problem: null, input }
      : fail(`the imported design does not export (${back.kind}) and nothing was reported`);
  }
  const problem = unaccounted(js, parseYaml(back.yaml) as Json, r.report);
  return { problem, input };
}
