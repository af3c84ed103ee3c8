/**
 * The first visit's page, rendered when the app is built (src/tools/firstPage.ts): the default
 * design with its figures, computed by the same core the worker runs, so the page shows them at
 * its first paint instead of after the bundle, React and the worker's first answer. The app
 * starts from the same analysis (`seedFirstAnalysis`) and renders over this page.
 */
import { renderToString } from 'react-dom/server';
import defaultDesign from '../templates/manifests/platform-main.yaml?raw';
import { analyze, type Analysis } from '../core/index.ts';
import { analysisSettings } from '../core/settings.ts';
import { designSettings } from '../state/slices/design.ts';
import { useDesigner } from '../state/store.ts';
import { Root } from './Root.tsx';

export interface FirstPage {
  readonly html: string;
  readonly analysis: Analysis;
}

/** The page of a first visit to the designer: the default design and its figures. */
export function renderFirstPage(): FirstPage {
  const store = useDesigner;
  store.getState().load(defaultDesign);
  const s = store.getState();
  const analysis = analyze(s.text, analysisSettings(designSettings(s)));
  s.setAnalysis({ version: s.version, analysis, jobset: null, computeMs: 0 });
  // On the server React reads a store's server snapshot, which zustand takes from the state the
  // store was created with: the page is rendered from the state just seeded.
  store.getInitialState = () => store.getState();
  const html = renderToString(<Root firstVisit />);
  return { html, analysis };
}
