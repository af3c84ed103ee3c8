/** The "Manifest YAML" region: Monaco, loaded lazily; a plain text area until then. */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { PlainYamlEditor } from './PlainYamlEditor.tsx';
import './editor.css';

const MonacoYamlEditor = lazy(() => import('./MonacoYamlEditor.tsx'));

/** If Monaco fails to load, the plain editor stays: the text is never out of reach. */
class EditorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? (
      <PlainYamlEditor note="The code editor could not load; editing as plain text." />
    ) : (
      this.props.children
    );
  }
}

export function YamlPanel({ hidden = false }: { hidden?: boolean }) {
  return (
    <section className="panel yaml-panel" aria-label="Manifest YAML" hidden={hidden}>
      <h2 className="visually-hidden">Manifest YAML</h2>
      <EditorBoundary>
        <Suspense fallback={<PlainYamlEditor note="Loading the code editor…" />}>
          <MonacoYamlEditor />
        </Suspense>
      </EditorBoundary>
      <p className="editor-hint">
        Reached with Tab, Tab moves on; after a click, Tab indents. Ctrl+M switches.
      </p>
    </section>
  );
}
