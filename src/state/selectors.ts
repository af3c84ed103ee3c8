/** Module-level selectors: atomic, returning primitives or stable references. */
import {
  categoryOf,
  indexDiagnostics,
  type Category,
  type Diagnostic,
  type DiagnosticIndex,
} from '../core/diagnostics.ts';
import { isJobSet, looksLikeJobSet } from '../core/k8s/detect.ts';
import { designTitle } from '../core/slug.ts';
import type { DesignerState } from './store.ts';

export const selectText = (s: DesignerState) => s.text;
export const selectVersion = (s: DesignerState) => s.version;
export const selectAnalysis = (s: DesignerState) => s.analysis;
export const selectAnalysisVersion = (s: DesignerState) => s.analysisVersion;
/** The current design, or the last readable one while the YAML has a syntax error. */
const readable = (s: DesignerState) =>
  s.analysis && !s.analysis.syntaxError ? s.analysis : s.lastGood;
export const selectExpansion = (s: DesignerState) => readable(s)?.expansion ?? null;
export const selectUsage = (s: DesignerState) => readable(s)?.usage ?? null;
export const selectSchedule = (s: DesignerState) => readable(s)?.schedule ?? null;
/** True while the figures shown are those of the last readable design. */
export const selectShowingLastGood = (s: DesignerState) =>
  !!s.analysis?.syntaxError && !!s.lastGood;
/** The manifest's diagnostics (never the cluster findings). */
export const selectDiagnostics = (s: DesignerState) => s.analysis?.diagnostics ?? null;
/** What the simulated run on the user's cluster found. */
export const selectFindings = (s: DesignerState) => readable(s)?.findings ?? NONE;

const findingsByCategory = new WeakMap<readonly Diagnostic[], Map<Category, Diagnostic[]>>();
/** The findings of one category (cluster, sweep), split once per analysis for every view. */
const findingsIn = (category: Category) => (s: DesignerState) => {
  const all = selectFindings(s);
  let split = findingsByCategory.get(all);
  if (!split) {
    split = new Map();
    for (const d of all) {
      const c = categoryOf(d.code);
      split.set(c, [...(split.get(c) ?? []), d]);
    }
    findingsByCategory.set(all, split);
  }
  return split.get(category) ?? NONE;
};
export const selectClusterFindings = findingsIn('cluster');
export const selectSweepFindings = findingsIn('sweep');
export const selectIsStale = (s: DesignerState) => s.analysisVersion !== s.version;
export const selectEngineNotice = (s: DesignerState) => s.engineNotice;
export const selectOperator = (s: DesignerState) => s.analysis?.operator ?? null;
export const selectCanUndo = (s: DesignerState) => s.past.length > 0;
export const selectCanRedo = (s: DesignerState) => s.future.length > 0;
export const selectEditorMode = (s: DesignerState) => s.editorMode;
export const selectReveal = (s: DesignerState) => s.reveal;
export const selectEditError = (s: DesignerState) => s.editError;
/** The manifest the form shows: the current design, or the last readable one during a syntax error. */
export const selectView = (s: DesignerState) => readable(s)?.view ?? null;
export const selectSyntaxError = (s: DesignerState) =>
  s.analysis?.syntaxError
    ? (s.analysis.diagnostics.find((d) => d.severity === 'error') ?? null)
    : null;
/** The design's name: the manifest's `name`, else the template or file it came from, else "Untitled design". */
export const selectDesignName = (s: DesignerState) =>
  designTitle(readable(s)?.view?.name, s.source ?? 'Untitled design');

const NONE: readonly never[] = [];

const indexes = new WeakMap<readonly Diagnostic[], DiagnosticIndex>();
const EMPTY_INDEX = indexDiagnostics([]);
/** The current manifest diagnostics by place, built once per analysis (none while unreadable). */
export const selectDiagnosticIndex = (s: DesignerState): DiagnosticIndex => {
  const all = s.analysis && !s.analysis.syntaxError ? s.analysis.diagnostics : null;
  if (!all) return EMPTY_INDEX;
  let index = indexes.get(all);
  if (!index) {
    index = indexDiagnostics(all);
    indexes.set(all, index);
  }
  return index;
};

/** The design as a Kubernetes JobSet, null until the worker has made it for the current text. */
export const selectJobSet = (s: DesignerState) =>
  s.analysisVersion === s.version ? s.jobset : null;
export const selectJobSetName = (s: DesignerState) => s.jobsetName;
/**
 * The editor holds a Kubernetes JobSet (read as data, or by a look at the text when a file of
 * several objects is not one manifest): the app offers to convert it.
 */
export const selectHoldsJobSet = (s: DesignerState) =>
  s.analysisVersion === s.version &&
  s.analysis !== null &&
  (isJobSet(s.analysis.data) || (s.analysis.syntaxError && looksLikeJobSet(s.text)));
