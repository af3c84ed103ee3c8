/** The "Validation" status in the header: counts at a glance; a click lists the problems. */
import { useEffect, useRef, useState } from 'react';
import { countBySeverity } from '../../core/diagnostics.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDiagnostics, selectIsStale } from '../../state/selectors.ts';
import { ProblemsList } from './ProblemsList.tsx';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ValidationStatus() {
  const diagnostics = useDesigner(selectDiagnostics);
  const stale = useDesigner(selectIsStale);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  let text = 'Checking…';
  let tone = 'pending';
  if (diagnostics) {
    const c = countBySeverity(diagnostics);
    tone = c.error ? 'error' : c.warning ? 'warning' : 'ok';
    text = `${c.error ? 'Invalid' : 'Valid'}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}`;
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      box.current?.querySelector<HTMLButtonElement>('button.status')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="validation" ref={box}>
      <button
        type="button"
        className={`status status-${tone}`}
        aria-expanded={open}
        aria-controls="problems-popover"
        onClick={() => setOpen((o) => !o)}
      >
        <span role="status" aria-label="Validation" aria-busy={stale}>
          {text}
        </span>
      </button>
      {open && (
        <div id="problems-popover" className="popover" role="dialog" aria-label="Problems">
          <ProblemsList onNavigate={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
