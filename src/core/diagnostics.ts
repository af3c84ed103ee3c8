/**
 * Diagnostics are data, never exceptions: every problem the core finds in a manifest becomes one
 * of these, with a stable `code` (for tests, quick fixes and documentation), a message that says
 * how to fix it, the path of the offending value and its exact place in the text.
 *
 * A fix is data too: what to change at which path. It becomes a text edit only when the user
 * applies it (`fixEdit` in `edit/fix.ts`), against the text of that moment, so that analysing a
 * design never parses it more than once whatever the number of fixes.
 */

export type ScalarValue = string | number | boolean | null;
/** A value the form may write: a scalar, or a map of them (for new blocks such as `resources`). */
export type EntryValue = ScalarValue | { readonly [key: string]: EntryValue };

export type Severity = 'error' | 'warning' | 'info';

/** A path into the manifest: map keys and sequence indexes, e.g. `['spec', 'types', 'worker']`. */
export type Path = readonly (string | number)[];

/**
 * What each code is about. The UI groups and filters by category and never spells a code:
 * `cluster` and `sweep` codes are findings of the design settings (never part of the manifest's
 * validity).
 */
export const CODES = {
  'yaml-syntax': 'syntax',
  'yaml-warning': 'syntax',
  'yaml-unreadable': 'syntax',
  'multiple-documents': 'syntax',
  'duplicate-key': 'syntax',
  'key-not-text': 'syntax',
  'tab-refused': 'reading',
  'character-refused': 'reading',
  'line-break-differs': 'reading',
  'tag-refused': 'reading',
  'yaml11-reading': 'reading',
  'number-too-large': 'reading',
  'nesting-too-deep': 'limits',
  'input-too-large': 'limits',
  'alias-limit': 'limits',
  'missing-key': 'schema',
  'wrong-type': 'schema',
  'invalid-value': 'schema',
  'out-of-range': 'schema',
  'too-few-entries': 'schema',
  'unknown-key': 'keys',
  'misspelt-key': 'keys',
  'api-version': 'platform',
  'image-mismatch': 'platform',
  'operator-not-visualised': 'platform',
  'operator-types': 'platform',
  'machine-type-unknown': 'resources',
  'slurm-value': 'schema',
  'slurm-time-number': 'reading',
  'jupyter-not-supported': 'platform',
  'type-name-invalid': 'name',
  'group-key-not-text': 'name',
  'type-name-trailing-hyphen': 'name',
  'job-name-too-long': 'name',
  'pod-name-too-long': 'name',
  'count-zero': 'shape',
  'completions-zero': 'shape',
  'parallelisms-zero': 'shape',
  'too-many-pods': 'shape',
  'figures-approximate': 'shape',
  'parallelisms-above-completions': 'waves',
  'partial-last-wave': 'waves',
  'resources-not-set': 'resources',
  'ram-ratio-and-memory': 'resources',
  'gpu-product-missing': 'resources',
  'gpu-product-unused': 'resources',
  'gpu-product-unknown': 'resources',
  'gpu-product-not-label': 'resources',
  'resources-incomplete': 'resources',
  'many-gpus': 'resources',
  'peak-over-capacity': 'cluster',
  'synchronous-over-capacity': 'cluster',
  'synchronous-idle': 'cluster',
  'pod-over-capacity': 'cluster',
  'blocked-by-synchronous': 'cluster',
  'sweep-does-not-fit': 'sweep',
  'sweep-unusable': 'sweep',
  'synchronous-trials': 'sweep',
  'internal-error': 'internal',
  'check-stopped': 'limits',
} as const;

export type DiagnosticCode = keyof typeof CODES;
export type Category = (typeof CODES)[DiagnosticCode];

export function categoryOf(code: DiagnosticCode): Category {
  return CODES[code];
}

/** A repair, as data: what to write where. Turned into a text edit when applied. */
export type Fix = { readonly title: string } & (
  | {
      /** Sets the value at `path` (a new key goes after the last of `after` its map has). */
      readonly op: 'set';
      readonly path: readonly string[];
      readonly value: ScalarValue;
      readonly after?: readonly string[];
    }
  | { readonly op: 'rename'; readonly path: readonly string[]; readonly to: string }
  | { readonly op: 'remove'; readonly path: readonly string[] }
  | {
      /** Adds `key: value` to the map at `path` (created if missing), after the last of `after` it has. */
      readonly op: 'insert';
      readonly path: readonly string[];
      readonly key: string;
      readonly value: EntryValue;
      readonly after?: readonly string[];
    }
  | {
      /** Writes `text` over `[start, end)` of the text, which must still read `expect`. */
      readonly op: 'replace-text';
      readonly start: number;
      readonly end: number;
      readonly expect: string;
      readonly text: string;
    }
  | {
      /** Several fixes, one after the other, as one undo step ("Complete the manifest"). */
      readonly op: 'all';
      readonly fixes: readonly Fix[];
    }
);

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
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
  /** Ways to repair it, the likeliest first (most problems have one, some two, many none). */
  readonly fixes?: readonly Fix[];
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

/** Errors first, then warnings, then infos; in text order within each. */
export function bySeverity(a: Diagnostic, b: Diagnostic): number {
  return severityRank[a.severity] - severityRank[b.severity] || compareDiagnostics(a, b);
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

/**
 * Diagnostics by place, built once per analysis so that each form field finds its own in
 * constant time: by exact path, and per job group (everything under `spec.types.<name>`).
 */
export interface DiagnosticIndex {
  at(path: Path): readonly Diagnostic[];
  inGroup(name: string): readonly Diagnostic[];
  /** Changes whenever what a group shows changes (not when only its place in the text moves). */
  groupSignature(name: string): string;
}

const NONE: readonly Diagnostic[] = [];
const pathKey = (path: Path) => path.join('\u0000');

export function indexDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticIndex {
  const byPath = new Map<string, Diagnostic[]>();
  const byGroup = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = pathKey(d.path);
    const list = byPath.get(key);
    if (list) list.push(d);
    else byPath.set(key, [d]);
    if (d.path.length >= 3 && d.path[0] === 'spec' && d.path[1] === 'types') {
      const name = String(d.path[2]);
      const g = byGroup.get(name);
      if (g) g.push(d);
      else byGroup.set(name, [d]);
    }
  }
  const signatures = new Map<string, string>();
  return {
    at: (path) => byPath.get(pathKey(path)) ?? NONE,
    inGroup: (name) => byGroup.get(name) ?? NONE,
    groupSignature: (name) => {
      let sig = signatures.get(name);
      if (sig === undefined) {
        sig = (byGroup.get(name) ?? NONE)
          .map((d) => `${d.severity}|${d.code}|${pathKey(d.path)}|${d.message}`)
          .join('\n');
        signatures.set(name, sig);
      }
      return sig;
    },
  };
}
