import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultDesign from '../templates/manifests/platform-main.yaml?raw';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { boot } from './boot.ts';
import { startPersistence } from '../state/persist/autosave.ts';
import { installUndoKeys } from './keyboard.ts';
import { installTestApi } from './testApi.ts';
import { installDropToOpen } from '../features/share/openFile.ts';
import './app.css';

boot();
startPersistence(defaultDesign);
installUndoKeys();
installTestApi();
installDropToOpen();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
