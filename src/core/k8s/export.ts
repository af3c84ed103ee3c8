/**
 * An AIchor jobset design as a Kubernetes JobSet (`jobset.x-k8s.io/v1alpha2`), exactly as the
 * contract (kubernetes-export.md) maps it. The groups are listed in type-name order, because
 * JobSet numbers `job-global-index` by list order while the platform numbers `JOB_GLOBAL_INDEX`
 * by name: in that order every pod keeps its six variables. What has no JobSet counterpart is
 * listed in a comment block at the top, never silently dropped. An invalid manifest is refused
 * with its errors, and a name Kubernetes would refuse is reported, not exported.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { readGroups, type Group } from '../jobset/groups.ts';
import { isObject } from '../own.ts';
import { byCodePoint, labelValueProblem } from '../jobset/names.ts';
import { defaultJobSetName, jobsetNameProblems } from './jobsetName.ts';
import {
  GPU_PRODUCT_LABEL,
  GPU_RESOURCE,
  JOBSET_API_VERSION,
  JOBSET_KIND,
  LABEL_VARIABLES,
  labelPath,
  MEMORY_UNIT_NOTE,
  SHM_PATH,
  SHM_VOLUME,
} from './labels.ts';
import { notCarriedOver, type NotCarried } from './notCarried.ts';
import { cpuQuantity, memoryQuantity } from './quantity.ts';
import { emitYaml, Flow } from './emit.ts';
import { yamlComment } from '../safe.ts';
import { isOperator } from '../operators/operators.ts';
import { exportsAsJobSet, operatorEnv } from './operatorEnv.ts';

/** What the export needs of an analysis. */
export interface ExportInput {
  readonly data: unknown;
  readonly valid: boolean;
  readonly syntaxError: boolean;
  readonly operator: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

export type JobSetExport =
  | {
      readonly kind: 'exported';
      /** The name in `metadata.name`, given or by default. */
      readonly name: string;
      /** The default name (a slug of the design's name), shown as the name field's placeholder. */
      readonly defaultName: string;
      readonly yaml: string;
      readonly notCarried: readonly NotCarried[];
    }
  | {
      /** The JobSet name would be refused by Kubernetes: nothing exported until it is fixed. */
      readonly kind: 'bad-name';
      readonly name: string;
      readonly defaultName: string;
      readonly problems: readonly string[];
    }
  | { readonly kind: 'invalid'; readonly errors: readonly Diagnostic[] }
  /** Valid for the platform, but Kubernetes would refuse it: each reason names its place. */
  | { readonly kind: 'refused'; readonly reasons: readonly string[] }
  | { readonly kind: 'not-jobset'; readonly operator: string | null };

/** A namespace and labels for the JobSet (a Kueue LocalQueue's: kueue/verdict.ts `queueMetadata`). */
export interface JobSetMetadata {
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The design as a Kubernetes JobSet named `name` (else its default name), with `meta`. */
export function exportJobSet(
  input: ExportInput,
  name?: string,
  meta: JobSetMetadata = {},
): JobSetExport {
  const b = buildJobSet(input, name, meta);
  if (b.kind !== 'built') return b;
  const head = header(b.designName, b.name, b.notCarried)
    .split('\n')
    .map((l) => `#${yamlComment(l)}`)
    .join('\n');
  const { name: chosen, defaultName, notCarried } = b;
  return {
    kind: 'exported',
    name: chosen,
    defaultName,
    yaml: `${head}\n\n${emitYaml(b.jobset)}`,
    notCarried,
  };
}

/** A JobSet built, before it is written as YAML (what Kueue reads of it: kueue/verdict.ts). */
export type JobSetBuild =
  | Exclude<JobSetExport, { readonly kind: 'exported' }>
  | {
      readonly kind: 'built';
      readonly jobset: Readonly<Record<string, unknown>>;
      readonly name: string;
      readonly defaultName: string;
      readonly designName: string | null;
      readonly notCarried: readonly NotCarried[];
    };

export function buildJobSet(
  input: ExportInput,
  name?: string,
  meta: JobSetMetadata = {},
): JobSetBuild {
  const read = input.syntaxError || input.data === undefined ? [] : readGroups(input.data);
  if (input.syntaxError || input.data === undefined || !exportsAsJobSet(input.operator, read)) {
    if (input.syntaxError || input.data === undefined) {
      return { kind: 'invalid', errors: input.diagnostics.filter((d) => d.severity === 'error') };
    }
    return { kind: 'not-jobset', operator: input.operator };
  }
  if (!input.valid) {
    return { kind: 'invalid', errors: input.diagnostics.filter((d) => d.severity === 'error') };
  }
  const data = input.data as Record<string, unknown>;
  // Valid manifest: every figure is known (defaults applied) and spec.types is a non-empty map.
  const groups = [...read].sort((a, b) => byCodePoint(a.name, b.name));
  const named = groups.map((g) => ({
    name: g.name,
    count: g.count ?? 1,
    completions: g.completions ?? 1,
  }));
  const designName = typeof data.name === 'string' ? data.name : null;
  const defaultName = defaultJobSetName(designName, named);
  const chosen = name?.trim() ? name.trim() : defaultName;
  const problems = jobsetNameProblems(chosen, named);
  if (problems.length) return { kind: 'bad-name', name: chosen, defaultName, problems };

  const refusals = groups.flatMap((g) => {
    const product = g.resources.gpuProduct;
    const why = product !== null && (g.resources.gpus ?? 0) > 0 ? labelValueProblem(product) : null;
    return why
      ? [
          `spec.types.${g.name}.resources.accelerators.gpu.product ${JSON.stringify(product)} cannot be the node selector's label value (${why}): the API server would refuse every Job.`,
        ]
      : [];
  });
  if (refusals.length) return { kind: 'refused', reasons: refusals };

  const spec = data.spec as Record<string, unknown>;
  const image = String(spec.image);
  const command = String(spec.command);
  const deadline = deadlineSeconds(spec);
  const rounded: NotCarried[] = [];
  const jobset = {
    apiVersion: JOBSET_API_VERSION,
    kind: JOBSET_KIND,
    metadata: metadataOf(chosen, meta),
    spec: {
      network: { enableDNSHostnames: true },
      replicatedJobs: groups.map((g) =>
        replicatedJob(
          g,
          shmOf(spec, g.name),
          {
            image,
            command,
            env: isOperator(input.operator) ? operatorEnv(input.operator, chosen, groups) : [],
          },
          deadline?.seconds ?? null,
          rounded,
        ),
      ),
    },
  };
  const notCarried = [
    ...notCarriedOver(data).filter((n) => !deadline || n.path !== deadline.from),
    ...rounded,
  ];
  return { kind: 'built', jobset, name: chosen, defaultName, designName, notCarried };
}

/** `metadata`: the name, then the namespace and the labels when given. */
function metadataOf(name: string, meta: JobSetMetadata) {
  return {
    name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    ...(meta.labels && Object.keys(meta.labels).length ? { labels: meta.labels } : {}),
  };
}

function header(
  designName: string | null,
  name: string,
  notCarried: readonly NotCarried[],
): string {
  const lines = [
    ...(designName
      ? [
          ` JobSet "${name}", exported by JobSet Designer`,
          ` from the AIchor manifest "${oneLine(designName)}".`,
        ]
      : [` JobSet "${name}", exported by JobSet Designer from an AIchor manifest.`]),
    ' Needs the JobSet controller (v0.7 or later). Groups are listed in type-name order, so',
    ' JOB_GLOBAL_INDEX numbers the pods as the platform does.',
    ...wrap(MEMORY_UNIT_NOTE),
  ];
  if (notCarried.length === 0) {
    lines.push(' Everything in the manifest has a JobSet counterpart.');
  } else {
    lines.push(' Not carried over (no JobSet counterpart):');
    for (const item of notCarried) lines.push(`   ${item.path}:`, `     ${item.reason}`);
  }
  return lines.join('\n');
}

/** A sentence as comment lines of at most 90 characters. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 90) {
      lines.push(` ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(` ${line}`);
  return lines;
}

const oneLine = (s: string) => yamlComment(s);

function shmOf(spec: Record<string, unknown>, type: string): number {
  const types = spec.types as Record<string, unknown>;
  const g = types[type];
  const res = isObject(g) && isObject(g.resources) ? g.resources : {};
  return typeof res.shmSizeGB === 'number' && res.shmSizeGB > 0 ? res.shmSizeGB : 0;
}

/**
 * A group as a replicatedJob: `count` Jobs of `completions` Indexed pods, `parallelisms` at a
 * time, each pod running the design's image and command with the group's resources.
 */
function replicatedJob(
  g: Group,
  shmGB: number,
  run: { readonly image: string; readonly command: string; readonly env: readonly object[] },
  deadline: number | null,
  rounded: NotCarried[],
) {
  const gpus = g.resources.gpus ?? 0;
  const container = containerOf(g.name, run, requestsAndLimits(g, rounded), shmGB);
  return {
    name: g.name,
    replicas: g.count ?? 1,
    template: {
      spec: {
        completions: g.completions ?? 1,
        parallelism: g.parallelisms ?? 1,
        completionMode: 'Indexed',
        // One failed pod fails its Job, and then the JobSet, as one failed pod fails an experiment.
        backoffLimit: 0,
        // The experiment's time limit: every Job starts with the JobSet, so none runs past it.
        ...(deadline !== null ? { activeDeadlineSeconds: deadline } : {}),
        template: { spec: podSpecOf(container, gpus > 0 ? g.resources.gpuProduct : null, shmGB) },
      },
    },
  };
}

/**
 * The container's requests (cpu and memory) and limits (the same, and the GPUs): an amount
 * Kubernetes cannot write exactly is rounded up, and said in `rounded`.
 */
function requestsAndLimits(g: Group, rounded: NotCarried[]) {
  const r = g.resources;
  const at = `spec.types.${g.name}.resources`;
  const amounts: Record<string, number | string> = {};
  if (r.cpus !== null) {
    const q = cpuQuantity(r.cpus);
    amounts.cpu = q.value;
    if (q.rounded) {
      rounded.push({
        path: `${at}.cpus`,
        reason: `${r.cpus} is written as ${q.value}: Kubernetes counts CPU in thousandths of a core (rounded up)`,
      });
    }
  }
  if (r.ramGB !== null) {
    const q = memoryQuantity(r.ramGB);
    amounts.memory = q.value;
    if (q.rounded) {
      rounded.push({
        path: `${at}.${ramKey(g)}`,
        reason: `${r.ramGB} GB of RAM is written as ${q.value}: Kubernetes counts memory in whole bytes (rounded up)`,
      });
    }
  }
  const gpus = r.gpus ?? 0;
  const limits: Record<string, number | string> = { ...amounts };
  if (gpus > 0) limits[GPU_RESOURCE] = gpus;
  return {
    ...(Object.keys(amounts).length ? { requests: amounts } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
  };
}

/**
 * The pod's one container, named after its group: the design's image and command, the pod labels
 * as the platform's variables, its resources, and the `/dev/shm` mount when the group has one.
 */
function containerOf(
  name: string,
  run: { readonly image: string; readonly command: string; readonly env: readonly object[] },
  resources: ReturnType<typeof requestsAndLimits>,
  shmGB: number,
) {
  return {
    name,
    image: run.image,
    // One line, as it would be typed.
    command: new Flow(['/bin/sh', '-c', run.command]),
    env: [
      ...LABEL_VARIABLES.map(([variable, label]) => ({
        name: variable,
        valueFrom: { fieldRef: { fieldPath: labelPath(label) } },
      })),
      // The operator's own (pytorch's RANK, jax's coordinator) after JobSet's.
      ...run.env,
    ],
    ...(Object.keys(resources).length ? { resources } : {}),
    ...(shmGB > 0 ? { volumeMounts: [{ name: SHM_VOLUME, mountPath: SHM_PATH }] } : {}),
  };
}

/**
 * The pod spec: never restarted (a failed pod fails its Job), held to nodes of the GPU product
 * when the group asks for GPUs of one (`gpuProduct`, else null), and a memory volume for
 * `/dev/shm` of `shmGB` when it has one.
 */
function podSpecOf(
  container: ReturnType<typeof containerOf>,
  gpuProduct: string | null,
  shmGB: number,
) {
  return {
    restartPolicy: 'Never',
    ...(gpuProduct !== null ? { nodeSelector: { [GPU_PRODUCT_LABEL]: gpuProduct } } : {}),
    containers: [container],
    ...(shmGB > 0
      ? {
          volumes: [
            {
              name: SHM_VOLUME,
              emptyDir: { medium: 'Memory', sizeLimit: memoryQuantity(shmGB).value },
            },
          ],
        }
      : {}),
  };
}

/** Which key sets a group's RAM: `ramRatio` when written, else `memory`. */
function ramKey(g: Group): string {
  return g.resources.ramRatio !== null ? 'ramRatio' : 'memory';
}

/** The experiment's time limit in seconds (`timeout` over `activeDeadlineSeconds`), and which key gave it. */
function deadlineSeconds(spec: Record<string, unknown>): { seconds: number; from: string } | null {
  const t = typeof spec.timeout === 'string' ? /^(\d+)([smhd])$/.exec(spec.timeout) : null;
  if (t) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400 }[t[2] as 's' | 'm' | 'h' | 'd'];
    return { seconds: Number(t[1]) * unit, from: 'spec.timeout' };
  }
  const a = spec.activeDeadlineSeconds;
  if (typeof a === 'number' && Number.isInteger(a) && a > 0) {
    return { seconds: a, from: 'spec.activeDeadlineSeconds' };
  }
  return null;
}
