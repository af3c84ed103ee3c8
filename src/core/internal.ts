/**
 * The analysis of a text the core failed on: one `internal-error` diagnostic, no figures. Kept
 * apart from the parser so that the app can build it without loading the whole core.
 */
import type { Analysis } from './analysis.ts';
import type { Diagnostic } from './diagnostics.ts';

/** What the app shows when the core itself failed: the text is safe, the figures unknown. */
export function internalError(reason: string): Analysis {
  return unknownAnalysis(
    'internal-error',
    `Internal error in the designer (${reason.split('\n')[0]}); your text is safe. Undo the last change, or download the manifest and report the problem.`,
  );
}

/** What the app shows when checking a text passed its deadline: the check was stopped. */
export function checkStopped(seconds: number): Analysis {
  return unknownAnalysis(
    'check-stopped',
    `Checking this text took more than ${seconds} seconds, so it was stopped (your text is safe). No manifest needs that long: look for a huge value or a deeply repeated structure, or undo the last change.`,
  );
}

function unknownAnalysis(code: 'internal-error' | 'check-stopped', message: string): Analysis {
  const diagnostic: Diagnostic = {
    severity: 'error',
    code,
    message,
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
    synchronous: [],
    kueue: null,
  };
}
