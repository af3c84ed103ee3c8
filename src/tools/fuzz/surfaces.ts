/**
 * The fuzz's other surfaces, each an input made from the seed and an oracle that knows the
 * answer without asking the code under test twice:
 * - links: a design's link, damaged; it opens exactly the design, or is refused, never another;
 * - file names: odd names through `validate --format sarif|github`; each location resolves back
 *   to the file;
 * - export: random designs as JobSets, against the CRD's schema and the webhook's rules (names,
 *   label values, whole-unit quantities never below the request);
 * - import: exported JobSets, mutated; every field of the input is carried over or reported,
 *   and every field the result adds or changes is reported where the input lacks it;
 * - diff: pairs of designs; each delta is the difference of `expand`'s figures;
 * - program: random sweeps through `program`; it compiles, and every pod's `params()` (run by
 *   Python) equals the designer's point, or raises where the designer has none.
 * A check returns the reason it failed, or null.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { analyze, exportJobSet, importJobSet } from '../../core/index.ts';
import { gridSize, podParams, sweepProblems, type Sweep } from '../../core/sweep/sweep.ts';
import { runCli } from '../../cli/run.ts';
import { decodeDesign, encodeDesign } from '../../core/link/codec.ts';
import { designerEnv, samplePods } from '../../fixtures/designRun.ts';
import { crdSchema, validateOpenApi, type OpenApiNode } from '../../fixtures/openapi.ts';
import { JOBSET_CRD } from '../../fixtures/read.ts';
import { designText, fitted, genGroups, genSettings, genSweeps } from './designs.ts';
import type { Rng } from './mutate.ts';
import { comparable, type PythonOracle } from './python.ts';

export const SURFACES = ['link', 'file-name', 'export', 'import', 'diff', 'program'] as const;
export type Surface = (typeof SURFACES)[number];

export interface SurfaceContext {
  readonly rng: Rng;
  /** A folder of its own for files the CLI reads and writes. */
  readonly dir: string;
  readonly python: PythonOracle;
  /** Texts of real and shipped manifests. */
  readonly sources: readonly string[];
}

export interface SurfaceResult {
  readonly problem: string | null;
  /** The input, to write beside a finding. */
  readonly input: string;
}

export function checkSurface(surface: Surface, ctx: SurfaceContext): Promise<SurfaceResult> {
  switch (surface) {
    case 'link':
      return linkCase(ctx);
    case 'file-name':
      return fileNameCase(ctx);
    case 'export':
      return exportCase(ctx);
    case 'import':
      return importCase(ctx);
    case 'diff':
      return diffCase(ctx);
    case 'program':
      return programCase(ctx);
  }
}

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Links

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function damage(link: string, rng: Rng): string {
  const at = rng.int(link.length);
  switch (rng.int(6)) {
    case 0:
      return link.slice(0, at) + rng.pick([...B64]) + link.slice(at + 1);
    case 1:
      return link.slice(0, at);
    case 2:
      return link.slice(0, at) + link.slice(at + 1);
    case 3:
      return link.slice(0, at) + rng.pick([...B64, '.', '%', ' ', 'é']) + link.slice(at);
    case 4: {
      const b = rng.int(link.length);
      const [i, j] = at < b ? [at, b] : [b, at];
      return link.slice(0, i) + link[j] + link.slice(i + 1, j) + link[i] + link.slice(j + 1);
    }
    default:
      return rng.pick(['v1.', 'v3.', 'V2.', 'v2..', '']) + link.replace(/^v2\./, '');
  }
}

async function linkCase({ rng, sources }: SurfaceContext): Promise<SurfaceResult> {
  const groups = genGroups(rng);
  const text = rng.next() < 0.5 ? designText(groups) : rng.pick(sources);
  const design = { text, settings: genSettings(rng, groups) };
  const link = (await encodeDesign(design))!;
  const original = await decodeDesign(link);
  if (!original.ok) return { problem: `a fresh link is refused: ${original.reason}`, input: link };
  if (original.design.text !== text)
    return { problem: 'a fresh link opens another text', input: link };
  if (!isDeepStrictEqual(original.design.settings, design.settings))
    return {
      problem: `a fresh link opens other settings: ${JSON.stringify(original.design.settings).slice(0, 300)}`,
      input: link,
    };
  let damaged = link;
  for (let n = 1 + rng.int(rng.next() < 0.8 ? 1 : 3); n > 0; n--) damaged = damage(damaged, rng);
  const opened = await decodeDesign(damaged);
  if (!opened.ok) {
    const cut = link.startsWith(damaged) && damaged !== link;
    if (cut && !/cut short|does not hold|newer version/.test(opened.cause))
      return { problem: `a cut link is called "${opened.cause}"`, input: damaged };
    return { problem: null, input: damaged };
  }
  if (!isDeepStrictEqual(opened.design, original.design))
    return { problem: 'a damaged link opens another design', input: damaged };
  return { problem: null, input: damaged };
}

