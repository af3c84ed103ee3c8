/**
 * A read-only window into the designer for the e2e tests and the UI benchmark, present only in
 * builds made with VITE_TEST_API=1 (`npm test` and `npm run bench:ui` make such builds).
 */
import { useDesigner } from '../state/store.ts';

import type {} from './testApiTypes.ts';

export function installTestApi(): void {
  if (import.meta.env.VITE_TEST_API !== '1') return;
  window.__designerTestApi = {
    text: () => useDesigner.getState().text,
    version: () => useDesigner.getState().version,
    analysisVersion: () => useDesigner.getState().analysisVersion,
    markers: () => [],
    load: (text) => useDesigner.getState().load(text),
    edit: (at, insert) => {
      const { text, commit } = useDesigner.getState();
      const edit = { start: at, end: at + 1, text: insert };
      commit(text.slice(0, at) + insert + text.slice(at + 1), { origin: 'yaml', edits: [edit] });
    },
    gridPaints: [],
  };
}
