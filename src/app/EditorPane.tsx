/** The editor pane: YAML, form, or both side by side; both edit the same text. */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useDesigner } from '../state/store.ts';
import { selectEditorMode } from '../state/selectors.ts';
import type { EditorMode } from '../state/slices/view.ts';
import { YamlPanel } from '../features/editor/YamlPanel.tsx';

// The form (and the YAML library its edits use) loads when it is first shown.
const loadForm = () => import('../features/form/ManifestForm.tsx');
const ManifestForm = lazy(() => loadForm().then((m) => ({ default: m.ManifestForm })));

const MODES: readonly [EditorMode, string][] = [
  ['yaml', 'YAML'],
  ['form', 'Form'],
  ['both', 'Both'],
];

export function EditorPane() {
  const mode = useDesigner(selectEditorMode);
  const setMode = useDesigner((s) => s.setEditorMode);
  return (
    <div className={`editor-pane mode-${mode}`}>
      <div className="mode-switch" role="group" aria-label="Editor view">
        {MODES.map(([m, label]) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            // Pointing at Form or Both starts loading the form: it is there by the click.
            onPointerEnter={m === 'yaml' ? undefined : () => void loadForm()}
            onFocus={m === 'yaml' ? undefined : () => void loadForm()}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="editors">
        {/* The YAML editor stays mounted while hidden: switching views keeps its state and costs nothing. */}
        <YamlPanel hidden={mode === 'form'} />
        {mode !== 'yaml' && (
          <section className="panel form-panel" aria-labelledby="form-title">
            <h2 id="form-title" className="visually-hidden">
              Form
            </h2>
            <FormLoad>
              <Suspense fallback={<p className="muted">Loading the form…</p>}>
                <ManifestForm />
              </Suspense>
            </FormLoad>
          </section>
        )}
      </div>
    </div>
  );
}

/** The form's code failed to load (offline, a new version deployed): say so in its place. */
class FormLoad extends Component<{ children: ReactNode }, { failed: string | null }> {
  state = { failed: null as string | null };

  static getDerivedStateFromError(error: Error) {
    return { failed: error.message };
  }

  render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <p role="alert">
        The form could not be loaded ({this.state.failed}). The YAML editor still works, and the
        design is saved.{' '}
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    );
  }
}