// ---------------------------------------------------------------------------------------------
// File names

const NAME_CHARS = [
  ...'abcXYZ019-_.',
  '#',
  '?',
  '%',
  '%2F',
  ':',
  ',',
  ';',
  '&',
  '=',
  ' ',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '|',
  '+',
  '@',
  '!',
  '$',
  '(',
  ')',
  '~',
  '`',
  'é',
  'ß',
  '日本',
  '🙂',
  '%25',
  '%0A',
  '::',
];

function fileName(rng: Rng): string {
  const segments = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
  const parts: string[] = [];
  for (let s = 0; s < segments; s++) {
    let p = '';
    for (let n = 1 + rng.int(10); n > 0; n--) p += rng.pick(NAME_CHARS);
    if (p === '.' || p === '..') p = `${p}x`;
    parts.push(p);
  }
  const name = `${parts.join('/')}${rng.pick(['.yaml', '.yml', '', '.yaml#1'])}`;
  // `-` alone is standard input, even after `--` (the convention every tool keeps).
  return name === '-' ? '-.yaml' : name;
}

/** A GitHub workflow command's properties, read as the runner reads them. */
export function githubProperties(line: string): Record<string, string> | null {
  const m = /^::(error|warning|notice) ([^:]*(?:%3A[^:]*)*)::/.exec(line);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const kv of m[2]!.split(',')) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    out[kv.slice(0, eq)] = kv
      .slice(eq + 1)
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  }
  return out;
}

async function fileNameCase({ rng, dir }: SurfaceContext): Promise<SurfaceResult> {
  const name = fileName(rng);
  const root = join(dir, 'names');
  rmSync(root, { recursive: true, force: true });
  const path = join(root, name);
  mkdirSync(join(path, '..'), { recursive: true });
  // An error and a warning, so that every format has locations to write.
  writeFileSync(path, designText(genGroups(rng, 1)).replace(/count: \d+/, 'count: -1'));
  const sarif = await runCli(['validate', '--format', 'sarif', '--', name], '', root);
  let log: Json;
  try {
    log = JSON.parse(sarif.stdout) as Json;
  } catch {
    return { problem: `no SARIF (exit ${sarif.code}): ${sarif.stderr.slice(0, 200)}`, input: name };
  }
  const results = ((log.runs as Json[])[0]!.results as Json[]) ?? [];
  if (results.length === 0) return { problem: 'SARIF has no result for the file', input: name };
  const base = pathToFileURL(`${root}/`);
  for (const r of results) {
    const uri = (((r.locations as Json[])[0]!.physicalLocation as Json).artifactLocation as Json)
      .uri as string;
    let back: string;
    try {
      back = fileURLToPath(new URL(uri, base));
    } catch (err) {
      return { problem: `SARIF uri ${uri} does not resolve: ${String(err)}`, input: name };
    }
    if (back !== path)
      return { problem: `SARIF uri ${uri} resolves to ${back}, not the file`, input: name };
  }
  const github = await runCli(['validate', '--format', 'github', '--', name], '', root);
  const lines = github.stdout.split('\n').filter((l) => l !== '');
  if (lines.length === 0) return { problem: 'no GitHub command for the file', input: name };
  for (const line of lines) {
    const props = githubProperties(line);
    if (!props) return { problem: `not a workflow command: ${line.slice(0, 120)}`, input: name };
    if (props.file !== name)
      return { problem: `file=${JSON.stringify(props.file)} is not the file`, input: name };
  }
  return { problem: null, input: name };
}

// ---------------------------------------------------------------------------------------------
// Export: the CRD's schema and the webhook's rules, written here from jobset-crd.md §5.

