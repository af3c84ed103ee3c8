/** The compare dialog's title and actions: swap, make the other current, pick another, end, close. */
import { useDesigner } from '../../state/store.ts';

export function CompareHead({
  comparing,
  otherLabel,
  picking,
  onTogglePicking,
  onClose,
}: {
  /** A comparison is under way (else the dialog only offers to pick the other design). */
  readonly comparing: boolean;
  readonly otherLabel: string | undefined;
  readonly picking: boolean;
  readonly onTogglePicking: () => void;
  readonly onClose: () => void;
}) {
  return (
    <div className="compare-head">
      <h2 id="compare-title">Compare designs</h2>
      {comparing && (
        <>
          <button type="button" onClick={() => useDesigner.getState().swapCompare()}>
            Swap sides
          </button>
          <button type="button" onClick={() => useDesigner.getState().makeOtherCurrent()}>
            Make {otherLabel ?? 'the other design'} the current design
          </button>
          <button type="button" aria-expanded={picking} onClick={onTogglePicking}>
            Compare with another…
          </button>
          <button type="button" onClick={() => useDesigner.getState().endCompare()}>
            End comparison
          </button>
        </>
      )}
      <button type="button" className="compare-close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
