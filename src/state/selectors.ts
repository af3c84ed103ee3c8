/** Module-level selectors: atomic, returning primitives or stable references. */
import type { DesignerState } from './store.ts';

export const selectText = (s: DesignerState) => s.text;
export const selectSetText = (s: DesignerState) => s.setText;
export const selectAnalysis = (s: DesignerState) => s.analysis;
export const selectExpansion = (s: DesignerState) => s.analysis?.expansion ?? null;
export const selectDiagnostics = (s: DesignerState) => s.analysis?.diagnostics ?? null;
export const selectIsStale = (s: DesignerState) => s.analysisVersion !== s.version;
export const selectEngineNotice = (s: DesignerState) => s.engineNotice;
export const selectOperator = (s: DesignerState) => s.analysis?.operator ?? null;
