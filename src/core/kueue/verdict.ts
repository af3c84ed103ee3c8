/**
 * The Kueue verdict of a design, as the designer shows it: the design's JobSet (the export) in
 * the queues its user pasted (a design setting). The queues' YAML is read here, so a problem in
 * it is named at its line and path; the design itself must export.
 */
import { parseAllDocuments } from 'yaml';
import { buildJobSet, type ExportInput, type JobSetMetadata } from '../k8s/export.ts';
import type { KueueSetting } from '../settings.ts';
import { LATEST_KUEUE, pickLocalQueue, podSetLimit } from './admission.ts';
import { clusterOf, judge, type Judgement } from './judge.ts';
import type { LocalQueue, QueueProblem } from './queues.ts';
import { podSetsOf, PRIORITY_LABEL, QUEUE_LABEL } from './workload.ts';

export type KueueResult =
  | { readonly kind: 'problems'; readonly problems: readonly QueueProblem[] }
  /** The design gives no JobSet to admit (invalid, refused, another operator). */
  | { readonly kind: 'no-jobset'; readonly reason: string }
  | ({
      readonly kind: 'verdict';
      readonly version: string;
      /** Every LocalQueue of the files, for the user to pick from. */
      readonly localQueues: readonly LocalQueue[];
      readonly skipped: readonly QueueProblem[];
      /** How many admitted workloads hold quota (the setting's `workloads`). */
      readonly admitted: number;
    } & Judgement);

/**
 * The queues and admitted workloads read from the last texts, for an analyzer's successive
 * analyses: they change rarely, the design at every key, and a large cluster's objects take
 * long to read. The queues kept hold the workloads' usage; admission adds none to them.
 */
export interface QueuesMemo {
  key: string | null;
  read: Read | null;
}

type Read = QueueProblem | ReturnType<typeof clusterOf>;

const emptyMemo = (): QueuesMemo => ({ key: null, read: null });

/** The setting's two texts read, once per pair of texts. */
function readSetting(setting: KueueSetting, memo: QueuesMemo): Read {
  const workloadsText = setting.workloads?.trim() ? setting.workloads : '';
  const key = `${setting.queues.length}:${setting.queues}${workloadsText}`;
  if (memo.key === key && memo.read) return memo.read;
  memo.key = key;
  memo.read = readBoth(setting.queues, workloadsText);
  return memo.read;
}

function readBoth(queuesText: string, workloadsText: string): Read {
  const docs = readDocuments(queuesText);
  if (!Array.isArray(docs)) return docs;
  const workloadDocs = workloadsText ? readDocuments(workloadsText) : [];
  if (!Array.isArray(workloadDocs))
    return { path: `admitted workloads: ${workloadDocs.path}`, message: workloadDocs.message };
  return clusterOf(docs, workloadDocs);
}

export function kueueVerdict(
  input: ExportInput,
  setting: KueueSetting,
  memo: QueuesMemo = emptyMemo(),
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
  const read = readSetting(setting, memo);
  if (!('queues' in read)) return { kind: 'problems', problems: [read] };
  const { queues } = read;
  if (queues.problems.length) return { kind: 'problems', problems: queues.problems };
  const picked = pickLocalQueue(queues, setting.localQueue || null);
  if ('problem' in picked)
    return { kind: 'problems', problems: [{ path: 'LocalQueue', message: picked.problem }] };
  // The JobSet as built, not written and read back: the same object the export writes.
  const exported = buildJobSet(input);
  if (exported.kind !== 'built')
    return {
      kind: 'no-jobset',
      reason:
        exported.kind === 'not-jobset'
          ? 'the design runs on another operator than JobSet'
          : 'the design has problems to fix before it can be exported as a JobSet',
    };
  const version =
    setting.version && podSetLimit(setting.version) !== null ? setting.version : LATEST_KUEUE;
  const podSets = podSetsOf(exported.jobset);
  const judgement = judge(podSets, read, picked.queue, version, setting.priorityClass ?? null);
  return {
    kind: 'verdict',
    version,
    localQueues: queues.localQueues,
    skipped: queues.skipped,
    admitted: read.counted,
    ...judgement,
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
