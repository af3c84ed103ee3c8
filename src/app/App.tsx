import { EditorPane } from './EditorPane.tsx';
import { ResourcesPanel } from '../features/sidebar/ResourcesPanel.tsx';
import { CanvasArea } from '../features/canvas/CanvasArea.tsx';
import { PodDetails } from '../features/canvas/PodDetails.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';

export function App() {
  return (
    <div className="app">
      <Header />
      <Notices />
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
