import { EditorPane } from '../features/editor/EditorPane.tsx';
import { ResourcesPanel } from '../features/sidebar/ResourcesPanel.tsx';
import { GroupTable } from '../features/summary/GroupTable.tsx';
import { useDesigner } from '../state/store.ts';
import { selectEngineNotice } from '../state/selectors.ts';
import { Header } from './Header.tsx';

export function App() {
  const notice = useDesigner(selectEngineNotice);
  return (
    <div className="app">
      <Header />
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <main className="layout">
        <EditorPane />
        <div className="side">
          <ResourcesPanel />
          <section className="canvas-area" aria-label="Design">
            <GroupTable />
          </section>
        </div>
      </main>
    </div>
  );
}
