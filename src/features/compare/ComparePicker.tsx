/** What to compare the current design with: a template, a draft, a link or a file. */
import { useId, useState } from 'react';
import { decodeManifest } from '../../core/ui.ts';
import { decodeDesign, fragmentOf } from '../../core/link/codec.ts';
import { loadDrafts } from '../../state/persist/storage.ts';
import type { OtherDesign } from '../../state/slices/compare.ts';
import { TEMPLATES } from '../../templates/templates.ts';
import { useDesigner } from '../../state/store.ts';

type OnPick = (other: OtherDesign) => void;

export function ComparePicker({ onPick }: { onPick: OnPick }) {
  const errorId = useId();
  // Why the last link or file could not be opened, said below the rows.
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="compare-picker" role="group" aria-label="Compare with">
      <TemplateRow onPick={onPick} />
      <DraftRow onPick={onPick} />
      <LinkRow onPick={onPick} onError={setError} describedBy={error ? errorId : undefined} />
      <FileRow onPick={onPick} onError={setError} />
      {error && (
        <p id={errorId} className="field-refused" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A template, the one the design came from first: the comparison people make most. */
function TemplateRow({ onPick }: { onPick: OnPick }) {
  const id = useId();
  const source = useDesigner((s) => s.source);
  const own = TEMPLATES.find((t) => t.title === source);
  const templates = own ? [own, ...TEMPLATES.filter((t) => t !== own)] : TEMPLATES;
  const [template, setTemplate] = useState(templates[0]!.id);
  return (
    <div className="picker-row">
      <label htmlFor={id}>A template</label>
      <select
        id={id}
        value={template}
        onChange={(e) => setTemplate(e.target.value as typeof template)}
      >
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t === own ? `${t.title} (this design's template)` : t.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          const t = TEMPLATES.find((x) => x.id === template)!;
          onPick({ text: t.text, settings: {}, label: `Template: ${t.title}` });
        }}
      >
        Compare with this template
      </button>
    </div>
  );
}

/** A saved draft, by when it was saved; no row when there is none. */
function DraftRow({ onPick }: { onPick: OnPick }) {
  const id = useId();
  const drafts = loadDrafts();
  const [draft, setDraft] = useState(0);
  if (drafts.length === 0) return null;
  return (
    <div className="picker-row">
      <label htmlFor={id}>A draft</label>
      <select id={id} value={draft} onChange={(e) => setDraft(Number(e.target.value))}>
        {drafts.map((d, i) => (
          <option key={`${d.savedAt}-${i}`} value={i}>
            {new Date(d.savedAt).toLocaleString()} · {d.text.split('\n').length} lines
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          const d = drafts[draft]!;
          onPick({
            text: d.text,
            settings: d.settings,
            label: `Draft of ${new Date(d.savedAt).toLocaleString()}`,
          });
        }}
      >
        Compare with this draft
      </button>
    </div>
  );
}

/** A design link, pasted; one that cannot be opened says why (`onError`). */
function LinkRow({
  onPick,
  onError,
  describedBy,
}: {
  onPick: OnPick;
  onError: (error: string | null) => void;
  /** The id of the error shown, if any. */
  describedBy: string | undefined;
}) {
  const id = useId();
  const [link, setLink] = useState('');
  const openLink = async () => {
    const r = await decodeDesign(fragmentOf(link));
    if (!r.ok) return onError(`This link cannot be opened: ${r.cause}.`);
    onError(null);
    onPick({ text: r.design.text, settings: r.design.settings, label: 'The linked design' });
  };
  return (
    <div className="picker-row">
      <label htmlFor={id}>A design link</label>
      <input
        id={id}
        type="url"
        value={link}
        placeholder="https://…/#v2.…"
        aria-describedby={describedBy}
        onChange={(e) => setLink(e.target.value)}
      />
      <button type="button" disabled={!link.trim()} onClick={() => void openLink()}>
        Compare with this link
      </button>
    </div>
  );
}

/** A YAML or JSON file; one that cannot be read says why (`onError`). */
function FileRow({ onPick, onError }: { onPick: OnPick; onError: (error: string | null) => void }) {
  const id = useId();
  const openFile = async (file: File) => {
    const decoded = decodeManifest(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return onError(`"${file.name}" cannot be read: ${decoded.reason}.`);
    onError(null);
    onPick({ text: decoded.text, settings: {}, label: `"${file.name}"` });
  };
  return (
    <div className="picker-row">
      <label htmlFor={id}>A file</label>
      <input
        id={id}
        type="file"
        accept=".yaml,.yml,.json,application/yaml"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(f);
        }}
      />
    </div>
  );
}
