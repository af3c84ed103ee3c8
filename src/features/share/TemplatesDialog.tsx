/**
 * The template gallery: every platform example with a line about it and a thumbnail of its
 * grid. Opening one over edits asks first; either way it is one undo step.
 */
import { useEffect, useRef, useState } from 'react';
import type { Expansion } from '../../core/index.ts';
import { TEMPLATES, type Template } from '../../fixtures/templates.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { useDesigner } from '../../state/store.ts';
import { waveColor } from '../canvas/palette.ts';

export function TemplatesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Templates
      </button>
      {open && <TemplatesDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [thumbs, setThumbs] = useState<Record<string, Expansion | null>>({});
  const [pending, setPending] = useState<Template | null>(null);
  useEffect(() => {
    const d = ref.current!;
    if (!d.open) d.showModal();
    // The core is loaded on demand here: thumbnails need the expansion of each template.
    void import('../../core/index.ts').then(({ analyze }) =>
      setThumbs(Object.fromEntries(TEMPLATES.map((t) => [t.id, analyze(t.text).expansion]))),
    );
    return () => d.close();
  }, []);
  const open = (t: Template) => {
    const s = useDesigner.getState();
    const edited = s.lastOrigin !== 'load' && s.past.length > 0;
    if (edited) setPending(t);
    else apply(t);
  };
  const apply = (t: Template) => {
    useDesigner.getState().load(t.text);
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
              <Thumbnail expansion={thumbs[t.id] ?? null} />
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

/** A small picture of the template's grids: groups stacked, cells coloured by wave. */
function Thumbnail({ expansion }: { expansion: Expansion | null }) {
  const W = 120;
  const H = 64;
  if (!expansion) return <svg width={W} height={H} aria-hidden="true" />;
  const groups = [...expansion.groups].sort((a, b) => a.globalOrder - b.globalOrder);
  const rows = groups.reduce((n, g) => n + (g.count ?? 0) + 1, 0);
  const cols = Math.max(1, ...groups.map((g) => g.completions ?? 0));
  const cell = Math.min(8, (H - 2) / Math.max(1, rows), (W - 2) / cols);
  const maxWaves = Math.max(1, ...groups.map((g) => g.waves ?? 1));
  let y = 1;
  const rects: React.ReactElement[] = [];
  for (const g of groups) {
    const p = g.effectiveParallelism || 1;
    for (let j = 0; j < (g.count ?? 0); j++) {
      for (let b = 0; b < (g.completions ?? 0); b++) {
        rects.push(
          <rect
            key={`${g.name}-${j}-${b}`}
            x={1 + b * cell}
            y={y + j * cell}
            width={Math.max(0.5, cell - 0.5)}
            height={Math.max(0.5, cell - 0.5)}
            fill={waveColor(Math.floor(b / p), maxWaves)}
          />,
        );
      }
    }
    y += ((g.count ?? 0) + 1) * cell;
  }
  return (
    <svg width={W} height={H} aria-hidden="true" className="thumb">
      {rects}
    </svg>
  );
}
