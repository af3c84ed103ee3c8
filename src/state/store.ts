/**
 * One store, in slices. The YAML text is the single source of truth: `setText` is the only
 * write, it bumps `version`, and everything else (diagnostics, figures) is derived from the text
 * by the core and stamped with the version it came from.
 */
import { create, type StateCreator } from 'zustand';
import type { Analysis } from '../core/index.ts';
import type { AnalysisResult } from '../worker/client.ts';

export interface DocumentSlice {
  readonly text: string;
  readonly version: number;
  setText(text: string): void;
}

export interface AnalysisSlice {
  readonly analysis: Analysis | null;
  /** The document version `analysis` was computed from. */
  readonly analysisVersion: number;
  readonly computeMs: number | null;
  /** Where the core runs; 'main-thread' after the worker failed. */
  readonly engine: 'worker' | 'main-thread';
  readonly engineNotice: string | null;
  setAnalysis(result: AnalysisResult): void;
  fallBackToMainThread(reason: string): void;
}

export type DesignerState = DocumentSlice & AnalysisSlice;

const createDocumentSlice: StateCreator<DesignerState, [], [], DocumentSlice> = (set) => ({
  text: '',
  version: 0,
  setText: (text) => set((s) => (s.text === text ? s : { text, version: s.version + 1 })),
});

const createAnalysisSlice: StateCreator<DesignerState, [], [], AnalysisSlice> = (set) => ({
  analysis: null,
  analysisVersion: -1,
  computeMs: null,
  engine: 'worker',
  engineNotice: null,
  setAnalysis: ({ version, analysis, computeMs }) =>
    set((s) =>
      version < s.analysisVersion ? s : { analysis, analysisVersion: version, computeMs },
    ),
  fallBackToMainThread: (reason) =>
    set({
      engine: 'main-thread',
      engineNotice: `Checking runs on the main thread because ${reason}. Large designs may feel slower.`,
    }),
});

export const useDesigner = create<DesignerState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createAnalysisSlice(...a),
}));
