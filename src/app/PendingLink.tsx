/**
 * The address changed to another design (another page may have set it) while the design here
 * has edits: nothing is replaced until the user answers.
 */
import { useDesigner } from '../state/store.ts';

export function PendingLink() {
  const pending = useDesigner((s) => s.pendingLink);
  const answer = useDesigner((s) => s.answerPendingLink);
  if (pending === null) return null;
  return (
    <div className="notices">
      <p className="notice" role="alert">
        <span>
          The address now holds another design. Open it? Your design, with its edits, is kept in
          Drafts.
        </span>
        <span className="notice-actions">
          <button type="button" onClick={() => answer(true)}>
            Open it
          </button>
          <button type="button" onClick={() => answer(false)}>
            Keep mine
          </button>
        </span>
      </p>
    </div>
  );
}
