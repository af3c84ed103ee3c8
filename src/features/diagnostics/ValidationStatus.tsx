/** Validity at a glance ("Validation" status) and the list of problems, each linked to its place. */
// Only the small diagnostics module: the core itself stays in the worker's bundle.
import { countBySeverity, formatPath, type Diagnostic } from '../../core/diagnostics.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDiagnostics, selectIsStale } from '../../state/selectors.ts';
import { revealInSource } from '../source/reveal.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ValidationStatus() {
  const diagnostics = useDesigner(selectDiagnostics);
  const stale = useDesigner(selectIsStale);
  let text = 'Checking…';
  let tone = 'pending';
  if (diagnostics) {
    const c = countBySeverity(diagnostics);
    tone = c.error ? 'error' : c.warning ? 'warning' : 'ok';
    text = `${c.error ? 'Invalid' : 'Valid'}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}`;
  }
  return (
    <div
      role="status"
      aria-label="Validation"
      className={`status status-${tone}`}
      aria-busy={stale}
    >
      {text}
    </div>
  );
}

export function DiagnosticsList() {
  const diagnostics = useDesigner(selectDiagnostics);
  if (!diagnostics) return null;
  return (
    <section className="panel problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      {diagnostics.length === 0 ? (
        <p className="muted">No problems found.</p>
      ) : (
        <ul aria-label="Problems">
          {diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.start}-${d.code}-${i}`} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DiagnosticItem({ d }: { d: Diagnostic }) {
  return (
    <li className={`diagnostic diagnostic-${d.severity}`}>
      <button type="button" onClick={() => revealInSource(d.start, d.end)}>
        <span className="where">
          {d.line}:{d.column}
        </span>{' '}
        <span className="severity">{d.severity}</span> <code>{d.code}</code>{' '}
        <span className="message">{d.message}</span>
        {d.path.length > 0 && <span className="path"> ({formatPath(d.path)})</span>}
      </button>
    </li>
  );
}
