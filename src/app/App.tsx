import { EditorPane } from './EditorPane.tsx';
import { ResourcesPanel } from '../features/sidebar/ResourcesPanel.tsx';
import { CanvasArea } from '../features/canvas/CanvasArea.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { PendingLink } from './PendingLink.tsx';
import { FirstRunHint } from './FirstRunHint.tsx';
import { JobSetOffer } from './JobSetOffer.tsx';
import { CompareHost } from './CompareHost.tsx';

export function App({ firstVisit = false }: { firstVisit?: boolean }) {
  return (
    <div className="app">
      <SkipLink />
      <Header />
      <FirstRunHint firstVisit={firstVisit} />
      <Notices />
      <PendingLink />
      <JobSetOffer />
      <CompareHost />
      <main className="layout">
        <EditorPane />
        <CanvasArea />
        <div className="side">
          <ResourcesPanel />
        </div>
      </main>
    </div>
  );
}

/**
 * The first stop of the keyboard: past the header and the editor to the pod grid (or the
 * figures when there is no grid). Focus moves by script: an in-page #anchor would replace the
 * design link in the address.
 */
function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#resources-title"
      onClick={(e) => {
        e.preventDefault();
        // The pod grid when the design draws one, else the figures.
        const grid = document.querySelector<HTMLElement>('.grid-canvas canvas');
        const target = grid ?? document.getElementById('resources-title');
        if (!target) return;
        if (!grid) target.tabIndex = -1;
        target.focus();
      }}
    >
      Skip to the pod grid
    </a>
  );
}
