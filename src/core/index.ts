/**
 * The pure core: parse, validate, expand and schedule AIchor manifests. No DOM, no React, no
 * timers. The CLI, the worker and the tests use all of it; the page's main thread uses `ui.ts`,
 * the part that does not read text or simulate.
 */
export * from './ui.ts';
export { analyze, analyzer, internalError } from './analyze.ts';
export { CODE_HELP } from './codeHelp.ts';
export { expand } from './jobset/expand.ts';
export { readGroups, type Group, type GroupResources } from './jobset/groups.ts';
export { allPods } from './schedule/pods.ts';
export { ACCEPTED_API_VERSIONS } from './manifest/versions.ts';
export { GPU_PRODUCTS } from './jobset/products.ts';
export * from './edit/index.ts';
export { LIMITS, parse } from './manifest/parse.ts';
export { MANIFEST_SCHEMA, type SchemaNode } from './manifest/schema.ts';
export { usage } from './cost/usage.ts';
export { plan, schedule } from './run/schedule.ts';
export { simulate } from './sim/simulate.ts';
export { buildJobSet, exportJobSet, type ExportInput } from './k8s/export.ts';
export { exportsAsJobSet } from './k8s/operatorEnv.ts';
export { importJobSet } from './k8s/import.ts';
export {
  podProgram,
  programInput,
  type PodProgram,
  type ProgramFile,
  type ProgramInput,
} from './program/python.ts';
export { commandScript, type CommandScript } from './program/script.ts';
export {
  DEFAULT_MAX_PODS,
  rehearsalPlan,
  type RehearsalPlan,
  type RehearsalPod,
} from './rehearse/plan.ts';
export { dispatchState, ended, notStarted, startNow } from './rehearse/dispatch.ts';
export {
  groupOutcomes,
  RECORD_FORMAT,
  RECORD_VERSION,
  reportLines,
  type Outcome,
  type PodOutcome,
  type RehearsalRecord,
} from './record/record.ts';
export {
  compareDesigns,
  FIELD_LABELS,
  type DesignDiff,
  type FieldChange,
  type GroupChange,
  type TotalDelta,
} from './compare/diff.ts';
export { changeText, deltaText, diffLines, figureText, groupChangeText } from './compare/text.ts';
export { diffMarkdown, mdText, type MarkdownLinks } from './compare/markdown.ts';
export {
  addAdmittedUsage,
  admit,
  LATEST_KUEUE,
  pickLocalQueue,
  podSetLimit,
  type Admission,
} from './kueue/admission.ts';
export { readQueues, type QueueProblem, type Queues } from './kueue/queues.ts';
export { addUsageOf, admittedWorkloads, type AdmittedWorkload } from './kueue/admitted.ts';
export { startOf, type Start } from './kueue/start.ts';
export { clusterOf, judge, preemptionWords, startWords, type Judgement } from './kueue/judge.ts';
export { listedAt, pendingWorkloads } from './kueue/pending.ts';
export { podSetsOf, QUEUE_LABEL } from './kueue/workload.ts';
export { kueueVerdict, queueMetadata, readDocuments, type KueueResult } from './kueue/verdict.ts';
