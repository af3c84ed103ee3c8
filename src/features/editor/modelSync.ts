/**
 * Monaco's model and the store: the store's text is the truth and the model mirrors it. Typing
 * commits to the store; any other change of the text (form, undo, quick fix) is applied to the
 * model as one minimal edit, so the cursor and scroll stay put. The analysis shows as markers,
 * a reveal asked of the YAML selects its span, and the cursor's group is focused on the canvas.
 */
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor';
import { diffEdit } from '../../core/edit/text.ts';
import { useDesigner } from '../../state/store.ts';
import { MARKER_OWNER, toMarkers } from './markers.ts';
import { monaco } from './monacoSetup.ts';
import { rememberFixable } from './quickFixes.ts';

type Editor = MonacoEditor.IStandaloneCodeEditor;
type Model = MonacoEditor.ITextModel;

/** The model's text both ways: typing to the store, the store's text to the model (`apply`). */
export function followText(editor: Editor, model: Model) {
  const store = useDesigner;
  let applying = false;
  const typed = model.onDidChangeContent((e) => {
    if (applying) return;
    // The exact splices of this change, each of the text before it (multi-cursor edits too).
    const edits = e.changes.map((c) => ({
      start: c.rangeOffset,
      end: c.rangeOffset + c.rangeLength,
      text: c.text,
    }));
    store.getState().commit(model.getValue(), { origin: 'yaml', burst: 'yaml', edits });
  });

  const apply = (text: string) => {
    const current = model.getValue();
    if (text === current) return;
    const e = diffEdit(current, text);
    const a = model.getPositionAt(e.start);
    const b = model.getPositionAt(e.end);
    applying = true;
    try {
      model.pushEditOperations(
        [],
        [
          {
            range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
            text: e.text,
          },
        ],
        () => null,
      );
    } finally {
      applying = false;
    }
    // An edit made elsewhere (the form, a fix, the header's undo) is brought into view when
    // the editor shows beside the form, so the user sees the lines it changed.
    if (!editor.hasTextFocus() && store.getState().editorMode === 'both') {
      const end = model.getPositionAt(e.start + e.text.length);
      editor.revealRangeInCenterIfOutsideViewport(
        new monaco.Range(a.lineNumber, a.column, end.lineNumber, end.column),
      );
    }
  };
  return { apply, dispose: () => typed.dispose() };
}

/** The analysis's diagnostics as the model's markers; a stale analysis keeps the old ones. */
export function showMarkers(model: Model) {
  const s = useDesigner.getState();
  if (!s.analysis || s.analysisVersion !== s.version) return; // stale: keep the old ones
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    toMarkers(monaco, model, s.analysis.diagnostics),
  );
  rememberFixable(model, s.version, s.analysis.diagnostics);
}

/** Selects, shows and focuses the span the store asks the YAML editor to reveal, if any. */
export function revealAsked(editor: Editor, model: Model) {
  const r = useDesigner.getState().reveal;
  if (!r || r.target !== 'yaml') return;
  const a = model.getPositionAt(r.start);
  const b = model.getPositionAt(Math.max(r.end, r.start));
  editor.setSelection(new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column));
  editor.revealRangeInCenterIfOutsideViewport(
    new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
  );
  editor.focus();
}

/**
 * Follows the store's text, analysis and reveals; returns the unsubscribe. While only the form
 * (or the JobSet) shows, the hidden editor is brought up to date when it is shown again, not at
 * every form keystroke: its model change would set the YAML language worker re-reading the
 * document while the core worker computes the figures the user waits for.
 */
export function followStore(on: {
  applyText: (text: string) => void;
  showMarkers: () => void;
  reveal: () => void;
}): () => void {
  let behind = false;
  return useDesigner.subscribe((s, prev) => {
    if (s.editorMode !== 'yaml' && s.editorMode !== 'both' && s.reveal === prev.reveal) {
      behind ||= s.text !== prev.text || s.analysis !== prev.analysis || s.version !== prev.version;
    } else if (behind) {
      behind = false;
      on.applyText(s.text);
      on.showMarkers();
    } else {
      if (s.text !== prev.text) on.applyText(s.text);
      if (s.analysis !== prev.analysis || s.version !== prev.version) on.showMarkers();
    }
    if (s.reveal !== prev.reveal) on.reveal();
  });
}

/** The group the cursor is in is highlighted on the canvas. */
export function followCursor(editor: Editor, model: Model): IDisposable {
  return editor.onDidChangeCursorPosition((e) => {
    const offset = model.getOffsetAt(e.position);
    const spans = useDesigner.getState().analysis?.groupSpans ?? [];
    const group = spans.find((g) => g.keyStart <= offset && offset <= g.end);
    useDesigner.getState().focusGroup(group?.name ?? null);
  });
}
