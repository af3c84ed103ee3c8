/**
 * parse: YAML text to a document that keeps source ranges, and to plain data.
 *
 * Never throws and never hangs. Inputs that could make the YAML library run out of stack or
 * memory (huge files, deep nesting, alias "billion laughs") are refused up front with a
 * diagnostic, because the library itself can crash the process on them (measured: 5,000 nested
 * `- ` on one line exhausts memory inside the lexer).
 */
import { LIMITS } from './limits.ts';
import {
  isAlias,
  isCollection,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
} from 'yaml';
import type { Path } from '../diagnostics.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { k } from '../quote.ts';
import { Source, type Span } from './source.ts';
import { refusedTabs } from './tabs.ts';
import { pythonCharacters } from './pyChars.ts';
import { pythonShapes, type ShapeProblem } from './pyShapes.ts';
import { NOTHING_QUIET, quietGroups, typesMap, type Quiet } from './quiet.ts';
import { keptData, NOT_KEPT, type Kept } from './kept.ts';
import { refuse, type Refusal } from './refuse.ts';
import { readAsPlatform, type ReadingDifference } from './yaml11.ts';
import { readingDiagnostics } from './yaml11Diagnostics.ts';
import { planReread } from './incremental.ts';
import { pathOf, type PathLink } from './pathLink.ts';
import { YAML_OPTIONS } from './yamlOptions.ts';

export { LIMITS };

export interface Parsed {
  readonly source: Source;
  /** Plain data (`toJS`), or `undefined` when the text could not be read as YAML. */
  readonly data: unknown;
  /** True when the YAML has a syntax error: the data, if any, may be partial. */
  readonly syntaxError: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The groups each walk of the document found nothing in, for the reading after an edit. */
  readonly quiet?: QuietWalks;
}

/** By walk: the platform's reading, the shapes PyYAML refuses, the rules on keys. */
export interface QuietWalks {
  readonly platform: Quiet;
  readonly shapes: Quiet;
  readonly keys: Quiet;
}

const NOT_QUIET: QuietWalks = {
  platform: NOTHING_QUIET,
  shapes: NOTHING_QUIET,
  keys: NOTHING_QUIET,
};

/**
 * Reads `text` as the platform does: the document with its source ranges, the plain data, and
 * every problem found on the way, refusing up front what could crash the YAML library.
 *
 * Given the reading of the text before an edit (`prev`, whose document is then taken over and
 * must not be used again), only the group the edit touched is read again by the YAML library
 * when that is known to give the same document (incremental.ts); the answer is the same.
 */
export function parse(text: string, prev?: Parsed): Parsed {
  // Old Mac line ends (a lone CR) are line ends too: read as LF, one character for one, so
  // every offset still points into the text as written.
  const readable = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const before = prev?.source;
  const plan = before?.doc
    ? planReread({ text: before.text, doc: before.doc, lines: before.lines }, readable)
    : null;
  // The text before the edit passed: only what the edit changed is checked again (a refusal
  // is then found again in the whole text, to point at it there).
  const local = plan && readable.length <= LIMITS.maxChars ? refuse(plan.check) : undefined;
  const refused = local === null ? null : refuse(readable);
  if (refused) return refusal(text, refused);
  try {
    const again = plan?.reread() ?? null;
    const lines = again?.lines ?? new LineCounter();
    const doc = again?.doc ?? readDocument(readable, lines);
    const source = new Source(text, doc, lines);
    // Groups the edit did not touch, where a walk found nothing before, are not walked again.
    const skip = (again && prev?.quiet) || NOT_QUIET;
    const { diagnostics, diffs, syntaxError, shapes } = readerDiagnostics(
      doc,
      source,
      readable,
      skip,
    );
    const reported = new Set(diffs.filter((d) => d.isKey).map((d) => d.start));
    const keysFrom = diagnostics.length;
    const depth = walk(doc.contents, source, diagnostics, reported, skip.keys);
    if (depth.depth > LIMITS.maxDepth) {
      const span = { start: depth.at, end: depth.at + 1 };
      diagnostics.push(
        source.diagnostic(
          'error',
          'nesting-too-deep',
          `Nesting is deeper than ${LIMITS.maxDepth} levels; a manifest never needs that. Flatten the structure.`,
          [],
          span,
        ),
      );
      return { source, data: undefined, syntaxError: true, diagnostics };
    }
    // Only a `<<` key merges (or one tagged `!!merge`): most texts have none to look for.
    const merges = readable.includes('<<') || readable.includes('merge');
    if (merges) keepLastMerge(doc.contents);
    const types = typesMap(doc);
    const quiet: QuietWalks | undefined = syntaxError
      ? undefined
      : {
          platform: quietGroups(
            types,
            diffs.map((d) => d.start),
          ),
          // Past its limit the walk stopped: the groups after it were not looked at.
          shapes:
            shapes.length < SHAPES_LIMIT
              ? quietGroups(
                  types,
                  shapes.map((c) => c.start),
                )
              : NOTHING_QUIET,
          keys: quietGroups(
            types,
            diagnostics.slice(keysFrom).map((d) => d.start),
          ),
        };
    const kept =
      again && !merges && prev && !prev.syntaxError ? { prev, group: again.group } : null;
    return { ...toData(doc, source, diagnostics, syntaxError, kept), ...(quiet && { quiet }) };
  } catch (err) {
    // Last resort: the library failed in a way the checks above did not foresee.
    const source = Source.plain(text);
    return {
      source,
      data: undefined,
      syntaxError: true,
      diagnostics: [
        source.diagnostic(
          'error',
          'yaml-unreadable',
          `The YAML could not be read (${errorText(err)}). Check the structure near the start of the file.`,
          [],
          { start: 0, end: 0 },
        ),
      ],
    };
  }
}

