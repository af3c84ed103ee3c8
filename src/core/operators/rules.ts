/**
 * Rules for the operators other than jobset (SEMANTICS.md "Other operators"): the shape of
 * `spec.types` each operator reads, with a quick fix where the fix is certain.
 */
import type { Diagnostic, Fix, Path } from '../diagnostics.ts';
import type { Source } from '../manifest/source.ts';
import { pythonReading } from '../manifest/yaml11.ts';
import { isObject, sameData } from '../own.ts';
import { q } from '../quote.ts';
import { machineType } from './machines.ts';
import type { Operator } from './operators.ts';
import { isNoTimeLimit, slurmGpus, slurmSizeGB, slurmTimeHours } from './slurm.ts';

type Json = Record<string, unknown>;
const TYPES = ['spec', 'types'] as const;

/** The types each Kubeflow-style operator reads, by apiVersion (0.2.3's first). */
const REPLICA_TYPES: Partial<Record<Operator, { v3: readonly string[]; v2: readonly string[] }>> = {
  pytorch: { v3: ['worker'], v2: ['Master', 'Worker'] },
  xgboost: { v3: ['worker'], v2: ['Master', 'Worker'] },
  jax: { v3: ['worker'], v2: ['Worker'] },
  tf: { v3: [], v2: ['Chief', 'Master', 'PS', 'Worker', 'Evaluator'] },
  batchjob: { v3: [], v2: ['Worker'] },
};

export function operatorRules(operator: Operator, data: unknown, source: Source): Diagnostic[] {
  const root = isObject(data) ? data : {};
  const spec = isObject(root.spec) ? root.spec : {};
  const types = isObject(spec.types) ? spec.types : null;
  if (!types) return [];
  const ctx = {
    source,
    types,
    version: typeof root.apiVersion === 'string' ? root.apiVersion : '',
  };
  switch (operator) {
    case 'jobset':
      return [];
    case 'pytorch':
    case 'xgboost':
    case 'jax':
    case 'tf':
    case 'batchjob':
      return replicaRules(operator, ctx);
    case 'kuberay':
    case 'ray':
      return rayRules(operator, ctx);
    case 'vertexai':
      return vertexRules(ctx);
    case 'slurm':
      return slurmRules(ctx);
  }
}

interface Ctx {
  readonly source: Source;
  readonly types: Json;
  readonly version: string;
}

function warn(ctx: Ctx, code: Diagnostic['code'], message: string, path: Path, fix?: Fix | Fix[]) {
  return ctx.source.diagnostic(
    'warning',
    code,
    message,
    path,
    ctx.source.spanFor(path, 'key'),
    fix,
  );
}

/** pytorch, xgboost, jax (0.2.3 on JobSet, 0.2.2 on Kubeflow), tf and batchjob. */
function replicaRules(operator: Operator, ctx: Ctx): Diagnostic[] {
  const known = REPLICA_TYPES[operator]!;
  const names = Object.keys(ctx.types);
  const out: Diagnostic[] = [];
  const v3 = ctx.version === '0.2.3';
  const all = [...known.v3, ...known.v2];
  for (const name of names) {
    if (!all.includes(name))
      out.push(
        warn(
          ctx,
          'operator-types',
          `${operator} reads ${listOf(known)}; ${q(name)} is not one of them, and the platform ignores it.`,
          [...TYPES, name],
        ),
      );
    else if (!isObject(ctx.types[name]))
      out.push(
        warn(ctx, 'operator-types', `${q(name)} must be a map: \`count\` and \`resources\`.`, [
          ...TYPES,
          name,
        ]),
      );
  }
  if (v3 && known.v3.length && names.some((n) => known.v2.includes(n)) && !names.includes('worker'))
    out.push(
      warn(
        ctx,
        'operator-types',
        `${operator} 0.2.3 runs on JobSet with one type, \`worker\` (rank 0 is the coordinator); ${known.v2.map((n) => `\`${n}\``).join(' + ')} is the 0.2.2 shape.`,
        [...TYPES, names.find((n) => known.v2.includes(n))!],
        toWorker(ctx),
      ),
    );
  if (!v3 && ctx.version !== '' && names.includes('worker') && known.v3.length)
    out.push(
      warn(
        ctx,
        'operator-types',
        `\`worker\` is the 0.2.3 shape of ${operator}; apiVersion ${ctx.version} reads ${known.v2.map((n) => `\`${n}\``).join(' + ')}.`,
        [...TYPES, 'worker'],
        { title: 'Set apiVersion "0.2.3"', op: 'set', path: ['apiVersion'], value: '0.2.3' },
      ),
    );
  if (!names.length)
    out.push(
      ctx.source.diagnostic(
        'error',
        'operator-types',
        `${operator} needs at least one type: ${listOf(known)}.`,
        [...TYPES],
        ctx.source.spanFor([...TYPES], 'key'),
      ),
    );
  return out;
}

function listOf(known: { v3: readonly string[]; v2: readonly string[] }): string {
  const v2 = known.v2.map((n) => `\`${n}\``).join(', ');
  return known.v3.length ? `\`worker\` (0.2.3) or ${v2} (0.2.2)` : v2;
}