let schema: OpenApiNode | null | undefined;
function jobsetSchema(): OpenApiNode | null {
  if (schema === undefined) {
    try {
      schema = crdSchema(JOBSET_CRD, 'v1alpha2');
    } catch {
      schema = null;
    }
  }
  return schema;
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const isLabelValue = (v: string) => v.length <= 63 && LABEL_VALUE.test(v);
const isDns1035 = (v: string) => v.length <= 63 && DNS1035.test(v);

/** A quantity in the whole units the export promises: cores, millicores, or bytes in binary units. */
function wholeQuantity(q: unknown): number | null {
  if (typeof q === 'number') return Number.isInteger(q) ? q : null;
  if (typeof q !== 'string') return null;
  const m = /^(\d+)(m|Ki|Mi|Gi)?$/.exec(q);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'm'
    ? n / 1000
    : m[2] === 'Ki'
      ? n * 1024
      : m[2] === 'Mi'
        ? n * 2 ** 20
        : m[2] === 'Gi'
          ? n * 2 ** 30
          : n;
}

/** Every rule the API server and the webhook apply that the export could break. */
export function jobsetProblems(
  js: Json,
  want: Map<string, { cpus: number; ramBytes: number; gpus: number }>,
): string[] {
  const out: string[] = [];
  const s = jobsetSchema();
  if (s) out.push(...validateOpenApi(js, s));
  const name = String((js.metadata as Json).name);
  if (!isDns1035(name)) out.push(`metadata.name ${JSON.stringify(name)} is not a DNS-1035 label`);
  const rjobs = (js.spec as Json).replicatedJobs as Json[];
  const names = new Set<string>();
  for (const rj of rjobs) {
    const rn = String(rj.name);
    if (names.has(rn)) out.push(`two replicatedJobs are named ${rn}`);
    names.add(rn);
    const replicas = rj.replicas as number;
    const job = (rj.template as Json).spec as Json;
    const c = job.completions as number;
    if (!isDns1035(`${name}-${rn}-${replicas - 1}`))
      out.push(`V7: Job name ${name}-${rn}-${replicas - 1} is not a DNS-1035 label`);
    if (`${name}-${rn}-${replicas - 1}-${c - 1}-abcde`.length > 63)
      out.push(`V8: pod names of ${rn} exceed 63 characters`);
    if (BigInt(job.parallelism as number) * BigInt(replicas) > 2147483647n)
      out.push(`V5: replicas x parallelism of ${rn} overflows int32`);
    const pod = (job.template as Json).spec as Json;
    for (const [k, v] of Object.entries((pod.nodeSelector as Json) ?? {}))
      if (typeof v !== 'string' || !isLabelValue(v))
        out.push(`nodeSelector ${k}: ${JSON.stringify(v)} is not a label value`);
    const g = want.get(rn);
    if (!g) {
      out.push(`replicatedJob ${rn} is no group of the design`);
      continue;
    }
    const res = ((pod.containers as Json[])[0]!.resources as Json) ?? {};
    for (const side of ['requests', 'limits'] as const) {
      const r = (res[side] as Json) ?? {};
      const cpu = wholeQuantity(r.cpu);
      const mem = wholeQuantity(r.memory);
      if (cpu === null || Math.round(cpu * 1000) !== cpu * 1000)
        out.push(`${rn} ${side}.cpu ${JSON.stringify(r.cpu)} is not whole cores or millicores`);
      else if (cpu < g.cpus - 1e-9 || cpu - g.cpus >= 0.001)
        out.push(
          `${rn} ${side}.cpu ${JSON.stringify(r.cpu)} is not the request ${g.cpus} rounded up`,
        );
      if (mem === null || !Number.isInteger(mem))
        out.push(`${rn} ${side}.memory ${JSON.stringify(r.memory)} is not whole bytes`);
      else if (mem < g.ramBytes * (1 - 1e-12) || mem - g.ramBytes >= 1 + g.ramBytes * 1e-12)
        out.push(
          `${rn} ${side}.memory ${JSON.stringify(r.memory)} is not ${g.ramBytes} bytes rounded up`,
        );
    }
    const gpus = ((res.limits as Json) ?? {})['nvidia.com/gpu'];
    if ((gpus ?? 0) !== g.gpus) out.push(`${rn} asks for ${String(gpus)} GPUs, not ${g.gpus}`);
  }
  return out;
}

async function exportCase({ rng, python }: SurfaceContext): Promise<SurfaceResult> {
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

// ---------------------------------------------------------------------------------------------
// Import: every field accounted for.

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

/** Defaults the API server or the JobSet webhook writes into a field left out. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  'spec.network.enableDNSHostnames': true,
  completionMode: 'Indexed',
  parallelism: 1,
  completions: 1,
  replicas: 1,
};

/**
 * Every node of `v` by a path that names list items by their `name` when they have one, with
 * its place as written (`[2]`) and, for leaves, its value.
 */
function walk(
  v: unknown,
  visit: (path: string, at: string, leaf: boolean, value: unknown) => void,
  path = '',
  at = '',
) {
  const leaf = typeof v !== 'object' || v === null;
  visit(path, at, leaf, v);
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const name = (item as Json | null)?.name;
      walk(
        item,
        visit,
        `${path}${typeof name === 'string' ? `[name=${name}]` : `[${i}]`}`,
        `${at}[${i}]`,
      );
    });
  } else if (!leaf) {
    for (const [k, x] of Object.entries(v as Json))
      walk(x, visit, path ? `${path}.${k}` : k, at ? `${at}.${k}` : k);
  }
}

