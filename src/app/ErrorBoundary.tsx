/**
 * The last line of defence: if the UI itself fails, the page does not go blank. It shows the
 * design's text (safe in the store and in local storage) to copy or download, and offers a
 * reload, which restores the design.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useDesigner } from '../state/store.ts';
import { download } from '../ui/download.ts';

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('The designer failed:', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = useDesigner.getState().text;
    return (
      <main className="crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">Something went wrong in the designer</h1>
        <p>
          Your design is safe: it is saved in this browser and below. Reload to carry on where you
          were.
        </p>
        <p className="note">({error.message})</p>
        <div className="crash-actions">
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
          <button
            type="button"
            onClick={() =>
              download(new Blob([text], { type: 'application/yaml' }), 'manifest.yaml')
            }
          >
            Download manifest
          </button>
        </div>
        <label>
          Your manifest
          <textarea readOnly value={text} rows={20} spellCheck={false} />
        </label>
      </main>
    );
  }
}
