/** Lints about waves and capacity, with their one-click fixes (the same fixes as the markers). */
import { applyFix } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { selectAnalysisVersion, selectDiagnostics } from '../../state/selectors.ts';

const LINTS = new Set([
  'partial-last-wave',
  'parallelisms-above-completions',
  'peak-over-capacity',
  'synchronous-over-capacity',
  'synchronous-idle',
  'pod-over-capacity',
]);

export function LintList() {
  const diagnostics = useDesigner(selectDiagnostics);
  const version = useDesigner(selectAnalysisVersion);
  const lints = diagnostics?.filter((d) => LINTS.has(d.code)) ?? [];
  if (!lints.length) return null;
  return (
    <ul className="lints" aria-label="Lints">
      {lints.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic-${d.severity}`}>
          <span>{d.message}</span>
          {d.fix && (
            <button type="button" onClick={() => applyFix(d.fix!, version)}>
              {d.fix.title}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
