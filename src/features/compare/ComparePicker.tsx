/** What to compare the current design with: a template, a draft, a link or a file. */
import { useId, useState } from 'react';
import { decodeManifest } from '../../core/ui.ts';
import { decodeDesign, fragmentOf } from '../../core/link/codec.ts';
import { loadDrafts } from '../../state/persist/storage.ts';
import type { OtherDesign } from '../../state/slices/compare.ts';
import { TEMPLATES } from '../../templates/templates.ts';
import { useDesigner } from '../../state/store.ts';

export function ComparePicker({ onPick }: { onPick: (other: OtherDesign) => void }) {
  const ids = { template: useId(), draft: useId(), link: useId(), file: useId(), error: useId() };
  // The template the design came from first: the comparison people make most.
  const source = useDesigner((s) => s.source);
  const own = TEMPLATES.find((t) => t.title === source);
  const templates = own ? [own, ...TEMPLATES.filter((t) => t !== own)] : TEMPLATES;
  const [template, setTemplate] = useState(templates[0]!.id);
  const drafts = loadDrafts();
  const [draft, setDraft] = useState(0);
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);

  const openLink = async () => {
    const r = await decodeDesign(fragmentOf(link));
    if (!r.ok) return setError(`This link cannot be opened: ${r.cause}.`);
    setError(null);
    onPick({ text: r.design.text, settings: r.design.settings, label: 'The linked design' });
  };
  const openFile = async (file: File) => {
    const decoded = decodeManifest(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return setError(`"${file.name}" cannot be read: ${decoded.reason}.`);
    setError(null);
    onPick({ text: decoded.text, settings: {}, label: `"${file.name}"` });
  };

  return (
    <div className="compare-picker" role="group" aria-label="Compare with">
      <div className="picker-row">
        <label htmlFor={ids.template}>A template</label>
        <select
          id={ids.template}
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
      {drafts.length > 0 && (
        <div className="picker-row">
          <label htmlFor={ids.draft}>A draft</label>
          <select id={ids.draft} value={draft} onChange={(e) => setDraft(Number(e.target.value))}>
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
      )}
      <div className="picker-row">
        <label htmlFor={ids.link}>A design link</label>
        <input
          id={ids.link}
          type="url"
          value={link}
          placeholder="https://…/#v2.…"
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => setLink(e.target.value)}
        />
        <button type="button" disabled={!link.trim()} onClick={() => void openLink()}>
          Compare with this link
        </button>
      </div>
      <div className="picker-row">
        <label htmlFor={ids.file}>A file</label>
        <input
          id={ids.file}
          type="file"
          accept=".yaml,.yml,.json,application/yaml"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openFile(f);
          }}
        />
      </div>
      {error && (
        <p id={ids.error} className="field-refused" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
