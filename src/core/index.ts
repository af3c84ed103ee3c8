/** The pure core: parse, validate and expand AIchor manifests. No DOM, no React, no timers. */
export { analyze, type Analysis, type GroupSpan } from './analyze.ts';
export {
  compareDiagnostics,
  countBySeverity,
  formatPath,
  type Diagnostic,
  type Fix,
  type Path,
  type Severity,
} from './diagnostics.ts';
export {
  expand,
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
  makespan,
  podAt,
  podByOrdinal,
  type Durations,
  type Pod,
  type PodEnv,
} from './jobset/pods.ts';
export { CURRENT_API_VERSION } from './jobset/rules.ts';
export * from './edit/index.ts';
export { LIMITS, parse } from './manifest/parse.ts';
export { MANIFEST_SCHEMA, type SchemaNode } from './manifest/schema.ts';
export { usage, type Figure, type GroupUsage, type Usage } from './cost/usage.ts';
export { simulate, type SimGroup, type SimSeries, type Simulation } from './sim/simulate.ts';
export {
  durationIn,
  EXAMPLE_PRICES,
  gpuPrice,
  type Capacity,
  type DesignSettings,
  type Prices,
} from './settings.ts';
