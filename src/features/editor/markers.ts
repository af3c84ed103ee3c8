/** Core diagnostics as Monaco markers, and their fixes as quick fixes. */
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { monaco as Monaco } from './monacoSetup.ts';

type MonacoApi = typeof Monaco;
export const MARKER_OWNER = 'jobset-designer';

export function toMarkers(
  m: MonacoApi,
  model: Monaco.editor.ITextModel,
  diagnostics: readonly Diagnostic[],
): Monaco.editor.IMarkerData[] {
  return diagnostics.map((d) => {
    const start = model.getPositionAt(d.start);
    let end = model.getPositionAt(d.end);
    if (d.end <= d.start) {
      // Zero-width (e.g. a missing key at the document start): underline to the line's end.
      end = {
        lineNumber: start.lineNumber,
        column: model.getLineMaxColumn(start.lineNumber),
      } as Monaco.Position;
    }
    return {
      severity:
        d.severity === 'error'
          ? m.MarkerSeverity.Error
          : d.severity === 'warning'
            ? m.MarkerSeverity.Warning
            : m.MarkerSeverity.Info,
      message: d.message,
      code: d.code,
      source: MARKER_OWNER,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}
