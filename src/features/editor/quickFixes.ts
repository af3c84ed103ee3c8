/**
 * The core's fixes as Monaco quick fixes (the light bulb, Ctrl+.). The markers show the
 * analysis's diagnostics; those with a fix are remembered by their marker's place, and the
 * provider offers their fixes, each run through the editor's command with the version of the
 * analysis that offered it (a fix for an older text is not applied to a newer one).
 */
import type { editor as MonacoEditor, languages } from 'monaco-editor';
import type { Diagnostic, Fix } from '../../core/diagnostics.ts';
import { applyFix } from '../../state/fixes.ts';
import { MARKER_OWNER } from './markers.ts';
import { monaco, MODEL_URI } from './monacoSetup.ts';

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

/** Remembers the diagnostics with a fix (of the analysis of `version`) by their marker's place. */
export function rememberFixable(
  model: MonacoEditor.ITextModel,
  version: number,
  diagnostics: readonly Diagnostic[],
) {
  const byKey = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (!d.fixes?.length) continue;
    const p = model.getPositionAt(d.start);
    byKey.set(markerKey(d.code, p.lineNumber, p.column, d.message), d);
  }
  fixable = { version, byKey };
}

/** Gives the quick fixes this editor's command to run; returns the function that takes it back. */
export function registerFixCommand(editor: MonacoEditor.IStandaloneCodeEditor): () => void {
  fixCommand = editor.addCommand(0, (_accessor, fix: Fix, version: number) => {
    void applyFix(fix, version);
  });
  return () => {
    fixCommand = null;
  };
}
