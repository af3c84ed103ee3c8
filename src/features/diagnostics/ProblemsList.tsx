/** The problems of the design, each a way to its place in the YAML or the form, and its fix. */
import { formatPath, type Diagnostic } from '../../core/diagnostics.ts';
import { applyFix } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { selectAnalysisVersion, selectDiagnostics } from '../../state/selectors.ts';

/** True when the form has a field for this path (its element carries `data-path`). */
function formHas(path: Diagnostic['path']): boolean {
  return !!document.querySelector(`[data-path="${CSS.escape(path.join('.'))}"]`);
}

export function ProblemsList({ onNavigate }: { onNavigate?: () => void }) {
  const diagnostics = useDesigner(selectDiagnostics);
  const version = useDesigner(selectAnalysisVersion);
  const revealAt = useDesigner((s) => s.revealAt);
  const mode = useDesigner((s) => s.editorMode);
  if (!diagnostics) return <p className="muted">Checking…</p>;
  if (diagnostics.length === 0) return <p className="muted">No problems found.</p>;
  const go = (d: Diagnostic, target: 'yaml' | 'form') => {
    revealAt({ target, start: d.start, end: d.end, path: d.path });
    onNavigate?.();
  };
  return (
    <ul className="problems-list" aria-label="Problems">
      {diagnostics.map((d, i) => (
        <li key={`${d.start}-${d.code}-${i}`} className={`diagnostic diagnostic-${d.severity}`}>
          <button
            type="button"
            className="jump"
            onClick={() => go(d, mode === 'form' && formHas(d.path) ? 'form' : 'yaml')}
          >
            <span className="where">
              {d.line}:{d.column}
            </span>{' '}
            <span className="severity">{d.severity}</span> <code>{d.code}</code>{' '}
            <span className="message">{d.message}</span>
            {d.path.length > 0 && <span className="path"> ({formatPath(d.path)})</span>}
          </button>
          <span className="diagnostic-actions">
            {formHas(d.path) && (
              <button type="button" onClick={() => go(d, 'form')}>
                Show in form
              </button>
            )}
            {d.fix && (
              <button type="button" onClick={() => applyFix(d.fix!, version)}>
                {d.fix.title}
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
