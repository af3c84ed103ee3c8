/** The YAML as a plain text area: shown and editable until Monaco has loaded, or if it cannot. */
import { useDesigner } from '../../state/store.ts';
import { selectText } from '../../state/selectors.ts';

export function PlainYamlEditor({ note }: { note: string }) {
  const text = useDesigner(selectText);
  const commit = useDesigner((s) => s.commit);
  return (
    <div className="plain-editor">
      <p className="muted">{note}</p>
      <textarea
        aria-label="Manifest YAML (plain text)"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        value={text}
        onChange={(e) => commit(e.target.value, { origin: 'yaml', burst: 'yaml' })}
      />
    </div>
  );
}
