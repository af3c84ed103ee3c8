/**
 * `jobset-designer admit INPUT --queue FILE... [--workloads FILE] [--local-queue NAME]
 * [--kueue-version V] [--format text|json]`: would Kueue admit the design's JobSet, now? The
 * queues from `kubectl get clusterqueues,resourceflavors,cohorts,localqueues -o yaml`, the
 * workloads already admitted from `kubectl get workloads -A -o yaml`. Exit 0 admitted now,
 * 1 waits, 3 never with this configuration (too many PodSets included), 2 unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  addUsageOf,
  admit,
  admittedWorkloads,
  buildJobSet,
  LATEST_KUEUE,
  pickLocalQueue,
  podSetsOf,
  readDocuments,
  readQueues,
  startOf,
  type Admission,
  type Start,
} from '../../core/index.ts';
import type { AdmitOptions } from '../args.ts';
import { textLines, type Checked, type Format } from '../formats.ts';
import { say, type Output } from '../output.ts';

const EXIT: Readonly<Record<Admission['verdict'], number>> = {
  admitted: 0,
  waits: 1,
  never: 3,
  'too-many-podsets': 3,
};

export async function admitCommand(
  c: Checked & { kind: 'checked' },
  options: AdmitOptions,
  format: Format,
  dir: string,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const exported = buildJobSet(c.analysis);
  if (exported.kind !== 'built') {
    if (exported.kind === 'invalid') for (const line of textLines([c])) say(stderr, line);
    say(stderr, `${c.design.name}: no JobSet to admit (${exported.kind}); fix the design first`);
    return 2;
  }
  const queueDocs = await readDocs(options.queues, dir, stderr);
  const workloadDocs = options.workloads ? await readDocs([options.workloads], dir, stderr) : [];
  if (!queueDocs || !workloadDocs) return 2;
  const queues = readQueues(queueDocs);
  for (const s of queues.skipped) say(stderr, `jobset-designer: skipped ${s.message} (${s.path})`);
  if (queues.problems.length) {
    for (const p of queues.problems) say(stderr, `jobset-designer: ${p.path}: ${p.message}`);
    return 2;
  }
  const picked = pickLocalQueue(queues, options.localQueue);
  if ('problem' in picked) {
    say(stderr, `jobset-designer: ${picked.problem}`);
    return 2;
  }
  const workloads = admittedWorkloads(workloadDocs);
  const admitted = addUsageOf(queues, workloads);
  const version = options.kueueVersion ?? LATEST_KUEUE;
  const podSets = podSetsOf(exported.jobset);
  const a = admit(podSets, queues, picked.queue, version);
  // When it waits: the admitted workloads end in turn, each read afresh into the queues.
  const start =
    a.verdict === 'waits' && workloads.length
      ? startOf(podSets, () => readQueues(queueDocs), picked.queue, workloads, version)
      : null;
  if (format === 'json')
    await out.write(`${JSON.stringify(asJson(a, version, admitted, start), null, 2)}\n`);
  else await out.write(asText(a, version, admitted, start));
  return EXIT[a.verdict];
}

/** Each file's documents; a file that cannot be read or parsed is named with its line (null). */
async function readDocs(
  files: readonly string[],
  dir: string,
  stderr: Writable,
): Promise<unknown[] | null> {
  const docs: unknown[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(dir, file), 'utf8');
    } catch (err) {
      say(
        stderr,
        `jobset-designer: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
      return null;
    }
    const read = readDocuments(text);
    if (!Array.isArray(read)) {
      say(stderr, `jobset-designer: ${file}: ${read.path}: ${read.message}`);
      return null;
    }
    docs.push(...read);
  }
  return docs;
}

/** When a waiting JobSet would start, in words. */
function startText(start: Start | null): string | null {
  if (!start) return null;
  switch (start.kind) {
    case 'at':
      return `starts: expected at ${new Date(start.time).toISOString()}, once ${start.after.length} admitted workload(s) have ended (the last: ${start.after[start.after.length - 1]}), if no other pending workload takes the quota first`;
    case 'unknown':
      return `starts: not known: ${start.holding} admitted workload(s) with no expected end (spec.maximumExecutionTimeSeconds) hold the quota`;
    case 'now':
    case 'never':
      return null;
  }
}

function asText(a: Admission, version: string, admitted: number, start: Start | null): string {
  const lines = [
    `LocalQueue ${a.localQueue.namespace}/${a.localQueue.name} -> ClusterQueue ${a.localQueue.clusterQueue} (Kueue ${version} rules${admitted ? `, ${admitted} admitted workload(s) counted` : ''})`,
    a.summary,
  ];
  const when = startText(start);
  if (when) lines.push(when);
  if (a.verdict !== 'too-many-podsets' && a.assignment.message)
    lines.push(`Kueue says: ${a.assignment.message}`);
  return `${lines.join('\n')}\n`;
}

function asJson(a: Admission, version: string, admitted: number, start: Start | null) {
  const base = {
    ...(start && {
      start: start.kind === 'at' ? { ...start, time: new Date(start.time).toISOString() } : start,
    }),
    verdict: a.verdict,
    summary: a.summary,
    kueueVersion: version,
    localQueue: `${a.localQueue.namespace}/${a.localQueue.name}`,
    clusterQueue: a.localQueue.clusterQueue,
    admittedWorkloadsCounted: admitted,
  };
  if (a.verdict === 'too-many-podsets') return { ...base, podSets: a.podSets, limit: a.limit };
  return {
    ...base,
    message: a.assignment.message,
    reason: a.assignment.noFitReason,
    borrowing: a.assignment.borrowing,
    podSets: a.assignment.podSets.map((p) => ({
      name: p.name,
      count: p.count,
      mode: p.mode,
      flavors: Object.fromEntries(Object.entries(p.flavors).map(([r, f]) => [r, f.flavor])),
      reasons: p.reasons,
    })),
  };
}