/** A text refused before parsing: no data, one error at the place of the refusal. */
function refusal(text: string, refused: Refusal): Parsed {
  const source = Source.plain(text);
  const span = { start: refused.at, end: Math.min(text.length, refused.at + 1) };
  return {
    source,
    data: undefined,
    syntaxError: true,
    diagnostics: [source.diagnostic('error', refused.code, refused.message, [], span)],
  };
}

/** The YAML library's document of the text, its line ends counted into `lines`. */
function readDocument(readable: string, lines: LineCounter): Document.Parsed {
  return parseDocument(readable, { ...YAML_OPTIONS, lineCounter: lines });
}

/**
 * What reading the text finds: the YAML library's errors and warnings, then where the
 * platform's reader (PyYAML, YAML 1.1) reads it otherwise or refuses it. Its `diffs` are the
 * scalars the two read differently; after a syntax error, only characters are looked at.
 */
function readerDiagnostics(
  doc: Document.Parsed,
  source: Source,
  readable: string,
  skip: QuietWalks,
): {
  diagnostics: Diagnostic[];
  diffs: readonly ReadingDifference[];
  syntaxError: boolean;
  shapes: readonly ShapeProblem[];
} {
  const diagnostics = doc.errors.map((e) => yamlDiagnostic(source, e));
  for (const w of doc.warnings) diagnostics.push(yamlDiagnostic(source, w, 'warning'));
  const syntaxError = doc.errors.length > 0;
  // Read as the platform reads it (YAML 1.1, as PyYAML does) before anything looks at keys.
  const diffs = syntaxError ? [] : readAsPlatform(doc, readable, skip.platform);
  diagnostics.push(...readingDiagnostics(diffs, source));
  if (!syntaxError) {
    for (const at of refusedTabs(readable, 5)) {
      diagnostics.push(
        source.diagnostic(
          'error',
          'tab-refused',
          "The platform's YAML reader (PyYAML) refuses a tab here, outside quotes and comments, and with it the whole file (YAML 1.2 tools accept it). Use spaces.",
          [],
          { start: at, end: at + 1 },
        ),
      );
    }
  }
  // Tags and empty keys the platform's Python reader reads otherwise or refuses.
  const shapes = syntaxError ? [] : pythonShapes(readable, doc, SHAPES_LIMIT, skip.shapes);
  for (const c of shapes) {
    diagnostics.push(
      source.diagnostic('error', c.code, c.message, [], { start: c.start, end: c.end }, c.fix),
    );
  }
  // Characters the platform's Python reader refuses, or reads as line breaks.
  for (const c of pythonCharacters(readable, doc)) {
    diagnostics.push(
      source.diagnostic('error', c.code, c.message, [], { start: c.start, end: c.end }, c.fix),
    );
  }
  return { diagnostics, diffs, syntaxError, shapes };
}

