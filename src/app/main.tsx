import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultDesign from '../fixtures/manifests/platform-main.yaml?raw';
import { App } from './App.tsx';
import { boot } from './boot.ts';
import { startPersistence } from './persistence.ts';
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
    <App />
  </StrictMode>,
);
