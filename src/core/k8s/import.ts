/**
 * A Kubernetes JobSet as an AIchor jobset manifest: the reverse of the export's table
 * (kubernetes-export.md). Whatever has no place in an AIchor manifest is reported, each item with
 * its path, never silently dropped. A JobSet whose `replicatedJobs` are not in name order imports
 * with a warning: the platform numbers `JOB_GLOBAL_INDEX` by name, JobSet by list order.
 */
import { Document, parseAllDocuments, Scalar, visit } from 'yaml';
import { CURRENT_API_VERSION } from '../manifest/versions.ts';
import { mul, tidy } from '../jobset/numbers.ts';
import { isObject } from '../own.ts';
import { byCodePoint } from '../jobset/names.ts';
import {
  COMPLETION_INDEX_VARIABLE,
  GPU_PRODUCT_LABEL,
  GPU_RESOURCE,
  JOBSET_API_VERSION,
  JOBSET_KIND,
  LABEL_VARIABLES,
  labelPath,
  MEMORY_UNIT_NOTE,
  SHM_PATH,
} from './labels.ts';
import { isJobSet } from './detect.ts';
import { isDns1035Label } from './jobsetName.ts';
import { shellQuote } from '../quote.ts';
import { PY_UNSAFE, yamlComment, yamlEscape } from '../safe.ts';
import { gbOfBytes, parseQuantity } from './quantity.ts';

export interface ImportItem {
  /** `warning`: something of the JobSet is lost or runs differently; `info`: how it was read. */
  readonly severity: 'warning' | 'info';
  /** Where in the JobSet, `spec.replicatedJobs[1].template.spec.template.spec.initContainers`. */
  readonly path: string;
  /** The same place as a person names it: `group "trainer" › pod › initContainers`. */
  readonly place: string;
  readonly message: string;
}

export type JobSetImport =
  | {
      readonly kind: 'imported';
      readonly manifest: string;
      /** The JobSet's `metadata.name`, when it has one. */
      readonly name: string | null;
      readonly report: readonly ImportItem[];
    }
  | { readonly kind: 'not-jobset' | 'unreadable'; readonly reason: string };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});

export function importJobSet(text: string): JobSetImport {
  let docs;
  try {
    docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), { prettyErrors: false });
  } catch (err) {
    return { kind: 'unreadable', reason: err instanceof Error ? err.message : String(err) };
  }
  if (!Array.isArray(docs)) return { kind: 'not-jobset', reason: 'The text is empty.' };
  const report: ImportItem[] = [];
  let found: Json | null = null;
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      return { kind: 'unreadable', reason: `The YAML cannot be read: ${e.message.split('\n')[0]}` };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (found === null && isJobSet(data)) found = data as Json;
    else if (data !== null && data !== undefined) {
      const what = isObject(data) && typeof data.kind === 'string' ? data.kind : 'document';
      report.push(warn(`(document ${i + 1})`, `This ${what} is not part of the manifest.`));
    }
  }
  if (found === null) {
    return {
      kind: 'not-jobset',
      reason: `This is not a Kubernetes JobSet: a JobSet has kind: ${JOBSET_KIND} and apiVersion: ${JOBSET_API_VERSION}.`,
    };
  }
  if (found.apiVersion !== JOBSET_API_VERSION) {
    report.push(
      info('apiVersion', `Read as ${JOBSET_API_VERSION}, the version the designer knows.`),
    );
  }
  const r = fromJobSet(found, report);
  if (r.kind !== 'imported') return r;
  const jobs = obj(found.spec).replicatedJobs;
  return {
    ...r,
    report: r.report.map((i) => ({
      ...i,
      place: placeOf(i.path, Array.isArray(jobs) ? jobs : []),
    })),
  };
}

/**
 * A report path in the words of the design: the replicatedJob as its group, the container and
 * the variable by their names, the Job and pod templates as "Job" and "pod".
 */
