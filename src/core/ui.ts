/**
 * The core as the page's main thread uses it: figures, layout, schedule helpers and formats, but
 * not reading a text (the YAML library, the schema, the rules). That runs in the worker; the page
 * loads it on demand (a quick fix, an opened file, the form, a fallback).
 * Importing them here would put them (the YAML library alone is 94 KB) in the first load.
 * Modules only views loaded on demand use (the comparison, the pod program) are imported from
 * their own files by those views: re-exported here, they would land in the first load too.
 */
export type { Analysis, GroupSpan } from './analyze.ts';
export {
  bySeverity,
  categoryOf,
  CODES,
  compareDiagnostics,
  countBySeverity,
  formatPath,
  indexDiagnostics,
  type DiagnosticIndex,
  type Category,
  type Diagnostic,
  type DiagnosticCode,
  type Fix,
  type Path,
  type Severity,
} from './diagnostics.ts';
export {
  productOf,
  UNSPECIFIED_PRODUCT,
  wavesFormula,
  type Expansion,
  type GroupFigures,
  type GroupState,
  type PerPod,
  type Peak,
  type Totals,
} from './jobset/expand.ts';
export { EXPERIMENT_NAME_PLACEHOLDER } from './jobset/names.ts';
export { podAt, podByOrdinal, type Pod, type PodEnv } from './schedule/pods.ts';
export { CURRENT_API_VERSION } from './manifest/versions.ts';
export {
  formShape,
  INDEX_VARIABLES,
  isOperator,
  jobsLabel,
  noVariablesNote,
  nothingToDraw,
  OPERATORS,
  type Operator,
  type RunKind,
} from './operators/operators.ts';
export { jsonOf } from './manifest/json.ts';
export { decodeManifest, type Decoded } from './manifest/decode.ts';
export type { FieldView, GroupView, ManifestView } from './manifest/view.ts';
export { podRate, type PodRate } from './cost/rate.ts';
export {
  explain,
  figure,
  type Figure,
  type GroupUsage,
  type Usage,
  type UsageFigure,
} from './cost/usage.ts';
export {
  headline,
  sameMoney,
  podInSlot,
  podsInWave,
  podSpan,
  podWave,
  type GroupPlan,
  type Headline,
  type Plan,
  type Schedule,
} from './run/schedule.ts';
export type { SimBatch, SimGroup, SimProfile, SimSeries, Simulation } from './sim/simulate.ts';
export {
  durationIn,
  EXAMPLE_PRICES,
  gpuPrice,
  type Capacity,
  type DesignSettings,
  type Prices,
} from './settings.ts';
export type { JobSetExport } from './k8s/export.ts';
export type { ImportItem, JobSetImport } from './k8s/import.ts';
export type { NotCarried } from './k8s/notCarried.ts';
export { isJobSet, looksLikeJobSet } from './k8s/detect.ts';
export { MEMORY_UNIT_NOTE } from './k8s/labels.ts';
export {
  axisValues,
  gridSize,
  paramsText,
  parseSweepList,
  podParams,
  SWEEP_INDEXES,
  sweepField,
  sweepPoint,
  sweepProblems,
  sweepTarget,
  sweepWarning,
  pointIndexOf,
  type AxisValues,
  type Sweep,
  type SweepAxis,
  type SweepIndex,
  type SweepValue,
} from './sweep/sweep.ts';
export { NEVER_FINISHES } from './format.ts';