/** Shapes reported at most (a file with more has a worse problem than these). */
const SHAPES_LIMIT = 5;

/**
 * The document as plain data, its aliases expanded: past LIMITS.maxAliasCount references (an
 * alias bomb), no data and an error at the first alias instead. After an edit inside one group,
 * the data of the reading before with that group's data replaced (`kept`): the rest of the
 * document is the same nodes.
 */
function toData(
  doc: Document.Parsed,
  source: Source,
  diagnostics: Diagnostic[],
  syntaxError: boolean,
  kept: Kept | null,
): Parsed {
  let data: unknown;
  try {
    const reused = kept ? keptData(doc, kept) : NOT_KEPT;
    data = reused !== NOT_KEPT ? reused : doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (err) {
    const alias = findFirstAlias(doc.contents);
    diagnostics.push(
      source.diagnostic(
        'error',
        'alias-limit',
        `Too many alias references (${errorText(err)}). Write the values out instead of nesting aliases.`,
        [],
        { start: alias, end: alias + 1 },
      ),
    );
    return { source, data: undefined, syntaxError: true, diagnostics };
  }
  return { source, data, syntaxError, diagnostics };
}

/**
 * One iterative pass over the node tree (it may be deep), but for the `quiet` groups: its
 * depth, and duplicate keys, which become diagnostics. Keys compare as text, so `1:` and `"1":`
 * are the same key, as they are once read.
 */
function walk(
  root: unknown,
  source: Source,
  out: Diagnostic[],
  reported: ReadonlySet<number>,
  quiet: Quiet,
): { depth: number; at: number } {
  const keys: KeyCheck = { source, out, reported };
  let best = { depth: 0, at: 0 };
  const stack: [unknown, number, PathLink | null][] = [[root, 1, null]];
  while (stack.length) {
    const [node, depth, at] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > best.depth) best = { depth, at: node.range?.[0] ?? 0 };
    if (depth > LIMITS.maxDepth) return best;
    const seen = new Set<string>();
    node.items.forEach((item, i) => {
      if (!isPair(item)) {
        if (isCollection(item)) stack.push([item, depth + 1, { parent: at, seg: i }]);
        return;
      }
      const name = isScalar(item.key) ? String(item.key.value) : null;
      keyRules(keys, item, name, at, seen);
      if (name !== null) seen.add(name);
      if (isCollection(item.key)) stack.push([item.key, depth + 1, at]);
      // A quiet group was no deeper than the limit either: its depth is not needed.
      if (isCollection(item.value) && !quiet.has(item.value))
        stack.push([item.value, depth + 1, { parent: at, seg: name ?? '?' }]);
    });
  }
  return best;
}

/** What the checks of keys share over one walk. */
interface KeyCheck {
  readonly source: Source;
  readonly out: Diagnostic[];
  /** Where keys already reported as read otherwise by the platform (YAML 1.1) start. */
  readonly reported: ReadonlySet<number>;
}

/**
 * Rules on the key of one entry of the map at `at` (read as `name`, null when not a scalar):
 * not one already `seen` in that map (for `<<`, the merge the platform keeps), not a list or a
 * map, and, for a group, a name.
 */
function keyRules(
  c: KeyCheck,
  item: Pair,
  name: string | null,
  at: PathLink | null,
  seen: ReadonlySet<string>,
): void {
  const { source, out } = c;
  const keyRange = (item.key as Node | null)?.range;
  const keySpan = keyRange ? { start: keyRange[0], end: keyRange[1] } : { start: 0, end: 0 };
  if (name !== null && seen.has(name)) {
    const merge = typeof (item.key as { value: unknown }).value === 'symbol';
    out.push(
      source.diagnostic(
        'error',
        'duplicate-key',
        merge
          ? 'Two `<<` merges in the same map: the platform takes the values of the last one (so do the figures here), and YAML 1.2 tools refuse the map. Merge several maps with one `<<: [*a, *b]`.'
          : `${k(name)} appears twice in the same map; YAML keeps only the last one. Remove or rename one.`,
        [...pathOf(at), merge ? '<<' : name],
        keySpan,
      ),
    );
  }
  if (isCollection(item.key)) {
    // `? [a, b]`: a list or a map as a key. The platform's reader takes it, but a manifest
    // key is always a name.
    out.push(
      source.diagnostic(
        'error',
        'key-not-text',
        'A key here is a list or a map (written with `?`); manifest keys are names. Write the key as text.',
        pathOf(at),
        keySpan,
      ),
    );
  }
  const groups = at?.seg === 'types' && at.parent?.seg === 'spec' && at.parent.parent === null;
  if (groups) groupKeyRules(c, item, name, ['spec', 'types'], keySpan);
}

