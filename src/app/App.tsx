import { EditorPane } from '../features/editor/EditorPane.tsx';
import { ResourcesPanel } from '../features/sidebar/ResourcesPanel.tsx';
import { CanvasArea } from '../features/canvas/CanvasArea.tsx';
import { PodDetails } from '../features/canvas/PodDetails.tsx';
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
        <CanvasArea />
        <div className="side">
          <ResourcesPanel />
          <PodDetails />
        </div>
      </main>
    </div>
  );
}
