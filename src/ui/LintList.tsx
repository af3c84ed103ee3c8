/** Diagnostics with their one-click fixes (the same fixes as the editor's quick fixes). */
import type { Diagnostic, Fix } from '../core/ui.ts';
import './ui.css';

export function LintList({
  items,
  label,
  onFix,
}: {
  items: readonly Diagnostic[];
  label: string;
  onFix: (fix: Fix) => void;
}) {
  if (!items.length) return null;
  return (
    <ul className="lints" aria-label={label}>
      {items.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic-${d.severity}`}>
          <span>{d.message}</span>
          {d.fixes?.map((fix) => (
            <button key={fix.title} type="button" onClick={() => onFix(fix)}>
              {fix.title}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
