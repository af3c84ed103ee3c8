/** Which diagnostics a form field shows: those about its own path, from the current analysis. */
import type { Diagnostic, Path } from '../../core/diagnostics.ts';
import { useDesigner } from '../../state/store.ts';
import type { DesignerState } from '../../state/store.ts';

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);

export function diagnosticsAt(all: readonly Diagnostic[] | undefined, path: Path, deep = false) {
  if (!all) return [];
  return all.filter((d) =>
    deep
      ? d.path.length >= path.length && samePath(d.path.slice(0, path.length), path)
      : samePath(d.path, path),
  );
}

const selectCurrentDiagnostics = (s: DesignerState) =>
  s.analysis && !s.analysis.syntaxError ? s.analysis.diagnostics : undefined;

export function useFieldDiagnostics(path: Path, deep = false): Diagnostic[] {
  const all = useDesigner(selectCurrentDiagnostics);
  return diagnosticsAt(all, path, deep);
}

/** `spec.types.worker.count` -> an id usable in the DOM. */
export const fieldId = (path: Path) => `field-${path.join('.').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