/**
 * The certain move to 0.2.3's single `worker`: rename a lone `Worker`; or fold `Master` (one
 * pod) into it when both ask for the same resources, rank 0 becoming the coordinator.
 */
function toWorker(ctx: Ctx): Fix[] {
  const { Master: master, Worker: worker } = ctx.types;
  const rename: Fix = {
    title: 'Rename to worker',
    op: 'rename',
    path: [...TYPES, 'Worker'],
    to: 'worker',
  };
  if (isObject(worker) && master === undefined)
    return [{ ...rename, title: 'Rename Worker to worker' }];
  if (!isObject(worker) || !isObject(master)) return [];
  const count = (g: Json) => (g.count === undefined ? 1 : g.count);
  const [m, w] = [count(master), count(worker)];
  if (m !== 1 || typeof w !== 'number' || !sameData(master.resources, worker.resources)) return [];
  return [
    {
      title: `Fold Master into worker (count ${w + 1})`,
      op: 'all',
      fixes: [
        { title: 'count', op: 'set', path: [...TYPES, 'Worker', 'count'], value: w + 1 },
        { title: 'Master', op: 'remove', path: [...TYPES, 'Master'] },
        rename,
      ],
    },
  ];
}

/** kuberay and the legacy ray: a `Head` of one pod, `Workers` as a list of named pools. */
function rayRules(operator: Operator, ctx: Ctx): Diagnostic[] {
  const out: Diagnostic[] = [];
  const head = ctx.types.Head;
  if (head === undefined)
    out.push(
      warn(
        ctx,
        'operator-types',
        `${operator} runs a \`Head\` pod: add \`Head: {resources: …}\`.`,
        [...TYPES],
      ),
    );
  if (isObject(head) && head.count !== undefined)
    out.push(
      warn(
        ctx,
        'operator-types',
        'The Ray head is one pod: its `count` is not read.',
        [...TYPES, 'Head', 'count'],
        {
          title: 'Remove count',
          op: 'remove',
          path: [...TYPES, 'Head', 'count'],
        },
      ),
    );
  const workers = ctx.types.Workers;
  if (workers !== undefined && workers !== null && !Array.isArray(workers))
    out.push(
      ctx.source.diagnostic(
        'error',
        'operator-types',
        '`Workers` is a list of worker pools, each `- name: …` with its `count` and `resources`.',
        [...TYPES, 'Workers'],
        ctx.source.spanFor([...TYPES, 'Workers'], 'key'),
      ),
    );
  if (Array.isArray(workers))
    workers.forEach((w, i) => {
      if (isObject(w) && (typeof w.name !== 'string' || w.name === ''))
        out.push(
          warn(
            ctx,
            'operator-types',
            `Worker pool ${i} has no \`name\`: Ray labels its resources by it. It is shown as workers-${i}.`,
            [...TYPES, 'Workers', i],
          ),
        );
    });
  return out;
}

