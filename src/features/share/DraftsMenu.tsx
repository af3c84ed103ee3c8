/** Drafts: local designs a link would have replaced, kept to be restored (or deleted). */
import { useState } from 'react';
import { usePopover } from '../../ui/usePopover.ts';
import { loadDrafts, removeDraft } from '../../state/persist/storage.ts';
import { useDesigner } from '../../state/store.ts';
import './share.css';

export function DraftsMenu() {
  const { open, setOpen, close, box, button } = usePopover();
  const [, refresh] = useState(0);
  useDesigner((s) => s.notices); // a new draft comes with a notice: re-read the list then
  const drafts = loadDrafts();
  if (!drafts.length) return null;
  return (
    <div className="drafts" ref={box}>
      <button ref={button} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Drafts ({drafts.length})
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Drafts">
          <ul className="draft-list">
            {drafts.map((d, i) => (
              <li key={`${d.savedAt}-${i}`}>
                <span>
                  {new Date(d.savedAt).toLocaleString()} · {d.text.split('\n').length} lines
                </span>
                <button
                  type="button"
                  onClick={() => {
                    const s = useDesigner.getState();
                    s.load(d.text, d.settings);
                    close();
                  }}
                >
                  Restore
                </button>
                <button
                  type="button"
                  onClick={() => {
                    removeDraft(i);
                    refresh((n) => n + 1);
                  }}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