function leaves(v: unknown, out: Map<string, { at: string; value: unknown }>) {
  walk(v, (path, at, leaf, value) => leaf && out.set(path, { at, value }));
}

const quantityPath = /\.resources\.(requests|limits)\.|\.sizeLimit$/;
function sameValue(path: string, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (quantityPath.test(path)) {
    const qa = quantity(a);
    return qa !== null && qa === quantity(b);
  }
  return false;
}

/** Any quantity (`1.5`, `1G`, `1536Mi`) in base units: the oracle's own reading. */
function quantity(q: unknown): number | null {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return null;
  const unit: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Math.round(Number(m[1]) * (m[2] ? unit[m[2]]! : 1) * 1e6) / 1e6;
}

async function importCase({ rng, python }: SurfaceContext): Promise<SurfaceResult> {
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

/**
 * What of `input` (a JobSet) is neither in `result` (its import, exported again) nor covered by
 * a report item, or what `result` adds or changes with no item where the input lacks it.
 */
export function unaccounted(
  input: Json,
  result: Json,
  report: readonly { readonly path: string }[],
): string | null {
  const js = input;
  const again = result;
  // A container's command and args are one argv in Kubernetes: a word on either covers both.
  const unit = (p: string) => p.replace(/\.(command|args)(\[\d+\])?$/, '.argv');
  const reported = (at: string) =>
    report.some(
      (i) =>
        at === i.path ||
        at.startsWith(`${i.path}.`) ||
        at.startsWith(`${i.path}[`) ||
        (unit(at) !== at && unit(at) === unit(i.path)),
    );
  const before = new Map<string, { at: string; value: unknown }>();
  leaves(js, before);
  const after = new Map<string, { at: string; value: unknown }>();
  leaves(again, after);
  for (const [path, { at, value }] of before) {
    const now = after.get(path);
    if (now && sameValue(path, value, now.value)) continue;
    // No GPU asked for is the same as a limit of 0 GPUs.
    if (!now && path.endsWith('.nvidia.com/gpu') && quantity(value) === 0) continue;
    if (!reported(at))
      return `${at} (${JSON.stringify(value)}) is ${now ? `changed to ${JSON.stringify(now.value)}` : 'dropped'} with no word`;
  }
  const where = new Map<string, string>();
  walk(js, (path, at) => where.set(path, at));
  for (const [path, { value }] of after) {
    if (before.has(path)) continue;
    // The platform's variables: every pod gets them whatever the JobSet said.
    if (
      /\.env\[name=(JOB_INDEX|JOB_GLOBAL_INDEX|GLOBAL_REPLICAS|REPLICATED_JOB_NAME|REPLICATED_JOB_REPLICAS)\]/.test(
        path,
      )
    )
      continue;
    const last = path.replace(/^.*\./, '');
    if (
      Object.hasOwn(DEFAULTS, path)
        ? DEFAULTS[path] === value
        : Object.hasOwn(DEFAULTS, last) && DEFAULTS[last] === value
    )
      continue;
    // Its place in the input: the deepest node the input has, then the rest of the path.
    let head = path;
    while (head && !where.has(head)) head = head.replace(/(\.[^.[]*|\[[^\]]*\])$/, '');
    const at = (where.get(head) ?? '') + path.slice(head.length).replace(/\[name=[^\]]*\]/g, '[0]');
    if (!reported(at)) return `${at} = ${JSON.stringify(value)} is added with no word`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Diff: deltas against the difference of `expand`.

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

async function diffCase({ rng, dir }: SurfaceContext): Promise<SurfaceResult> {
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

// ---------------------------------------------------------------------------------------------
// Program: Python runs params() for sampled pods.

async function programCase({ rng, dir, python }: SurfaceContext): Promise<SurfaceResult> {
  const raw = genGroups(rng, 3);
  const sweeps = genSweeps(rng, raw);
  const groups = fitted(rng, raw, sweeps, (s: Sweep) => Math.min(gridSize(s), 400)).map((g) => ({
    ...g,
    count: Math.min(g.count, 400),
  }));
  const text = designText(groups);
  const settings = { sweeps };
  const link = (await encodeDesign({ text, settings }))!;
  const fail = (problem: string) => ({ problem, input: `#${link}` });
  const out = join(dir, 'program');
  rmSync(out, { recursive: true, force: true });
  const r = await runCli(['program', `#${link}`, '--out', out], '', dir);
  const a = analyze(text, settings);
  if (!a.valid)
    return r.code === 1
      ? { problem: null, input: `#${link}` }
      : fail(`invalid design, exit ${r.code}`);
  // The oracle's own reading of fit: the grid size against the figure its index numbers.
  const misfit = groups.some((g) => {
    if (!Object.hasOwn(sweeps, g.name)) return false;
    const s = sweeps[g.name]!;
    if (sweepProblems(s).length) return false; // not usable: left out of the program
    const n = gridSize(s);
    if (s.index === 'JOB_GLOBAL_INDEX') return groups.length > 1 || g.count !== n;
    return (s.index === 'JOB_INDEX' ? g.count : g.completions) !== n;
  });
  if (misfit)
    return r.code === 1
      ? { problem: null, input: `#${link}` }
      : fail(`a sweep that does not fit, exit ${r.code}`);
  if (r.code !== 0) return fail(`program exited ${r.code}: ${r.stderr.slice(0, 300)}`);
  const env = readFileSync(join(out, 'jobset_env.py'), 'utf8');
  const main = readFileSync(join(out, 'train.py'), 'utf8');
  const pods: { env: Record<string, string>; want: unknown }[] = [];
  for (const g of groups)
    for (const [j, p] of samplePods(g.count, g.completions, 4)) {
      const e = designerEnv(a, g.name, j, p)!;
      const point = podParams(sweeps, { type: g.name, env: e });
      const usable = Object.hasOwn(sweeps, g.name) && sweepProblems(sweeps[g.name]!).length === 0;
      // A JSON round trip: the program embeds the values as JSON (-0 is 0 there).
      const want = !usable ? {} : point === null ? 'raises' : JSON.parse(JSON.stringify(point));
      pods.push({ env: { ...e }, want });
    }
  const answer = await python.params(
    env,
    main,
    'train.py',
    pods.map((p) => p.env),
  );
  if ('compileError' in answer) return fail(`the program does not compile: ${answer.compileError}`);
  if ('crash' in answer) return fail(`the harness crashed: ${answer.crash.slice(-300)}`);
  for (const [i, got] of answer.params.entries()) {
    const want = pods[i]!.want;
    const pod = `${pods[i]!.env.REPLICATED_JOB_NAME}-${pods[i]!.env.JOB_INDEX}-${pods[i]!.env.JOB_COMPLETION_INDEX}`;
    if (want === 'raises') {
      if (!('error' in got))
        return fail(`${pod}: params() is ${JSON.stringify(got.ok)}, the designer has no point`);
    } else if (!('ok' in got) || !isDeepStrictEqual(got.ok, want))
      return fail(
        `${pod}: params() is ${JSON.stringify(got)}, the designer's ${JSON.stringify(want)}`,
      );
  }
  return { problem: null, input: `#${link}` };
}
