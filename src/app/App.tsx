import { DiagnosticsList, ValidationStatus } from '../features/diagnostics/ValidationStatus.tsx';
import { ResourcesPanel } from '../features/sidebar/ResourcesPanel.tsx';
import { SourcePanel } from '../features/source/SourcePanel.tsx';
import { GroupTable } from '../features/summary/GroupTable.tsx';
import { useDesigner } from '../state/store.ts';
import { selectEngineNotice } from '../state/selectors.ts';

export function App() {
  const notice = useDesigner(selectEngineNotice);
  return (
    <div className="app">
      <header className="app-header">
        <h1>JobSet Designer</h1>
        <ValidationStatus />
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <main className="layout">
        <SourcePanel />
        <div className="results">
          <GroupTable />
          <DiagnosticsList />
        </div>
        <ResourcesPanel />
      </main>
    </div>
  );
}
