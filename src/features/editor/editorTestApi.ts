/** What the e2e tests and the UI benchmark read of the YAML editor (window.__designerTestApi). */
import type { editor as MonacoEditor } from 'monaco-editor';
import { monaco } from './monacoSetup.ts';

/** Lets the test API read the model's markers and the editor's selected text, when it is installed. */
export function exposeToTests(
  editor: MonacoEditor.IStandaloneCodeEditor,
  model: MonacoEditor.ITextModel,
) {
  const api = window.__designerTestApi;
  if (!api) return;
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
  api.editorSelection = () => {
    const sel = editor.getSelection();
    return sel ? model.getValueInRange(sel) : '';
  };
}
