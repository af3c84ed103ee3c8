/**
 * One store, in slices. The YAML text is the single source of truth: `commit` (and undo, redo,
 * load) are the only writes to it, each bumps `version`, and everything else (diagnostics,
 * figures, the form's data) is derived from the text by the core, stamped with its version.
 */
import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis.ts';
import { createCanvasSlice, type CanvasSlice } from './slices/canvas.ts';
import { createDocumentSlice, type DocumentSlice } from './slices/document.ts';
import { createNoticesSlice, type NoticesSlice } from './slices/notices.ts';
import { createSettingsSlice, type SettingsSlice } from './slices/settings.ts';
import { createViewSlice, type ViewSlice } from './slices/view.ts';

export type DesignerState = DocumentSlice &
  AnalysisSlice &
  ViewSlice &
  CanvasSlice &
  SettingsSlice &
  NoticesSlice;

export const useDesigner = create<DesignerState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createAnalysisSlice(...a),
  ...createViewSlice(...a),
  ...createCanvasSlice(...a),
  ...createSettingsSlice(...a),
  ...createNoticesSlice(...a),
}));
