/**
 * A Kubernetes JobSet as an AIchor jobset manifest: the reverse of the export's table
 * (kubernetes-export.md). Whatever has no place in an AIchor manifest is reported, each item with
 * its path, never silently dropped. A JobSet whose `replicatedJobs` are not in name order imports
 * with a warning: the platform numbers `JOB_GLOBAL_INDEX` by name, JobSet by list order.
 */
import { Document, parseAllDocuments, Scalar, visit } from 'yaml';
import { CURRENT_API_VERSION } from '../manifest/versions.ts';
import { isObject } from '../own.ts';
import { byCodePoint } from '../jobset/names.ts';
import { JOBSET_API_VERSION, JOBSET_KIND, MEMORY_UNIT_NOTE } from './labels.ts';
import { isJobSet } from './detect.ts';
import { isDns1035Label } from './jobsetName.ts';
import { PY_UNSAFE, yamlComment, yamlEscape } from '../safe.ts';
import { info, obj, warn, type ImportItem, type Json } from './importItem.ts';
import { readReplicatedJob, type ReadGroup } from './importJob.ts';

export type { ImportItem } from './importItem.ts';

export type JobSetImport =
  | {
      readonly kind: 'imported';
      readonly manifest: string;
      /** The JobSet's `metadata.name`, when it has one. */
      readonly name: string | null;
      readonly report: readonly ImportItem[];
    }
  | { readonly kind: 'not-jobset' | 'unreadable'; readonly reason: string };

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
    // An alias to no anchor, or past 1,000 aliases (a bomb): the YAML library throws.
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { kind: 'unreadable', reason: `The YAML cannot be read: ${why.split('\n')[0]}` };
    }
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

/**
 * The JobSet as a manifest: its name, its JobSet-wide settings (`specExtras`), each
 * replicatedJob as a group (`readReplicatedJobs`), then what the manifest holds once for every
 * group: the image, the command and the time limit.
 */
function fromJobSet(js: Json, report: ImportItem[]): JobSetImport {
  const name = readMetadata(obj(js.metadata), report);
  const spec = obj(js.spec);
  specExtras(spec, report);
  const rjobs = Array.isArray(spec.replicatedJobs) ? spec.replicatedJobs : [];
  if (rjobs.length === 0)
    report.push(warn('spec.replicatedJobs', 'The JobSet has no replicatedJobs.'));
  const { types, image, command, deadlines, undated } = readReplicatedJobs(rjobs, report);
  warnGroupOrder(Object.keys(types), report);
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
  const limit = oneTimeLimit(deadlines, undated, report);
  const manifest = {
    kind: 'AIchorManifest',
    apiVersion: CURRENT_API_VERSION,
    ...(name !== null ? { name } : {}),
    builder: { image: image ?? '' },
    spec: {
      operator: 'jobset',
      image: image ?? '',
      command: command ?? '',
      ...(limit !== null ? { activeDeadlineSeconds: limit } : {}),
      types,
    },
  };
  return { kind: 'imported', manifest: manifestText(manifest, name), name, report };
}

/**
 * The JobSet's name (null when it has none), the design's name: reported when Kubernetes would
 * not take it. The manifest has no other metadata, so every other key is reported.
 */
function readMetadata(meta: Json, report: ImportItem[]): string | null {
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
  return name;
}

/** The replicatedJobs as read: the groups by name, and what the manifest holds once. */
interface ReadJobs {
  /** The manifest's `spec.types`, in the JobSet's order. */
  readonly types: Json;
  /** The first image and command of a container; a group's other one is reported. */
  readonly image: string | null;
  readonly command: string | null;
  /** The Jobs' time limits, and whether some Job has none. */
  readonly deadlines: readonly NonNullable<ReadGroup['deadline']>[];
  readonly undated: boolean;
}

/**
 * Every replicatedJob as a group (`readReplicatedJob`): a second group of the same name is
 * reported and left out. The manifest has one image and one command: the first kept, a group's
 * other one reported.
 */
function readReplicatedJobs(rjobs: readonly unknown[], report: ImportItem[]): ReadJobs {
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
  return { types, image, command, deadlines, undated };
}

/** Groups not in name order: the platform numbers JOB_GLOBAL_INDEX by name, JobSet by list order. */
function warnGroupOrder(names: readonly string[], report: ImportItem[]): void {
  const sorted = [...names].sort(byCodePoint);
  if (names.some((n, i) => n !== sorted[i])) {
    report.push(
      warn(
        'spec.replicatedJobs',
        `The groups are listed ${names.join(', ')}, but the platform numbers JOB_GLOBAL_INDEX in name order (${sorted.join(', ')}): pods will get other JOB_GLOBAL_INDEX values than in this JobSet.`,
      ),
    );
  }
}

/**
 * The experiment's time limit: the same activeDeadlineSeconds on every Job (as the export
 * writes it), else null, and Jobs limited differently, having no one counterpart, are reported.
 */
function oneTimeLimit(
  deadlines: ReadJobs['deadlines'],
  undated: boolean,
  report: ImportItem[],
): number | null {
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
  return oneLimit ? limit : null;
}

/**
 * The manifest as text: the version and the command double-quoted, a comment saying where it
 * came from, written so that the platform's Python reader reads it back as it is (`pythonSafe`).
 */
function manifestText(manifest: Json, name: string | null): string {
  const doc = new Document(manifest);
  // Quoted, as the platform's examples write them: the version stays a string in any reader.
  for (const path of [['apiVersion'], ['spec', 'command']]) {
    const node = doc.getIn(path, true);
    if (node instanceof Scalar) node.type = 'QUOTE_DOUBLE';
  }
  // The name is the JobSet's text: nothing in it may end the comment (a NEL would, for Python).
  doc.commentBefore = ` Imported from the Kubernetes JobSet${name ? ` "${yamlComment(name)}"` : ''} by JobSet Designer.\n ${MEMORY_UNIT_NOTE}`;
  return pythonSafe(doc);
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
