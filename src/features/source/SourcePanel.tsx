/**
 * The manifest text. A plain text area for now (Monaco replaces it in a later issue); every
 * keystroke goes straight to the store, which is the only place the text lives.
 */
import { useDesigner } from '../../state/store.ts';
import { selectSetText, selectText } from '../../state/selectors.ts';
import { SOURCE_TEXTAREA_ID } from './reveal.ts';

export function SourcePanel() {
  const text = useDesigner(selectText);
  const setText = useDesigner(selectSetText);
  return (
    <section className="panel source" aria-labelledby="source-title">
      <h2 id="source-title">Manifest YAML</h2>
      <textarea
        id={SOURCE_TEXTAREA_ID}
        aria-label="Manifest YAML"
        spellCheck={false}
        wrap="off"
        autoCapitalize="off"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </section>
  );
}
