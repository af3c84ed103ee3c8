/** The problems of the design, each a way to its place in the YAML or the form, and its fix. */
import { formatPath, type Diagnostic } from '../../core/diagnostics.ts';
import { applyFix } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { selectAnalysisVersion, selectDiagnostics, selectFindings } from '../../state/selectors.ts';

/**
 * True when the form has a field for this path (its element carries `data-path`), or the path is
 * inside a group the form shows (closed groups open when revealed).
 */
function formHas(path: Diagnostic['path']): boolean {
  if (document.querySelector(`[data-path="${CSS.escape(path.join('.'))}"]`)) return true;
  return (
    path.length > 2 &&
    path[0] === 'spec' &&
    path[1] === 'types' &&
    !!document.querySelector(`[data-group="${CSS.escape(String(path[2]))}"]`)
  );
}

export function ProblemsList({ onNavigate }: { onNavigate?: () => void }) {
  const diagnostics = useDesigner(selectDiagnostics);
  const findings = useDesigner(selectFindings);
  if (!diagnostics) return <p className="muted">Checking…</p>;
  return (
    <>
      {diagnostics.length === 0 ? (
        <p className="muted">No problems found in the manifest.</p>
      ) : (
        <Items items={diagnostics} label="Problems" onNavigate={onNavigate} />
      )}
      {findings.length > 0 && (
        <section className="findings" aria-labelledby="findings-title">
          <h3 id="findings-title">On your cluster</h3>
          <p className="note">
            What the simulated run on the capacity under Your cluster shows. These are what-ifs:
            they do not make the manifest invalid.
          </p>
          <Items items={findings} label="Cluster findings" onNavigate={onNavigate} />
        </section>
      )}
    </>
  );
}

function Items({
  items,
  label,
  onNavigate,
}: {
  items: readonly Diagnostic[];
  label: string;
  onNavigate: (() => void) | undefined;
}) {
  const version = useDesigner(selectAnalysisVersion);
  const revealAt = useDesigner((s) => s.revealAt);
  const mode = useDesigner((s) => s.editorMode);
  const go = (d: Diagnostic, target: 'yaml' | 'form') => {
    revealAt({ target, start: d.start, end: d.end, path: d.path });
    onNavigate?.();
  };
  return (
    <ul className="problems-list" aria-label={label}>
      {items.map((d, i) => (
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
            {d.fixes?.map((fix) => (
              <button key={fix.title} type="button" onClick={() => applyFix(fix, version)}>
                {fix.title}
              </button>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
