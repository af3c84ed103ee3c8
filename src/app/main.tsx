import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultDesign from '../templates/manifests/platform-main.yaml?raw';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { boot } from './boot.ts';
import { startPersistence } from '../state/persist/autosave.ts';
import { loadSaved } from '../state/persist/storage.ts';
import { installUndoKeys } from './keyboard.ts';
import { installTestApi } from './testApi.ts';
import { installDropToOpen } from '../features/share/openFile.ts';
import './app.css';

boot();
// A first visit: nothing saved here and no design in the address (read before the first save).
const firstVisit = loadSaved() === null && location.hash.length <= 1;
startPersistence(defaultDesign);
installUndoKeys();
installTestApi();
installDropToOpen();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App firstVisit={firstVisit} />
    </ErrorBoundary>
  </StrictMode>,
);
