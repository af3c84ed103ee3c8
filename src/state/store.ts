/**
 * One store, in slices. The YAML text is the single source of truth for the manifest: `commit`
 * (and undo, redo, load) are the only writes to it, each bumps `version`, and everything else
 * (diagnostics, figures, the form's view) is derived from the text by the core, stamped with its
 * version. The design settings live beside it in the same history.
 */
import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis.ts';
import { createCanvasSlice, type CanvasSlice } from './slices/canvas.ts';
import { createCompareSlice, type CompareSlice } from './slices/compare.ts';
import { createDesignSlice, type DesignSlice } from './slices/design.ts';
import { createNoticesSlice, type NoticesSlice } from './slices/notices.ts';
import { createViewSlice, type ViewSlice } from './slices/view.ts';

export type DesignerState = DesignSlice &
  AnalysisSlice &
  ViewSlice &
  CanvasSlice &
  NoticesSlice &
  CompareSlice;

/** A new store (the app has one; tests make their own). */
export const createDesignerStore = () =>
  create<DesignerState>()((...a) => ({
    ...createDesignSlice(...a),
    ...createAnalysisSlice(...a),
    ...createViewSlice(...a),
    ...createCanvasSlice(...a),
    ...createNoticesSlice(...a),
    ...createCompareSlice(...a),
  }));

export const useDesigner = createDesignerStore();
