/**
 * The YAML editor: Monaco, owned by this one component. The store's text is the truth; Monaco's
 * model mirrors it. Typing commits to the store; any other change of the text (form, undo,
 * quick fix) is applied to the model as one minimal edit, so the cursor and scroll stay put.
 * Undo and redo go to the store's single history, shared with the form.
 */
import type { editor as MonacoEditor } from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { useDesigner } from '../../state/store.ts';
import { exposeToTests } from './editorTestApi.ts';
import { bindHistoryKeys, followTabFocus } from './keyboard.ts';
import { followCursor, followStore, followText, revealAsked, showMarkers } from './modelSync.ts';
import { monaco, MODEL_URI } from './monacoSetup.ts';
import { registerFixCommand } from './quickFixes.ts';
import { followColorScheme, sharedOptions } from './theme.ts';

export default function MonacoYamlEditor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => mountEditor(host.current!), []);
  return <div ref={host} className="monaco-host" data-testid="monaco-host" />;
}

/**
 * Creates the model (of the store's text) and the editor in `host`, and wires them to the store,
 * the keys, the colour scheme and the test API; returns the teardown, which undoes it all.
 */
function mountEditor(host: HTMLDivElement): () => void {
  const model = monaco.editor.createModel(
    useDesigner.getState().text,
    'yaml',
    monaco.Uri.parse(MODEL_URI),
  );
  const editor = createEditor(host, model);
  const text = followText(editor, model);
  const markers = () => showMarkers(model);
  markers();
  const reveal = () => revealAsked(editor, model);
  reveal();
  const unsubscribe = followStore({ applyText: text.apply, showMarkers: markers, reveal });
  const cursor = followCursor(editor, model);
  const dropFixCommand = registerFixCommand(editor);
  bindHistoryKeys(editor);
  const stopTheme = followColorScheme();
  exposeToTests(editor, model);
  const stopTabFocus = followTabFocus(editor, host);
  host.dataset.ready = 'true';

  return () => {
    stopTabFocus();
    stopTheme();
    unsubscribe();
    cursor.dispose();
    text.dispose();
    editor.dispose();
    model.dispose();
    dropFixCommand();
  };
}

/** The editor on `model`, with the designer's options. */
function createEditor(host: HTMLDivElement, model: MonacoEditor.ITextModel) {
  return monaco.editor.create(host, {
    ...sharedOptions(),
    model,
    ariaLabel: 'Manifest YAML',
    tabSize: 2,
    insertSpaces: true,
    fixedOverflowWidgets: true,
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
    // Work Monaco can do itself, by indentation, instead of asking the YAML language worker
    // to outline the whole document after every keystroke (large designs are 20,000 lines).
    folding: true,
    foldingStrategy: 'indentation',
    stickyScroll: { enabled: true, defaultModel: 'indentationModel' },
    codeLens: false,
    links: false,
  });
}
