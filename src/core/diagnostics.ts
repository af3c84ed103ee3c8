/**
 * Diagnostics are data, never exceptions: every problem the core finds in a manifest becomes one
 * of these, with a stable `code` (for tests, quick fixes and documentation), a message that says
 * how to fix it, the path of the offending value and its exact place in the text.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A path into the manifest: map keys and sequence indexes, e.g. `['spec', 'types', 'worker']`. */
export type Path = readonly (string | number)[];

/** A replacement that repairs the problem: replace `[start, end)` of the text by `text`. */
export interface Fix {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly path: Path;
  /** Offsets into the text, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of `start` and `end`. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: Fix;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Text order first, then errors before warnings before infos, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.start - b.start ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `a.b.c` style, with `[i]` for sequence indexes: how paths read in messages. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(document)';
}
