import { StrictMode } from 'react';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/** The whole page, as the browser mounts it and as the build renders the first visit's page. */
export function Root({ firstVisit }: { firstVisit: boolean }) {
  return (
    <StrictMode>
      <ErrorBoundary>
        <App firstVisit={firstVisit} />
      </ErrorBoundary>
    </StrictMode>
  );
}
