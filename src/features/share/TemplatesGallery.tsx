/**
 * The template gallery's dialog: every template with a line about it and a thumbnail of its
 * grid. Loaded when the gallery is first opened: the templates' texts and figures are not part of
 * the first load.
 */
import { useRef, useState } from 'react';
import type { Expansion } from '../../core/ui.ts';
import { TEMPLATES, type Template } from '../../templates/templates.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { useDesigner } from '../../state/store.ts';
import { THUMB, thumbnailUrl } from './thumbnail.ts';
import TEMPLATE_FIGURES from 'virtual:template-figures';
import { getOwn } from '../../core/own.ts';

export default function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Template | null>(null);
  useModalDialog(ref);
  const open = (t: Template) => {
    const s = useDesigner.getState();
    const edited = s.lastOrigin !== 'load' && s.past.length > 0;
    if (edited) setPending(t);
    else apply(t);
  };
  const apply = (t: Template) => {
    useDesigner.getState().load(t.text, undefined, t.title);
    onClose();
  };
  return (
    <dialog ref={ref} className="templates" aria-labelledby="templates-title" onCancel={onClose}>
      <div className="panel-title">
        <h2 id="templates-title">Templates</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ul className="template-grid">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => open(t)} aria-describedby={`tpl-${t.id}`}>
              <Thumbnail expansion={getOwn(TEMPLATE_FIGURES, t.id) ?? null} />
              <strong>{t.title}</strong>
            </button>
            <p id={`tpl-${t.id}`} className="note">
              {t.description}
            </p>
          </li>
        ))}
      </ul>
      {pending && (
        <ConfirmDialog
          title={`Open "${pending.title}"?`}
          confirm="Open template"
          onConfirm={() => apply(pending)}
          onCancel={() => setPending(null)}
        >
          <p>It replaces your current design. Undo brings your design back.</p>
        </ConfirmDialog>
      )}
    </dialog>
  );
}

/** A small picture of the template's grids, drawn from the same shapes as the canvas. */
function Thumbnail({ expansion }: { expansion: Expansion | null }) {
  if (!expansion) return <span className="thumb" style={THUMB} aria-hidden="true" />;
  return (
    <img
      className="thumb"
      src={thumbnailUrl(expansion)}
      alt=""
      width={THUMB.width}
      height={THUMB.height}
    />
  );
}