export function placeOf(path: string, jobs: readonly unknown[]): string {
  const m = /^spec\.replicatedJobs\[(\d+)\](.*)$/.exec(path);
  if (!m) return path;
  const rj = obj(jobs[Number(m[1])]);
  const parts: string[] = [
    typeof rj.name === 'string' ? `group "${rj.name}"` : `replicatedJob ${m[1]}`,
  ];
  let rest = m[2]!;
  const take = (re: RegExp) => {
    const x = re.exec(rest);
    if (x) rest = rest.slice(x[0].length);
    return x;
  };
  const job = obj(obj(rj.template).spec);
  if (take(/^\.template\.spec/)) {
    const pod = obj(obj(job.template).spec);
    if (take(/^\.template\.spec/)) {
      const c = take(/^\.(containers|initContainers)\[(\d+)\]/);
      if (c) {
        const list = pod[c[1]!];
        const container = obj(Array.isArray(list) ? list[Number(c[2])] : undefined);
        parts.push(
          `${c[1] === 'initContainers' ? 'init container' : 'container'} ${typeof container.name === 'string' ? `"${container.name}"` : c[2]}`,
        );
        const e = take(/^\.env\[(\d+)\]/);
        if (e) {
          const env = obj(Array.isArray(container.env) ? container.env[Number(e[1])] : undefined);
          parts.push(`variable ${typeof env.name === 'string' ? env.name : e[1]}`);
        }
      } else parts.push('pod');
    } else parts.push('Job');
  }
  const tail = rest.replace(/^\./, '');
  return tail ? `${parts.join(' › ')} › ${tail}` : parts.join(' › ');
}

