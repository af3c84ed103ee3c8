/** The pure core: parse, validate, expand and schedule AIchor manifests. No DOM, no React, no timers. */
export { analyze, internalError, type Analysis, type GroupSpan } from './analyze.ts';
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
export { CODE_HELP } from './codeHelp.ts';
export {
  expand,
  productOf,
  UNSPECIFIED_PRODUCT,
  type Expansion,
  type GroupFigures,
  type GroupState,
  type PerPod,
  type Peak,
  type Totals,
} from './jobset/expand.ts';
export { readGroups, type Group, type GroupResources } from './jobset/groups.ts';
export {
  allPods,
  EXPERIMENT_NAME_PLACEHOLDER,
  podAt,
  podByOrdinal,
  type Pod,
  type PodEnv,
} from './jobset/pods.ts';
export { ACCEPTED_API_VERSIONS, CURRENT_API_VERSION } from './jobset/rules.ts';
export { GPU_PRODUCTS } from './jobset/products.ts';
export * from './edit/index.ts';
export { LIMITS, parse } from './manifest/parse.ts';
export { jsonOf } from './manifest/json.ts';
export { decodeManifest, type Decoded } from './manifest/decode.ts';
export { MANIFEST_SCHEMA, OPERATORS, type SchemaNode } from './manifest/schema.ts';
export type { FieldView, GroupView, ManifestView } from './manifest/view.ts';
export { podRate, type PodRate } from './cost/rate.ts';
export {
  explain,
  figure,
  usage,
  type Figure,
  type GroupUsage,
  type Usage,
  type UsageFigure,
} from './cost/usage.ts';
export {
  headline,
  sameMoney,
  plan,
  podInSlot,
  podsInWave,
  podSpan,
  podWave,
  schedule,
  type GroupPlan,
  type Headline,
  type Plan,
  type Schedule,
} from './schedule/index.ts';
export {
  simulate,
  type SimBatch,
  type SimGroup,
  type SimProfile,
  type SimSeries,
  type Simulation,
} from './sim/simulate.ts';
export {
  durationIn,
  EXAMPLE_PRICES,
  gpuPrice,
  type Capacity,
  type DesignSettings,
  type Prices,
} from './settings.ts';
