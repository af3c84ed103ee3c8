/** The editor pane: YAML, form, or both side by side; both edit the same text. */
import { lazy, Suspense } from 'react';
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
            <Suspense fallback={<p className="muted">Loading the form…</p>}>
              <ManifestForm />
            </Suspense>
          </section>
        )}
      </div>
    </div>
  );
}
