/**
 * What the rules on one group of a jobset manifest share (rules.ts, resourceRules.ts): the group
 * as read, its map as written, where it is in the text, and where its diagnostics go. Passed
 * explicitly, so each rule is a plain function of one group.
 */
import type { Diagnostic, DiagnosticCode, Path } from '../diagnostics.ts';
import type { Source, Span } from '../manifest/source.ts';
import type { Group } from './groups.ts';

/** One group under check. */
export interface GroupCheck {
  /** The group as read: its figures, with the platform's defaults. */
  readonly g: Group;
  /** Its map as written (`{}` when it is not a map), to tell a key left out from one set. */
  readonly raw: Record<string, unknown>;
  /** Its path, `spec.types.<name>`. */
  readonly base: Path;
  readonly source: Source;
  /** The diagnostics found so far, in the order the rules run. */
  readonly out: Diagnostic[];
}

/** The span of the value of the group's `key`, or of the group's name when there is no key. */
export function spanAt(c: GroupCheck, key?: string): Span {
  return c.source.spanFor(key ? [...c.base, key] : c.base, key ? 'value' : 'key');
}

/** Reports a warning on the group's `key` (or on the group itself). */
export function warn(c: GroupCheck, code: DiagnosticCode, message: string, key?: string): void {
  c.out.push(
    c.source.diagnostic('warning', code, message, key ? [...c.base, key] : c.base, spanAt(c, key)),
  );
}

/** A path of map keys (fixes address maps by key). */
export function names(path: Path): string[] {
  return path.map(String);
}