/**
 * Rules on a group's key (under `spec.types`): a name, not a boolean (`on:` under `%YAML 1.1`,
 * unless already reported) and not empty (`null:`, `~:`, `"":`).
 */
function groupKeyRules(
  c: KeyCheck,
  item: Pair,
  name: string | null,
  path: Path,
  keySpan: Span,
): void {
  const { source, out, reported } = c;
  if (isScalar(item.key) && typeof item.key.value === 'boolean' && !reported.has(keySpan.start)) {
    // Under `%YAML 1.1`, both readers take `on:` as a boolean: still not a name.
    const written = source.text.slice(keySpan.start, keySpan.end);
    out.push(
      source.diagnostic(
        'error',
        'group-key-not-text',
        `The group name ${k(written)} reads as the boolean ${name} (YAML 1.1), not as a name. Quote it: ${JSON.stringify(written)}.`,
        [...path, name!],
        keySpan,
        {
          title: `Quote the name: ${JSON.stringify(written)}`,
          op: 'rename',
          path: ['spec', 'types', name!],
          to: written,
        },
      ),
    );
  }
  if (isScalar(item.key) && (item.key.value === null || item.key.value === '')) {
    // `null:`, `~:` and `"":` all read as an empty name: their groups would collapse.
    out.push(
      source.diagnostic(
        'error',
        'group-key-not-text',
        `A group needs a name: ${asWritten(source.text.slice(keySpan.start, keySpan.end) || '""')} reads as no name at all. Write a name such as \`worker\`.`,
        [...path, name ?? ''],
        keySpan,
      ),
    );
  }
}

function findFirstAlias(root: unknown): number {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0] ?? 0;
    if (isCollection(node)) {
      // Pushed last-to-first so the first alias in the text pops first.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return 0;
}

function yamlDiagnostic(
  source: Source,
  e: YAMLError,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  const [start, end] = e.pos;
  const span = { start, end: Math.max(end, start) };
  if (e.code === 'MULTIPLE_DOCS') {
    return source.diagnostic(
      'error',
      'multiple-documents',
      'A manifest is one YAML document: remove the `---` separator and what follows it, or move that to its own file.',
      [],
      span,
    );
  }
  const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+.*$/, '');
  return source.diagnostic(
    severity,
    severity === 'error' ? 'yaml-syntax' : 'yaml-warning',
    `YAML ${severity === 'error' ? 'syntax error' : 'warning'}: ${first}${first.endsWith('.') ? '' : '.'} Check the indentation and punctuation here.`,
    [],
    span,
  );
}

/**
 * Of several `<<` merges in one map, PyYAML takes the values of the last one (each merge is
 * applied in turn, a later one over an earlier one), where the YAML library keeps the first: the
 * earlier ones are dropped before the data is read, so the figures are the platform's. (The map
 * is a duplicate-key error either way.)
 */
function keepLastMerge(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    const merges = node.items.filter(
      (item) => isPair(item) && isScalar(item.key) && typeof item.key.value === 'symbol',
    );
    if (merges.length > 1) {
      const drop = new Set(merges.slice(0, -1));
      node.items = node.items.filter((item) => !drop.has(item)) as typeof node.items;
    }
    for (const item of node.items) {
      if (isPair(item)) stack.push(item.value);
      else stack.push(item);
    }
  }
}

/** A key as written (`""`, `~`, `null`), quoted only when it is not plain printable text. */
function asWritten(text: string): string {
  return /^[\x20-\x7e]{1,40}$/.test(text) && !text.includes('`') ? `\`${text}\`` : k(text);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}
