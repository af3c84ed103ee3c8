/**
 * The analysis of a text the core failed on: one `internal-error` diagnostic, no figures. Kept
 * apart from the parser so that the app can build it without loading the whole core.
 */
import type { Analysis } from './analyze.ts';
import type { Diagnostic } from './diagnostics.ts';

/** What the app shows when the core itself failed: the text is safe, the figures unknown. */
export function internalError(reason: string): Analysis {
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: 'internal-error',
    message: `Internal error in the designer (${reason.split('\n')[0]}); your text is safe. Undo the last change, or download the manifest and report the problem.`,
    path: [],
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  return {
    diagnostics: [diagnostic],
    valid: false,
    operator: null,
    expansion: null,
    data: undefined,
    view: null,
    syntaxError: true,
    groupSpans: [],
    typeKeys: [],
    schedule: null,
    usage: null,
    findings: [],
  };
}
