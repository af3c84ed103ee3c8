/** The YAML editor's keys: undo and redo of the store's history, and Tab that never traps. */
import type { editor as MonacoEditor } from 'monaco-editor';
import { useDesigner } from '../../state/store.ts';
import { monaco } from './monacoSetup.ts';

type Editor = MonacoEditor.IStandaloneCodeEditor;

/** Undo and redo go to the store's single history, shared with the form (not Monaco's own). */
export function bindHistoryKeys(editor: Editor) {
  const store = useDesigner;
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
    store.getState().redo(),
  );
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());
}

/**
 * Reached by Tab, Tab moves on (a keyboard user is never trapped); reached by a click, Tab
 * indents. Ctrl+M switches either way, as in VS Code (Monaco's tab-focus mode). Returns the stop.
 */
export function followTabFocus(editor: Editor, host: HTMLElement): () => void {
  let pointer = false;
  const onPointer = () => (pointer = true);
  host.addEventListener('pointerdown', onPointer, true);
  const tabMode = editor.onDidFocusEditorText(() => {
    const moves = !pointer;
    pointer = false;
    if (editor.getOption(monaco.editor.EditorOption.tabFocusMode) !== moves)
      editor.trigger('jobset-designer', 'editor.action.toggleTabFocusMode', null);
  });
  return () => {
    host.removeEventListener('pointerdown', onPointer, true);
    tabMode.dispose();
  };
}
