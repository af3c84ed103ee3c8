/** The "Validation" status in the header: counts at a glance; a click lists the problems. */
import { countBySeverity } from '../../core/diagnostics.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDiagnostics, selectIsStale } from '../../state/selectors.ts';
import { usePopover } from '../../ui/usePopover.ts';
import { ProblemsList } from './ProblemsList.tsx';
import './diagnostics.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ValidationStatus() {
  const diagnostics = useDesigner(selectDiagnostics);
  const stale = useDesigner(selectIsStale);
  const { open, setOpen, box, button } = usePopover();
  let text: React.ReactNode = 'Checking…';
  let tone = 'pending';
  if (diagnostics) {
    const c = countBySeverity(diagnostics);
    tone = c.error ? 'error' : c.warning ? 'warning' : 'ok';
    // On a narrow screen the pill keeps what matters: valid, or how many errors.
    const errors = `: ${plural(c.error, 'error')}`;
    text = (
      <>
        {c.error ? 'Invalid' : 'Valid'}
        {c.error ? errors : <span className="wide-only">{errors}</span>}
        <span className="wide-only">, {plural(c.warning, 'warning')}</span>
      </>
    );
  }
  return (
    <div className="validation" ref={box}>
      <button
        ref={button}
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