/** Vertex AI: `workerPoolSpecs`, each with a known machine type and a `replicaCount`. */
function vertexRules(ctx: Ctx): Diagnostic[] {
  const pools = ctx.types.workerPoolSpecs;
  if (!Array.isArray(pools))
    return [
      ctx.source.diagnostic(
        'error',
        'operator-types',
        'vertexai reads `workerPoolSpecs`: a list of pools, each `machineSpec` and `replicaCount`.',
        [...TYPES],
        ctx.source.spanFor([...TYPES], 'key'),
      ),
    ];
  const out: Diagnostic[] = [];
  pools.forEach((pool, i) => {
    const at: Path = [...TYPES, 'workerPoolSpecs', i];
    if (!isObject(pool)) return;
    for (const key of Object.keys(pool)) {
      if (key !== 'replicaCount' && /^replica/i.test(key))
        out.push(misspelt(ctx, [...at, key], 'replicaCount'));
    }
    const spec = isObject(pool.machineSpec) ? pool.machineSpec : null;
    const type = spec?.machineType;
    if (typeof type !== 'string')
      out.push(
        warn(
          ctx,
          'operator-types',
          `Pool ${i} has no \`machineSpec.machineType\`: its CPUs and RAM are not set.`,
          at,
        ),
      );
    else if (!machineType(type))
      out.push(
        warn(
          ctx,
          'machine-type-unknown',
          `Machine type ${q(type)} is not one the designer knows (n1-standard, n1-highmem, n1-highcpu): its CPUs and RAM are not set.`,
          [...at, 'machineSpec', 'machineType'],
        ),
      );
  });
  return out;
}

function misspelt(ctx: Ctx, path: Path, right: string): Diagnostic {
  const span = ctx.source.spanFor(path, 'key');
  const wrong = String(path[path.length - 1]);
  return ctx.source.diagnostic(
    'warning',
    'misspelt-key',
    `${q(wrong)} is not a key Vertex AI reads; did you mean \`${right}\`? Without it, the pool's replicas are not set.`,
    path,
    span,
    {
      title: `Rename to ${right}`,
      op: 'replace-text',
      start: span.start,
      end: span.end,
      expect: wrong,
      text: right,
    },
  );
}

/** Slurm: sizes, generic resources and the time limit as `sbatch` reads them. */
function slurmRules(ctx: Ctx): Diagnostic[] {
  const job = ctx.types.job;
  const at: Path = [...TYPES, 'job'];
  if (!isObject(job))
    return [
      ctx.source.diagnostic(
        'error',
        'operator-types',
        'slurm reads `types.job`: `ntasks`, `cpus_per_task`, `memory_per_cpu`, `time`, …',
        [...TYPES],
        ctx.source.spanFor([...TYPES], 'key'),
      ),
    ];
  const out: Diagnostic[] = [];
  const bad = (key: string, what: string) =>
    out.push(warn(ctx, 'slurm-value', `${q(String(job[key]))} is not ${what}.`, [...at, key]));
  if (job.memory_per_cpu !== undefined && slurmSizeGB(job.memory_per_cpu) === null)
    bad('memory_per_cpu', 'a Slurm size (`1G`, `512M`)');
  if (job.gres !== undefined && slurmGpus(job.gres) === null)
    bad('gres', 'a GPU request Slurm reads (`gpu:1`, `gpu:a100:2`)');
  if (job.time !== undefined && !isNoTimeLimit(job.time) && slurmTimeHours(job.time) === null)
    bad('time', 'a Slurm time (`01:00:00`, `90`, `2-12:00:00`)');
  const time = unquotedTime(ctx, [...at, 'time']);
  if (time) out.push(time);
  return out;
}

/**
 * `time: 12:00:00` unquoted: the platform's YAML reader (YAML 1.1) reads it as the number 43200
 * (base 60), Slurm wants the text. The fix quotes it.
 */
function unquotedTime(ctx: Ctx, path: Path): Diagnostic | null {
  const span = ctx.source.spanFor(path);
  const written = ctx.source.text.slice(span.start, span.end);
  // Only what PyYAML reads as a number: `1:00:00` and `10:30` are, `01:00:00` is not (its
  // base-60 integers start with 1-9).
  const read = /^\d+(:[0-5]?\d)+$/.test(written) ? pythonReading(written) : null;
  if (typeof read !== 'number') return null;
  const quoted = JSON.stringify(written);
  return ctx.source.diagnostic(
    'warning',
    'slurm-time-number',
    `Written unquoted, ${written} is the number ${read} for the platform's YAML reader (base 60), not Slurm's time. Quote it: ${quoted}.`,
    path,
    span,
    {
      title: `Quote it: ${quoted}`,
      op: 'replace-text',
      start: span.start,
      end: span.end,
      expect: written,
      text: quoted,
    },
  );
}
