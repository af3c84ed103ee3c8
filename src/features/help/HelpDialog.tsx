/**
 * "How to read this": what the grid, the colours and the figures mean, what they assume, and the
 * keys. Opened from the header's "?" button or the ? key anywhere outside a text field. A native
 * modal <dialog>, kept in the page, so Esc closes it and focus returns to where it was.
 */
import { AssumptionsHelp, GridHelp, KeysHelp } from './HelpSections.tsx';
import { useHelpDialog } from './useHelpDialog.ts';
import './help.css';

export function HelpButton() {
  const { dialog, open } = useHelpDialog();
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label="How to read this"
        title="How to read this (?)"
        aria-keyshortcuts="?"
        onClick={open}
      >
        ?
      </button>
      <dialog ref={dialog} className="help" aria-labelledby="help-title">
        <div className="panel-title">
          <h2 id="help-title">How to read this</h2>
          <button type="button" aria-label="Close" onClick={() => dialog.current?.close()}>
            ×
          </button>
        </div>
        <GridHelp />
        <AssumptionsHelp />
        <KeysHelp />
      </dialog>
    </>
  );
}