function fromJobSet(js: Json, report: ImportItem[]): JobSetImport {
  const meta = obj(js.metadata);
  const name = typeof meta.name === 'string' ? meta.name : null;
  for (const key of Object.keys(meta)) {
    if (key !== 'name') report.push(warn(`metadata.${key}`, 'The manifest has no metadata.'));
  }
  if (name !== null && !isDns1035Label(name)) {
    report.push(
      warn(
        'metadata.name',
        'Not a name Kubernetes takes (a DNS-1035 label): kept as the design\u2019s name; an export names the JobSet after it in lower-case letters, digits and dashes.',
      ),
    );
  }
  const spec = obj(js.spec);
  specExtras(spec, report);
  const rjobs = Array.isArray(spec.replicatedJobs) ? spec.replicatedJobs : [];
  if (rjobs.length === 0)
    report.push(warn('spec.replicatedJobs', 'The JobSet has no replicatedJobs.'));

  let image: string | null = null;
  let command: string | null = null;
  const types: Json = {};
  const deadlines: NonNullable<ReadGroup['deadline']>[] = [];
  let undated = false;
  rjobs.forEach((raw, i) => {
    const at = `spec.replicatedJobs[${i}]`;
    const g = readReplicatedJob(obj(raw), at, report);
    if (g === null) return;
    if (Object.hasOwn(types, g.name)) {
      report.push(
        warn(`${at}.name`, `A second group "${g.name}" is left out: names must be unique.`),
      );
      return;
    }
    // An own property whatever the name (`__proto__` included): never a prototype.
    Object.defineProperty(types, g.name, {
      value: g.group,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (g.deadline) deadlines.push(g.deadline);
    else undated = true;
    if (g.image !== null) {
      if (image === null) image = g.image;
      else if (g.image !== image) {
        report.push(
          warn(
            `${g.containerAt}.image`,
            `The manifest has one image, ${image}; this group's ${g.image} is not kept.`,
          ),
        );
      }
    }
    if (g.command !== null) {
      if (command === null) command = g.command;
      else if (g.command !== command) {
        report.push(
          warn(
            `${g.containerAt}.command`,
            `The manifest has one command for every group; this group's command "${g.command}" is not kept.`,
          ),
        );
      }
    }
  });

  const names = Object.keys(types);
  const sorted = [...names].sort(byCodePoint);
  if (names.some((n, i) => n !== sorted[i])) {
    report.push(
      warn(
        'spec.replicatedJobs',
        `The groups are listed ${names.join(', ')}, but the platform numbers JOB_GLOBAL_INDEX in name order (${sorted.join(', ')}): pods will get other JOB_GLOBAL_INDEX values than in this JobSet.`,
      ),
    );
  }
  if (image === null)
    report.push(
      warn('spec.replicatedJobs', 'No container has an image: write spec.image and builder.image.'),
    );
  if (command === null)
    report.push(
      warn(
        'spec.replicatedJobs',
        'No container has a command: write the command the image runs in spec.command.',
      ),
    );

  // The experiment's time limit: the same activeDeadlineSeconds on every Job (as the export
  // writes it); Jobs limited differently have no one counterpart.
  const limit = deadlines[0]?.seconds ?? null;
  const oneLimit = limit !== null && !undated && deadlines.every((d) => d.seconds === limit);
  if (!oneLimit) {
    for (const d of deadlines) {
      report.push(
        warn(
          d.at,
          'The manifest has one time limit for the whole experiment (spec.activeDeadlineSeconds); Jobs limited differently, or only some of them, are not carried over.',
        ),
      );
    }
  }
  const manifest = {
    kind: 'AIchorManifest',
    apiVersion: CURRENT_API_VERSION,
    ...(name !== null ? { name } : {}),
    builder: { image: image ?? '' },
    spec: {
      operator: 'jobset',
      image: image ?? '',
      command: command ?? '',
      ...(oneLimit ? { activeDeadlineSeconds: limit } : {}),
      types,
    },
  };
  const doc = new Document(manifest);
  // Quoted, as the platform's examples write them: the version stays a string in any reader.
  for (const path of [['apiVersion'], ['spec', 'command']]) {
    const node = doc.getIn(path, true);
    if (node instanceof Scalar) node.type = 'QUOTE_DOUBLE';
  }
  // The name is the JobSet's text: nothing in it may end the comment (a NEL would, for Python).
  doc.commentBefore = ` Imported from the Kubernetes JobSet${name ? ` "${yamlComment(name)}"` : ''} by JobSet Designer.\n ${MEMORY_UNIT_NOTE}`;
  return { kind: 'imported', manifest: pythonSafe(doc), name, report };
}

/** JobSet-wide settings: the defaults carry over silently, anything else is reported. */
function specExtras(spec: Json, report: ImportItem[]): void {
  for (const [key, value] of Object.entries(spec)) {
    const at = `spec.${key}`;
    switch (key) {
      case 'replicatedJobs':
        break;
      case 'network': {
        const n = obj(value);
        for (const [k, v] of Object.entries(n)) {
          const fine =
            (k === 'enableDNSHostnames' || k === 'publishNotReadyAddresses') && v !== false;
          if (!fine)
            report.push(
              warn(
                `${at}.${k}`,
                'The platform uses the default network: pods are reachable as <jobset>-<group>-<job>-<pod>.<jobset>.',
              ),
            );
        }
        break;
      }
      case 'successPolicy': {
        const s = obj(value);
        const targets = Array.isArray(s.targetReplicatedJobs) ? s.targetReplicatedJobs : [];
        if (s.operator !== 'All' || targets.length > 0) {
          report.push(warn(at, 'On the platform the experiment succeeds when every Job does.'));
        }
        break;
      }
      case 'startupPolicy':
        if (obj(value).startupPolicyOrder !== 'AnyOrder') {
          report.push(warn(at, 'On the platform every group starts at once (AnyOrder).'));
        }
        break;
      case 'suspend':
        if (value === true)
          report.push(warn(at, 'The platform starts the experiment when it is submitted.'));
        break;
      case 'failurePolicy':
        report.push(warn(at, 'On the platform one failed Job fails the experiment: no restarts.'));
        break;
      case 'coordinator':
        report.push(
          warn(
            at,
            'The manifest has no coordinator label; pods can still find each other by name.',
          ),
        );
        break;
      default:
        report.push(warn(at, 'The manifest has no counterpart for it.'));
    }
  }
}

interface ReadGroup {
  readonly name: string;
  readonly group: Json;
  readonly image: string | null;
  readonly command: string | null;
  readonly containerAt: string;
  /** The Jobs' `activeDeadlineSeconds` (the experiment's time limit), when set. */
  readonly deadline: { readonly seconds: number; readonly at: string } | null;
}

function readReplicatedJob(rj: Json, at: string, report: ImportItem[]): ReadGroup | null {
  if (typeof rj.name !== 'string' || rj.name === '') {
    report.push(warn(`${at}.name`, 'A replicatedJob without a name is left out.'));
    return null;
  }
  const name = rj.name;
  for (const key of Object.keys(rj)) {
    if (key === 'name' || key === 'replicas' || key === 'template') continue;
    if (key === 'groupName' && rj.groupName === 'default') continue;
    report.push(
      warn(
        `${at}.${key}`,
        key === 'dependsOn'
          ? `On the platform every group starts at once: "${name}" does not wait for another.`
          : 'The manifest has no counterpart for it.',
      ),
    );
  }
  const jobAt = `${at}.template.spec`;
  const job = obj(obj(rj.template).spec);
  let deadline: ReadGroup['deadline'] = null;
  for (const key of Object.keys(obj(rj.template))) {
    if (key !== 'spec')
      report.push(warn(`${at}.template.${key}`, 'The manifest has no counterpart for it.'));
  }
  for (const [key, v] of Object.entries(job)) {
    if (['completions', 'parallelism', 'template'].includes(key)) continue;
    if (key === 'completionMode' && v === 'Indexed') continue;
    if (key === 'backoffLimit' && v === 0) continue;
    if (key === 'activeDeadlineSeconds' && typeof v === 'number' && Number.isInteger(v) && v > 0) {
      deadline = { seconds: v, at: `${jobAt}.${key}` };
      continue;
    }
    report.push(
      warn(
        `${jobAt}.${key}`,
        key === 'completionMode'
          ? 'The platform runs Indexed Jobs: every pod gets JOB_COMPLETION_INDEX.'
          : key === 'backoffLimit'
            ? 'On the platform a failed pod fails its Job.'
            : 'The manifest has no counterpart for it.',
      ),
    );
  }
  if (!Object.hasOwn(job, 'backoffLimit')) {
    report.push(
      warn(
        `${jobAt}.backoffLimit`,
        'Not set, so Kubernetes retries a failed pod up to 6 times; on the platform a failed pod fails its Job.',
      ),
    );
  }
  const replicas = valueOr(rj.replicas, 1);
  // Kubernetes: completions and parallelism default to 1 when neither is set.
  const completions = valueOr(job.completions, 1);
  const parallelism = valueOr(job.parallelism, 1);

  const podAt = `${jobAt}.template.spec`;
  const podTemplate = obj(job.template);
  for (const key of Object.keys(podTemplate)) {
    if (key !== 'spec')
      report.push(warn(`${jobAt}.template.${key}`, 'The manifest has no counterpart for it.'));
  }
  const pod = obj(podTemplate.spec);
  const containers = Array.isArray(pod.containers) ? pod.containers : [];
  const containerAt = `${podAt}.containers[0]`;
  const c = obj(containers[0]);
  containers.slice(1).forEach((_, k) => {
    report.push(
      warn(
        `${podAt}.containers[${k + 1}]`,
        'The manifest runs one container per pod: this one is left out.',
      ),
    );
  });

  let gpuProduct: string | null = null;
  let shmGB = 0;
  const shmVolumes = new Set<string>();
  for (const [key, v] of Object.entries(pod)) {
    const p = `${podAt}.${key}`;
    switch (key) {
      case 'containers':
        break;
      case 'hostname':
      case 'subdomain':
        report.push(
          warn(
            p,
            `The platform names pods itself (hostname <experiment>-<group>-<a>-<b>): this ${key} is not kept.`,
          ),
        );
        break;
      case 'restartPolicy':
        if (v !== 'Never') {
          report.push(
            warn(
              p,
              `${String(v)}: a failed container is restarted in its pod here; on the platform a failed pod fails its Job.`,
            ),
          );
        }
        break;
      case 'nodeSelector':
        for (const [label, value] of Object.entries(obj(v))) {
          if (label === GPU_PRODUCT_LABEL && typeof value === 'string') gpuProduct = value;
          else
            report.push(
              warn(`${p}.${label}`, 'Only the GPU product becomes part of the manifest.'),
            );
        }
        break;
      case 'volumes':
        (Array.isArray(v) ? v : []).forEach((vol, k) => {
          const volume = obj(vol);
          const dir = obj(volume.emptyDir);
          const mountedAtShm = (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).some(
            (m) => obj(m).name === volume.name && obj(m).mountPath === SHM_PATH,
          );
          const size = parseQuantity(dir.sizeLimit);
          if (
            dir.medium === 'Memory' &&
            mountedAtShm &&
            size !== null &&
            typeof volume.name === 'string'
          ) {
            shmVolumes.add(volume.name);
            shmGB = gbOfBytes(size);
          } else {
            report.push(
              warn(
                `${p}[${k}]`,
                'Only a memory volume at /dev/shm becomes part of the manifest (shmSizeGB).',
              ),
            );
          }
        });
        break;
      default:
        report.push(
          warn(
            p,
            key === 'initContainers'
              ? 'The manifest runs no init containers.'
              : 'The manifest has no counterpart for it.',
          ),
        );
    }
  }

  if (!Object.hasOwn(pod, 'restartPolicy')) {
    report.push(
      warn(
        `${podAt}.restartPolicy`,
        'Not set, so JobSet makes it OnFailure: a failed container is restarted in its pod here; on the platform a failed pod fails its Job.',
      ),
    );
  }

  let image: string | null = null;
  let resources: Json | null = null;
  const dropped: string[] = [];
  for (const [key, v] of Object.entries(c)) {
    const p = `${containerAt}.${key}`;
    switch (key) {
      case 'name':
        break;
      case 'image':
        if (typeof v === 'string') image = v;
        break;
      case 'command':
      case 'args':
        break;
      case 'env':
        (Array.isArray(v) ? v : []).forEach((e, k) => {
          if (!isPlatformVariable(obj(e))) {
            const n = obj(e).name;
            if (typeof n === 'string') dropped.push(n);
            const platform =
              typeof n === 'string' &&
              (n === COMPLETION_INDEX_VARIABLE || LABEL_VARIABLES.some(([x]) => x === n));
            report.push(
              warn(
                `${p}[${k}]`,
                platform
                  ? `${n} is set here to a value of its own; the platform sets it for each pod, so this one is left out.`
                  : `The manifest sets no environment variables${typeof n === 'string' ? `: ${n} is left out` : ''}.`,
              ),
            );
          }
        });
        break;
      case 'volumeMounts':
        (Array.isArray(v) ? v : []).forEach((m, k) => {
          if (!shmVolumes.has(String(obj(m).name)))
            report.push(warn(`${p}[${k}]`, 'The manifest has no counterpart for this mount.'));
        });
        break;
      case 'resources':
        resources = readResources(obj(v), p, report);
        break;
      default:
        report.push(warn(p, 'The manifest has no counterpart for it.'));
    }
  }
  const command = commandOf(c, containerAt, report);
  // A variable left out but still read by the command: the command would see it empty.
  for (const n of dropped) {
    if (command !== null && new RegExp(`\\$(\\{${n}\\}|${n}(?![A-Za-z0-9_]))`).test(command)) {
      report.push(
        warn(
          `${containerAt}.command`,
          `The command reads $${n}, which is left out: write its value into the command, or set it in the image.`,
        ),
      );
    }
  }

  const gpu = resources ? (resources.gpus as number) : 0;
  if (gpuProduct !== null && gpu === 0) {
    report.push(
      warn(
        `${podAt}.nodeSelector.${GPU_PRODUCT_LABEL}`,
        `No GPU is asked for, so on the platform the pods are not held to ${gpuProduct} nodes: they may run on any node.`,
      ),
    );
  }
  const res: Json = {};
  if (resources?.cpus !== undefined) res.cpus = resources.cpus;
  if (resources?.ramRatio !== undefined) res.ramRatio = resources.ramRatio;
  if (resources?.memory !== undefined) res.memory = resources.memory;
  if (shmGB > 0) res.shmSizeGB = shmGB;
  if (gpu > 0 || gpuProduct !== null) {
    res.accelerators = {
      gpu: { count: gpu, type: 'gpu', ...(gpuProduct !== null ? { product: gpuProduct } : {}) },
    };
  }
  const group: Json = { count: replicas, completions, parallelisms: parallelism };
  if (Object.keys(res).length) group.resources = res;
  return { name, group, image, command, containerAt, deadline };
}

function isPlatformVariable(e: Json): boolean {
  // Kubernetes sets it for Indexed Jobs; a literal value of one's own would hide the index.
  if (e.name === COMPLETION_INDEX_VARIABLE) return e.value === undefined;
  const label = LABEL_VARIABLES.find(([variable]) => variable === e.name)?.[1];
  if (label === undefined) return false;
  return obj(obj(e.valueFrom).fieldRef).fieldPath === labelPath(label);
}

/** cpus, and RAM as ramRatio when it divides evenly, else as memory; GPUs from the limits. */
function readResources(r: Json, at: string, report: ImportItem[]): Json {
  const requests = obj(r.requests);
  const limits = obj(r.limits);
  for (const key of Object.keys(r)) {
    if (key !== 'requests' && key !== 'limits')
      report.push(warn(`${at}.${key}`, 'The manifest has no counterpart for it.'));
  }
  const out: Json = { gpus: 0 };
  const pick = (name: string) => (Object.hasOwn(requests, name) ? requests[name] : limits[name]);
  for (const name of new Set([...Object.keys(requests), ...Object.keys(limits)])) {
    if (name === 'cpu' || name === 'memory' || name === GPU_RESOURCE) {
      const a = parseQuantity(requests[name]);
      const b = parseQuantity(limits[name]);
      if (a !== null && a > 0 && b === null && name !== GPU_RESOURCE) {
        report.push(
          info(
            `${at}.limits.${name}`,
            `No limit: here the pod may use more than it requests; on the platform its limit is its request (${String(requests[name])}).`,
          ),
        );
      }
      if (a !== null && b !== null && a !== b) {
        report.push(
          info(
            `${at}.limits.${name}`,
            `The limit differs from the request: the manifest sets the request (${String(requests[name])}).`,
          ),
        );
      }
      continue;
    }
    report.push(
      warn(
        `${at}.${Object.hasOwn(requests, name) ? 'requests' : 'limits'}.${name}`,
        'The manifest requests CPUs, RAM and NVIDIA GPUs only.',
      ),
    );
  }
  const cpus = parseQuantity(pick('cpu'));
  const bytes = parseQuantity(pick('memory'));
  const gpus = parseQuantity(pick(GPU_RESOURCE));
  if (cpus !== null && cpus > 0) out.cpus = tidy(cpus);
  if (bytes !== null && bytes > 0) {
    const gb = gbOfBytes(bytes);
    const ratio = out.cpus !== undefined ? tidy(gb / (out.cpus as number)) : null;
    // Read back as the designer reads it (cpus x ramRatio): a ratio only when it gives the RAM.
    if (ratio !== null && mul(out.cpus as number, ratio) === gb) out.ramRatio = ratio;
    else out.memory = gb;
  }
  if (gpus !== null && Number.isInteger(gpus) && gpus > 0) out.gpus = gpus;
  // Figures the manifest cannot take, said rather than dropped.
  const where = (name: string) =>
    `${at}.${Object.hasOwn(requests, name) ? 'requests' : 'limits'}.${name}`;
  if (cpus !== null && cpus <= 0) {
    report.push(
      warn(
        where('cpu'),
        `A CPU request of ${String(pick('cpu'))} is no figure the manifest takes: cpus is left out.`,
      ),
    );
  }
  if (bytes !== null && bytes <= 0) {
    report.push(
      warn(where('memory'), `A memory request of ${String(pick('memory'))} is left out.`),
    );
  }
  if (gpus !== null && !(Number.isInteger(gpus) && gpus >= 0)) {
    report.push(
      warn(
        where(GPU_RESOURCE),
        `${String(pick(GPU_RESOURCE))} GPUs is not a whole number of GPUs: left out.`,
      ),
    );
  }
  return out;
}

/** The container's command and args as one shell command string, as the manifest writes it. */
function commandOf(c: Json, at: string, report: ImportItem[]): string | null {
  const cmd = Array.isArray(c.command) ? c.command.map(String) : [];
  const args = Array.isArray(c.args) ? c.args.map(String) : [];
  const words = [...cmd, ...args];
  if (words.length === 0) return null;
  if (cmd.length === 0) {
    report.push(
      info(
        `${at}.args`,
        "Only args: the image's own entrypoint ran before them here, while the manifest's command replaces it. Put the entrypoint first in spec.command.",
      ),
    );
  }
  const [shell, flag, script, ...rest] = words;
  if (
    /^(\/(usr\/)?bin\/)?(ba|z|da)?sh$/.test(shell!) &&
    flag === '-c' &&
    script !== undefined &&
    rest.length === 0
  ) {
    return script;
  }
  report.push(
    info(
      `${at}.command`,
      'Command and args are joined into one shell command, quoted where needed.',
    ),
  );
  return words.map(shellQuote).join(' ');
}

/**
 * The document as text the platform's Python reader reads back as it is: a string holding a
 * character PyYAML refuses or takes for a line break (DEL, C1, NEL, LS, PS, U+FFFF) is written
 * double-quoted with that character escaped (the YAML library writes them raw).
 */
function pythonSafe(doc: Document): string {
  // A number JavaScript writes with an exponent and no point (1e-7) is text to YAML 1.1: it is
  // written as a plain decimal instead, through a placeholder the text has nowhere else.
  const decimals: string[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.search(PY_UNSAFE) >= 0)
        node.type = 'QUOTE_DOUBLE';
      if (typeof node.value === 'number' && /e/i.test(String(node.value))) {
        decimals.push(plainDecimal(node.value));
        node.value = `jobset-designer-decimal-${decimals.length - 1}`;
      }
    },
  });
  // Comments hold none of them (yamlComment), so every one left is inside double quotes.
  return doc
    .toString({ lineWidth: 0 })
    .replace(PY_UNSAFE, yamlEscape)
    .replace(/jobset-designer-decimal-(\d+)/g, (_, i: string) => decimals[Number(i)]!);
}

/** `1.5e-7` as `0.00000015`, `2e21` as `2000000000000000000000.0`: the same number, no exponent. */
function plainDecimal(x: number): string {
  const [mantissa, exp] = String(x).toLowerCase().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const digits = int + frac;
  const point = int.length + Number(exp);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}.0`
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}

/** The value as written (the manifest's checks then say what is wrong with it), or the default. */
function valueOr(v: unknown, fallback: number): unknown {
  return v === undefined || v === null ? fallback : v;
}

// The place is filled in once the whole JobSet is read (`placeOf`).
const warn = (path: string, message: string): ImportItem => ({
  severity: 'warning',
  path,
  place: path,
  message,
});
const info = (path: string, message: string): ImportItem => ({
  severity: 'info',
  path,
  place: path,
  message,
});
