/**
 * The YAML editor: Monaco, owned by this one component. The store's text is the truth; Monaco's
 * model mirrors it. Typing commits to the store; any other change of the text (form, undo,
 * quick fix) is applied to the model as one minimal edit, so the cursor and scroll stay put.
 * Undo and redo go to the store's single history, shared with the form.
 */
import type { languages } from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { diffEdit } from '../../core/edit/text.ts';
import type { Diagnostic, Fix } from '../../core/diagnostics.ts';
import { applyFix } from '../../state/fixes.ts';
import { useDesigner } from '../../state/store.ts';
import { MARKER_OWNER, toMarkers } from './markers.ts';
import { monaco, MODEL_URI } from './monacoSetup.ts';
import { followColorScheme, sharedOptions } from './theme.ts';

/** Diagnostics with a fix, by marker position, for the quick-fix provider. */
let fixable: { version: number; byKey: Map<string, Diagnostic> } = {
  version: -1,
  byKey: new Map(),
};
// The message is part of the key: several diagnostics of one code can start at one place
// (every missing top-level key is reported at 1:1).
const markerKey = (code: string | undefined, line: number, column: number, message: string) =>
  `${code}@${line}:${column}:${message}`;
let fixCommand: string | null = null;

monaco.languages.registerCodeActionProvider('yaml', {
  provideCodeActions(model, _range, context) {
    const actions: languages.CodeAction[] = [];
    // A fix offered by several diagnostics ("Complete the manifest") is listed once.
    const titles = new Set<string>();
    for (const marker of context.markers) {
      if (marker.source !== MARKER_OWNER) continue;
      const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
      const d = fixable.byKey.get(
        markerKey(code, marker.startLineNumber, marker.startColumn, marker.message),
      );
      if (!d?.fixes || !fixCommand || model.uri.toString() !== MODEL_URI) continue;
      d.fixes.forEach((fix, i) => {
        if (titles.has(fix.title)) return;
        titles.add(fix.title);
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: i === 0,
          command: { id: fixCommand!, title: fix.title, arguments: [fix, fixable.version] },
        });
      });
    }
    return { actions, dispose() {} };
  },
});

export default function MonacoYamlEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const store = useDesigner;
    const model = monaco.editor.createModel(
      store.getState().text,
      'yaml',
      monaco.Uri.parse(MODEL_URI),
    );
    const editor = monaco.editor.create(host.current!, {
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

    const applyText = (text: string) => {
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

    const showMarkers = () => {
      const s = store.getState();
      if (!s.analysis || s.analysisVersion !== s.version) return; // stale: keep the old ones
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        toMarkers(monaco, model, s.analysis.diagnostics),
      );
      const byKey = new Map<string, Diagnostic>();
      for (const d of s.analysis.diagnostics) {
        if (!d.fixes?.length) continue;
        const p = model.getPositionAt(d.start);
        byKey.set(markerKey(d.code, p.lineNumber, p.column, d.message), d);
      }
      fixable = { version: s.version, byKey };
    };
    showMarkers();

    const reveal = () => {
      const r = store.getState().reveal;
      if (!r || r.target !== 'yaml') return;
      const a = model.getPositionAt(r.start);
      const b = model.getPositionAt(Math.max(r.end, r.start));
      editor.setSelection(new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column));
      editor.revealRangeInCenterIfOutsideViewport(
        new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
      );
      editor.focus();
    };
    reveal();

    // While only the form (or the JobSet) shows, the hidden editor is brought up to date when it is shown
    // again, not at every form keystroke: its model change would set the YAML language worker
    // re-reading the document while the core worker computes the figures the user waits for.
    let behind = false;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.editorMode !== 'yaml' && s.editorMode !== 'both' && s.reveal === prev.reveal) {
        behind ||=
          s.text !== prev.text || s.analysis !== prev.analysis || s.version !== prev.version;
      } else if (behind) {
        behind = false;
        applyText(s.text);
        showMarkers();
      } else {
        if (s.text !== prev.text) applyText(s.text);
        if (s.analysis !== prev.analysis || s.version !== prev.version) showMarkers();
      }
      if (s.reveal !== prev.reveal) reveal();
    });

    // The group the cursor is in is highlighted on the canvas.
    const cursor = editor.onDidChangeCursorPosition((e) => {
      const offset = model.getOffsetAt(e.position);
      const spans = store.getState().analysis?.groupSpans ?? [];
      const group = spans.find((g) => g.keyStart <= offset && offset <= g.end);
      store.getState().focusGroup(group?.name ?? null);
    });

    fixCommand = editor.addCommand(0, (_accessor, fix: Fix, version: number) => {
      void applyFix(fix, version);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      store.getState().redo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());

    const stopTheme = followColorScheme();
    const api = window.__designerTestApi;
    if (api) {
      api.markers = () =>
        monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
          message: m.message,
          code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
          severity:
            m.severity === monaco.MarkerSeverity.Error
              ? 'error'
              : m.severity === monaco.MarkerSeverity.Warning
                ? 'warning'
                : 'info',
          line: m.startLineNumber,
          column: m.startColumn,
        }));
    }
    if (api) {
      api.editorSelection = () => {
        const sel = editor.getSelection();
        return sel ? model.getValueInRange(sel) : '';
      };
    }
    // Reached by Tab, Tab moves on (a keyboard user is never trapped); reached by a click, Tab
    // indents. Ctrl+M switches either way, as in VS Code (Monaco's tab-focus mode).
    let pointer = false;
    const onPointer = () => (pointer = true);
    host.current!.addEventListener('pointerdown', onPointer, true);
    const tabMode = editor.onDidFocusEditorText(() => {
      const moves = !pointer;
      pointer = false;
      if (editor.getOption(monaco.editor.EditorOption.tabFocusMode) !== moves)
        editor.trigger('jobset-designer', 'editor.action.toggleTabFocusMode', null);
    });
    const hostNow = host.current!;
    hostNow.dataset.ready = 'true';

    return () => {
      hostNow.removeEventListener('pointerdown', onPointer, true);
      tabMode.dispose();
      stopTheme();
      unsubscribe();
      cursor.dispose();
      typed.dispose();
      editor.dispose();
      model.dispose();
      fixCommand = null;
    };
  }, []);

  return <div ref={host} className="monaco-host" data-testid="monaco-host" />;
}
