/** Form fields and their diagnostics: ids for the DOM, and the diagnostics of a path. */
import type { Diagnostic, DiagnosticIndex, Path } from '../../core/diagnostics.ts';

/** `spec.types.worker.count` -> an id usable in the DOM. */
export const fieldId = (path: Path) => `field-${path.join('.').replace(/[^A-Za-z0-9_.-]/g, '_')}`;

export const samePath = (a: Path, b: Path) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Of a group's diagnostics (few), those about exactly `path`. */
export function diagnosticsAt(all: readonly Diagnostic[], path: Path): Diagnostic[] {
  return all.filter((d) => samePath(d.path, path));
}

export type { DiagnosticIndex };
