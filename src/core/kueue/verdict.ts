/**
 * The Kueue verdict of a design, as the designer shows it: the design's JobSet (the export) in
 * the queues its user pasted (a design setting). The queues' YAML is read here, so a problem in
 * it is named at its line and path; the design itself must export.
 */
import { parse, parseAllDocuments } from 'yaml';
import { exportJobSet, type ExportInput, type JobSetMetadata } from '../k8s/export.ts';
import type { KueueSetting } from '../settings.ts';
import { admit, LATEST_KUEUE, pickLocalQueue, podSetLimit, type Admission } from './admission.ts';
import { addUsageOf, admittedWorkloads } from './admitted.ts';
import { readQueues, type LocalQueue, type QueueProblem, type Queues } from './queues.ts';
import { startOf, type Start } from './start.ts';
import { podSetsOf, PRIORITY_LABEL, QUEUE_LABEL } from './workload.ts';

export type KueueResult =
  | { readonly kind: 'problems'; readonly problems: readonly QueueProblem[] }
  /** The design gives no JobSet to admit (invalid, refused, another operator). */
  | { readonly kind: 'no-jobset'; readonly reason: string }
  | {
      readonly kind: 'verdict';
      readonly admission: Admission;
      readonly version: string;
      /** Every LocalQueue of the files, for the user to pick from. */
      readonly localQueues: readonly LocalQueue[];
      readonly skipped: readonly QueueProblem[];
      /** How many admitted workloads hold quota (the setting's `workloads`). */
      readonly admitted: number;
      /** When it would start, while it waits and admitted workloads are given. */
      readonly start: Start | null;
    };

/**
 * The queues read from the last text, for an analyzer's successive analyses (the queues change
 * rarely, the design at every key; a large cluster's objects take long to read). The queues
 * kept hold no usage: admission adds none to them.
 */
export interface QueuesMemo {
  text: string | null;
  docs: unknown[] | QueueProblem | null;
  queues: Queues | null;
}

export function kueueVerdict(
  input: ExportInput,
  setting: KueueSetting,
  memo: QueuesMemo = { text: null, docs: null, queues: null },
): KueueResult {
  // Whatever the pasted text holds, the design's analysis stands: a failure here is the queues'.
  try {
    return verdictOf(input, setting, memo);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'problems', problems: [{ path: 'the queues', message }] };
  }
}

function verdictOf(input: ExportInput, setting: KueueSetting, memo: QueuesMemo): KueueResult {
  if (memo.text !== setting.queues || memo.docs === null) {
    memo.docs = readDocuments(setting.queues);
    memo.queues = Array.isArray(memo.docs) ? readQueues(memo.docs) : null;
    memo.text = setting.queues;
  }
  const docs = memo.docs;
  if (!Array.isArray(docs) || !memo.queues)
    return { kind: 'problems', problems: [docs as QueueProblem] };
  const workloadDocs = setting.workloads?.trim() ? readDocuments(setting.workloads) : [];
  if (!Array.isArray(workloadDocs))
    return {
      kind: 'problems',
      problems: [
        { path: `admitted workloads: ${workloadDocs.path}`, message: workloadDocs.message },
      ],
    };
  const workloads = admittedWorkloads(workloadDocs);
  // The kept queues hold no usage: with admitted workloads, fresh ones from the kept documents.
  const withUsage = () => {
    const q = readQueues(docs);
    addUsageOf(q, workloads);
    return q;
  };
  const queues = workloads.length ? withUsage() : memo.queues;
  if (queues.problems.length) return { kind: 'problems', problems: queues.problems };
  const picked = pickLocalQueue(queues, setting.localQueue || null);
  if ('problem' in picked)
    return { kind: 'problems', problems: [{ path: 'LocalQueue', message: picked.problem }] };
  const exported = exportJobSet(input);
  if (exported.kind !== 'exported')
    return {
      kind: 'no-jobset',
      reason:
        exported.kind === 'not-jobset'
          ? 'the design runs on another operator than JobSet'
          : 'the design has problems to fix before it can be exported as a JobSet',
    };
  const version =
    setting.version && podSetLimit(setting.version) !== null ? setting.version : LATEST_KUEUE;
  const podSets = podSetsOf(parse(exported.yaml));
  const admission = admit(podSets, queues, picked.queue, version);
  return {
    kind: 'verdict',
    admission,
    version,
    localQueues: queues.localQueues,
    skipped: queues.skipped,
    admitted: workloads.filter((w) => queues.clusterQueues.has(w.clusterQueue)).length,
    start:
      admission.verdict === 'waits' && workloads.length
        ? startOf(podSets, () => readQueues(docs), picked.queue, workloads, version)
        : null,
  };
}

/** The queues' documents, or where the text cannot be read (an alias bomb included). */
export function readDocuments(text: string): unknown[] | QueueProblem {
  const docs: unknown[] = [];
  try {
    for (const d of parseAllDocuments(text)) {
      const e = d.errors[0];
      if (e)
        return { path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0]! };
      docs.push(d.toJS());
    }
  } catch (err) {
    return { path: 'the queues', message: err instanceof Error ? err.message : String(err) };
  }
  return docs;
}

/**
 * What puts the exported JobSet in the LocalQueue of the verdict, when there is one: its
 * namespace (a LocalQueue serves its own namespace only) and its label, with the priority class
 * asked for.
 */
export function queueMetadata(
  result: KueueResult | null,
  setting: KueueSetting | null | undefined,
): JobSetMetadata {
  if (result?.kind !== 'verdict') return {};
  const { namespace, name } = result.admission.localQueue;
  const priority = setting?.priorityClass?.trim();
  return {
    namespace,
    labels: { [QUEUE_LABEL]: name, ...(priority && { [PRIORITY_LABEL]: priority }) },
  };
}
