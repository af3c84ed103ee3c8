/** Diagnostics with their one-click fixes (the same fixes as the editor's quick fixes). */
import type { Diagnostic } from '../core/ui.ts';
import { applyFix } from '../state/fixes.ts';
import { useDesigner } from '../state/store.ts';
import { selectAnalysisVersion } from '../state/selectors.ts';

export function LintList({ items, label }: { items: readonly Diagnostic[]; label: string }) {
  const version = useDesigner(selectAnalysisVersion);
  if (!items.length) return null;
  return (
    <ul className="lints" aria-label={label}>
      {items.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic-${d.severity}`}>
          <span>{d.message}</span>
          {d.fixes?.map((fix) => (
            <button key={fix.title} type="button" onClick={() => void applyFix(fix, version)}>
              {fix.title}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
