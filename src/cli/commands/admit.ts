/**
 * `jobset-designer admit INPUT --queue FILE... [--workloads FILE] [--local-queue NAME]
 * [--kueue-version V] [--priority-class NAME] [--format text|json]`: would Kueue admit the
 * design's JobSet, now, and when? The queues from `kubectl get
 * clusterqueues,resourceflavors,cohorts,localqueues -o yaml`, the workloads admitted and pending
 * from `kubectl get workloads -A -o yaml`. Exit 0 admitted now, 1 waits (for quota or its turn
 * in the queue), 3 never with this configuration (too many PodSets included), 2 unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { isTime } from '../../core/kueue/wait.ts';
import {
  buildJobSet,
  clusterOf,
  judge,
  LATEST_KUEUE,
  pickLocalQueue,
  podSetsOf,
  preemptionWords,
  readDocuments,
  startWords,
  type Judgement,
} from '../../core/index.ts';
import type { AdmitOptions } from '../args.ts';
import { textLines, type Checked, type Format } from '../formats.ts';
import { say, type Output } from '../output.ts';

const EXIT: Readonly<Record<Judgement['verdict'], number>> = {
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
  const cluster = clusterOf(queueDocs, workloadDocs);
  const { queues } = cluster;
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
  const version = options.kueueVersion ?? LATEST_KUEUE;
  const j = judge(
    podSetsOf(exported.jobset),
    cluster,
    picked.queue,
    version,
    options.priorityClass ?? null,
  );
  const counted = cluster.counted;
  if (format === 'json')
    await out.write(`${JSON.stringify(asJson(j, version, counted), null, 2)}\n`);
  else await out.write(asText(j, version, counted));
  return EXIT[j.verdict];
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

function asText(j: Judgement, version: string, admitted: number): string {
  const a = j.admission;
  const lines = [
    `LocalQueue ${a.localQueue.namespace}/${a.localQueue.name} -> ClusterQueue ${a.localQueue.clusterQueue} (Kueue ${version} rules${admitted ? `, ${admitted} admitted workload(s) counted` : ''}${j.pending ? `, ${j.pending} pending` : ''})`,
    j.summary,
  ];
  const when = startWords(j.start);
  if (when) lines.push(when);
  const preempt = preemptionWords(j);
  if (preempt) lines.push(preempt);
  if (j.missingPriorityClass)
    lines.push(
      `WorkloadPriorityClass ${j.missingPriorityClass} is not in the files: its priority counts as 0`,
    );
  if (a.verdict !== 'too-many-podsets' && a.assignment.message)
    lines.push(`Kueue says: ${a.assignment.message}`);
  return `${lines.join('\n')}\n`;
}

function asJson(j: Judgement, version: string, admitted: number) {
  const { admission: a, start } = j;
  const base = {
    ...(start && {
      start:
        start.kind === 'at'
          ? { ...start, time: isTime(start.time) ? new Date(start.time).toISOString() : null }
          : start,
    }),
    verdict: j.verdict,
    summary: j.summary,
    kueueVersion: version,
    localQueue: `${a.localQueue.namespace}/${a.localQueue.name}`,
    clusterQueue: a.localQueue.clusterQueue,
    admittedWorkloadsCounted: admitted,
    pendingWorkloads: j.pending,
    mayPreempt: j.mayPreempt,
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
