/**
 * One store, in slices. The YAML text is the single source of truth for the manifest: `commit`
 * (and undo, redo, load) are the only writes to it, each bumps `version`, and everything else
 * (diagnostics, figures, the form's view) is derived from the text by the core, stamped with its
 * version. The design settings live beside it in the same history.
 */
import { createStore, useStore, type StoreApi, type UseBoundStore } from 'zustand';
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

/**
 * A new store (the app has one; tests make their own). The hook reads the store through its own
 * fields (zustand's `create` reads a copy), so the build's first page (app/firstPage.tsx) can
 * render on the server from the state it seeded rather than the state the store was made with.
 */
export function createDesignerStore(): UseBoundStore<StoreApi<DesignerState>> {
  const api = createStore<DesignerState>()((...a) => ({
    ...createDesignSlice(...a),
    ...createAnalysisSlice(...a),
    ...createViewSlice(...a),
    ...createCanvasSlice(...a),
    ...createNoticesSlice(...a),
    ...createCompareSlice(...a),
  }));
  const store: UseBoundStore<StoreApi<DesignerState>> = Object.assign(
    (selector?: (s: DesignerState) => unknown) => useStore(store, selector ?? ((s) => s)),
    api,
  ) as UseBoundStore<StoreApi<DesignerState>>;
  return store;
}

export const useDesigner = createDesignerStore();
