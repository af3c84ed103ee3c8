/**
 * The editor pane: YAML, form, or both side by side (both edit the same text), or the design as
 * a Kubernetes JobSet (read-only, derived from the text).
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useDesigner } from '../state/store.ts';
import { selectEditorMode } from '../state/selectors.ts';
import type { EditorMode } from '../state/slices/view.ts';
import { YamlPanel } from '../features/editor/YamlPanel.tsx';

// The form (and the YAML library its edits use) loads when it is first shown.
const loadForm = () => import('../features/form/ManifestForm.tsx');
const ManifestForm = lazy(() => loadForm().then((m) => ({ default: m.ManifestForm })));
const loadKubernetes = () => import('../features/kubernetes/KubernetesPanel.tsx');
const loadProgram = () => import('../features/program/ProgramPanel.tsx');
const ProgramPanel = lazy(() => loadProgram().then((m) => ({ default: m.ProgramPanel })));
const ReadOnlyYaml = lazy(() => import('../features/editor/ReadOnlyYaml.tsx'));
/** The JobSet in the code editor's read-only viewer; plain text while the viewer loads. */
const renderCode = (text: string, label: string, language = 'yaml') => (
  <Suspense fallback={<pre className="readonly-yaml-plain">{text}</pre>}>
    <ReadOnlyYaml text={text} label={label} language={language} />
  </Suspense>
);
const KubernetesPanel = lazy(() => loadKubernetes().then((m) => ({ default: m.KubernetesPanel })));

const MODES: readonly [EditorMode, string][] = [
  ['yaml', 'YAML'],
  ['form', 'Form'],
  ['both', 'Both'],
  ['kubernetes', 'Kubernetes'],
  ['program', 'Program'],
];

const preload: Partial<Record<EditorMode, () => unknown>> = {
  form: loadForm,
  both: loadForm,
  kubernetes: loadKubernetes,
  program: loadProgram,
};

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
            // Pointing at a view starts loading its code: it is there by the click.
            onPointerEnter={preload[m] && (() => void preload[m]!())}
            onFocus={preload[m] && (() => void preload[m]!())}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="editors">
        {/* The YAML editor stays mounted while hidden: switching views keeps its state and costs nothing. */}
        <YamlPanel hidden={mode !== 'yaml' && mode !== 'both'} />
        {mode === 'program' && (
          <LazyView what="Program view">
            <ProgramPanel renderCode={renderCode} />
          </LazyView>
        )}
        {mode === 'kubernetes' && (
          <LazyView what="Kubernetes view">
            <KubernetesPanel renderYaml={renderCode} />
          </LazyView>
        )}
        {(mode === 'form' || mode === 'both') && (
          <section className="panel form-panel" aria-labelledby="form-title">
            <h2 id="form-title" className="visually-hidden">
              Form
            </h2>
            <LazyView what="form">
              <ManifestForm />
            </LazyView>
          </section>
        )}
      </div>
    </div>
  );
}

/** A view whose code loads on demand: a line while it loads, and a message if it cannot. */
function LazyView({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ViewLoad what={what}>
      <Suspense fallback={<p className="muted">Loading the {what}…</p>}>{children}</Suspense>
    </ViewLoad>
  );
}

/** A view's code failed to load (offline, a new version deployed): say so in its place. */
class ViewLoad extends Component<{ what: string; children: ReactNode }, { failed: string | null }> {
  state = { failed: null as string | null };

  static getDerivedStateFromError(error: Error) {
    return { failed: error.message };
  }

  render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <p role="alert">
        The {this.props.what} could not be loaded ({this.state.failed}). The YAML editor still
        works, and the design is saved.{' '}
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    );
  }
}
