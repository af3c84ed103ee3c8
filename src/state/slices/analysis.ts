/**
 * What the core derived from the text, stamped with the version it came from. `lastGood` keeps
 * the newest analysis whose YAML could be read, so the form and the figures can show it
 * (read-only) while the text has a syntax error.
 */
import type { StateCreator } from 'zustand';
import type { TrackedKey } from '../../core/edit/keys.ts';
import type { Analysis, JobSetExport } from '../../core/ui.ts';
import type { AnalysisResult } from '../../worker/client.ts';
import type { DesignerState } from '../store.ts';

export interface AnalysisSlice {
  readonly analysis: Analysis | null;
  readonly analysisVersion: number;
  readonly lastGood: Analysis | null;
  readonly computeMs: number | null;
  /** The design as a Kubernetes JobSet, while the Kubernetes view asks for it; of `analysisVersion`. */
  readonly jobset: JobSetExport | null;
  readonly engine: 'worker' | 'main-thread';
  readonly engineNotice: string | null;
  setAnalysis(result: AnalysisResult): void;
  fallBackToMainThread(reason: string): void;
}

export const createAnalysisSlice: StateCreator<DesignerState, [], [], AnalysisSlice> = (set) => ({
  analysis: null,
  analysisVersion: -1,
  lastGood: null,
  computeMs: null,
  jobset: null,
  engine: 'worker',
  engineNotice: null,
  setAnalysis: ({ version, analysis, jobset, computeMs }) =>
    set((s) => {
      if (version < s.analysisVersion) return s;
      // The keys of the text the user sees: where renames and removals are followed from.
      const fresh = version === s.version && !analysis.syntaxError;
      return {
        analysis,
        analysisVersion: version,
        computeMs,
        jobset,
        lastGood: analysis.syntaxError ? s.lastGood : analysis,
        ...(fresh ? { groupKeys: rebase(s.groupKeys, analysis.typeKeys) } : {}),
      };
    }),
  fallBackToMainThread: (reason) =>
    set({
      engine: 'main-thread',
      engineNotice: `Checking runs on the main thread because ${reason}. Large designs may feel slower.`,
    }),
});

/**
 * The keys the core found, keeping what the tracked ones knew: a key still being renamed through
 * a taken name keeps its settings under its old name until its own is free.
 */
function rebase(
  tracked: readonly TrackedKey[] | null,
  keys: Analysis['typeKeys'],
): readonly TrackedKey[] {
  const byStart = new Map((tracked ?? []).map((k) => [k.start, k]));
  return keys.map((g) => {
    const known = byStart.get(g.start);
    const owner = known && known.name === g.name ? known.owner : g.name;
    return { name: g.name, start: g.start, end: g.end, owner };
  });
}
