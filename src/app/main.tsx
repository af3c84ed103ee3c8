import { createRoot } from 'react-dom/client';
import defaultDesign from '../templates/manifests/platform-main.yaml?raw';
import { Root } from './Root.tsx';
import { boot } from './boot.ts';
import { isFirstVisit, takeFirstAnalysis } from './firstVisit.ts';
import { startPersistence } from '../state/persist/autosave.ts';
import { useDesigner } from '../state/store.ts';
import { installUndoKeys } from './keyboard.ts';
import { installTestApi } from './testApi.ts';
import { installDropToOpen } from '../features/share/openFile.ts';
import './app.css';

boot();
const firstVisit = isFirstVisit();
startPersistence(defaultDesign);
// The page the build rendered for a first visit shows the default design's figures: the app
// starts from the same analysis, so they stay on screen while the worker makes its own.
const first = firstVisit ? takeFirstAnalysis() : null;
if (first) {
  const s = useDesigner.getState();
  s.setAnalysis({ version: s.version, analysis: first, jobset: null, computeMs: 0 });
}
installUndoKeys();
installTestApi();
installDropToOpen();

createRoot(document.getElementById('root')!).render(<Root firstVisit={firstVisit} />);
