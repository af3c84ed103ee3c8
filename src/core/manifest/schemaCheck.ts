/**
 * A checker for the subset of JSON Schema our manifest schema uses, written for messages:
 * every failure becomes a diagnostic that names the field, says what was found and how to fix
 * it, and points at the exact key or value. (A general validator would report keyword paths.)
 *
 * Unknown keys: where the schema closes an object (`additionalProperties: false`) each one is a
 * warning; where it leaves it open, only keys that look like a misspelt known key are reported.
 */
import type { Diagnostic, DiagnosticCode, Path, Severity } from '../diagnostics.ts';
import { formatPath } from '../diagnostics.ts';
import type { JsonType, SchemaNode } from './schema.ts';
import type { Source } from './source.ts';
import { addMissing, completeAll, missingValue } from './complete.ts';
import { suggestKey } from './suggest.ts';
import { k, q } from '../quote.ts';
import { scalarSource, type EntryValue } from '../edit/edit.ts';
import { isObject } from '../own.ts';

/**
 * The diagnostics of `data` against the schema `root`, in the order of a walk from the top,
 * missing keys last (each with a fix that adds them all).
 */
export function checkSchema(
  data: unknown,
  root: SchemaNode,
  source: Source,
  memo?: SchemaMemo,
): Diagnostic[] {
  const walk: Walk = { data, root, source, out: [], missing: [], clean: memo ?? null };
  visit(walk, data, root, []);
  const { out, missing } = walk;
  // A manifest missing several keys (a snippet from the platform page) gets one more fix on
  // each: all of them at once, as one undo step.
  const all = completeAll(missing.flatMap((d) => d.fixes ?? []));
  for (const d of missing) out.push(all ? { ...d, fixes: [...(d.fixes ?? []), all] } : d);
  return out;
}

/**
 * What checks of successive texts of one editor keep (core/analyze.ts `analyzer`): the maps under
 * an open map's entries (the groups of `spec.types`) found clean, with the schema they were
 * checked against. After an edit inside one group the others are the same objects
 * (manifest/kept.ts), and a clean one is clean again: what a check finds in it depends on it
 * alone, but for a missing key, which is a finding.
 */
export type SchemaMemo = WeakMap<object, SchemaNode>;

/** What one check of a manifest reads and where its findings go, shared by the whole walk. */
interface Walk {
  /** The whole manifest: a missing key's fix and example depend on the rest of it. */
  readonly data: unknown;
  /** The schema's root, where `$ref`s point. */
  readonly root: SchemaNode;
  readonly source: Source;
  readonly out: Diagnostic[];
  /** Missing keys, apart: they come last, each with one more fix that adds them all. */
  readonly missing: Diagnostic[];
  readonly clean: SchemaMemo | null;
}

/** One value under check, with the schema in force for it. */
interface Visited {
  readonly value: unknown;
  readonly schema: SchemaNode;
  readonly path: Path;
  /** The field as messages name it (see fieldName). */
  readonly name: string;
}

/** `node` with its `$ref`s followed (at most 16, so references in a loop end). */
function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  let n = node;
  for (let guard = 0; n.$ref && guard < 16; guard++) {
    const definition = n.$ref.replace('#/definitions/', '');
    n = root.definitions?.[definition] ?? {};
  }
  return n;
}

/** The schema in force for `value`: `$ref` resolved and a matching `if` merged with `then`. */
function effective(root: SchemaNode, node: SchemaNode, value: unknown): SchemaNode {
  const n = resolve(root, node);
  if (n.if && n.then && matches(value, resolve(root, n.if), root)) {
    return merge(n, resolve(root, n.then));
  }
  return n;
}

/**
 * Checks `value` against the schema in force for it, then walks into it: a list item by item,
 * a map key by key. A value of the wrong kind is reported alone, its content left unchecked.
 */
function visit(walk: Walk, value: unknown, node: SchemaNode, path: Path): void {
  const schema = effective(walk.root, node, value);
  const at: Visited = { value, schema, path, name: fieldName(path) };
  if (kindProblem(walk, at)) return;
  if (typeof value === 'string') textRules(walk, at, value);
  if (typeof value === 'number') numberRules(walk, at, value);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => visit(walk, item, schema.items!, [...path, i]));
    return;
  }
  if (isObject(value)) visitMap(walk, at, value);
}

/**
 * Reports a failure of the value at `at`: in the schema's own words when it has them (its
 * `errorMessage`, with what was found), else in the `generated` ones.
 */
function fail(
  walk: Walk,
  at: Visited,
  code: DiagnosticCode,
  generated: string,
  hint = '',
  severity: Severity = 'error',
): void {
  const { value, schema, path } = at;
  walk.out.push(
    walk.source.diagnostic(
      severity,
      code,
      schema.errorMessage
        ? `${schema.errorMessage} It is ${describe(value)}.${hint}`
        : generated + hint,
      path,
      walk.source.spanFor(path, 'value'),
    ),
  );
}

/**
 * Checks that the value is of the kind the schema asks for: its type, its one allowed value
 * (`const`) or one of a list (`enum`, with the closest one suggested). True when it is not, and
 * was reported.
 */
function kindProblem(walk: Walk, at: Visited): boolean {
  const { value, schema, path, name } = at;
  if (schema.type && !hasType(value, schema.type)) {
    const expected = typeWords(schema.type);
    fail(
      walk,
      at,
      'wrong-type',
      `${name} must be ${expected}, but it is ${describe(value)}.${exampleHint(schema, path)}`,
    );
    return true;
  }
  if ('const' in schema && value !== schema.const) {
    fail(
      walk,
      at,
      'invalid-value',
      `${name} must be ${JSON.stringify(schema.const)}, not ${describe(value)}.`,
    );
    return true;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const options = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    const close =
      typeof value === 'string'
        ? suggestKey(
            value,
            schema.enum.filter((v): v is string => typeof v === 'string'),
          )
        : null;
    fail(
      walk,
      at,
      'invalid-value',
      `${name} is ${describe(value)}; it must be one of ${options}.`,
      close ? ` Did you mean ${q(close)}?` : '',
    );
    return true;
  }
  return false;
}

/** Checks a text: not empty (`minLength`, blanks not counting) and in its form (`pattern`). */
function textRules(walk: Walk, at: Visited, value: string): void {
  const { schema, path, name } = at;
  if (schema.minLength !== undefined && value.trim().length < schema.minLength) {
    // Its own message, not the field's type message: the value is a text, just an empty one.
    walk.out.push(
      walk.source.diagnostic(
        'error',
        'invalid-value',
        `${name} is empty.${exampleHint(schema, path)}`,
        path,
        walk.source.spanFor(path, 'value'),
      ),
    );
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    // A form only inferred from the documentation's examples is a warning, not an error.
    fail(
      walk,
      at,
      'invalid-value',
      `${name} is ${q(value)}, which is not in the expected form.${exampleHint(schema, path)}`,
      '',
      schema['x-patternSeverity'] ?? 'error',
    );
  }
}

/** Checks a number against its bounds; the first one it crosses is reported. */
function numberRules(walk: Walk, at: Visited, value: number): void {
  const { schema, name } = at;
  if (schema.minimum !== undefined && value < schema.minimum) {
    fail(
      walk,
      at,
      'out-of-range',
      `${name} must be at least ${schema.minimum}, but it is ${value}.`,
    );
  } else if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    fail(
      walk,
      at,
      'out-of-range',
      `${name} must be greater than ${schema.exclusiveMinimum}, but it is ${value}.`,
    );
  } else if (schema.maximum !== undefined && value > schema.maximum) {
    fail(
      walk,
      at,
      'out-of-range',
      `${name} must be at most ${schema.maximum}, but it is ${value}.`,
    );
  }
}

/**
 * The walk of a map: its required keys are there, it has enough entries, each known key is
 * checked against its own schema, and each other key is reported as unknown or misspelt (and
 * checked against `additionalProperties` when that is a schema).
 */
function visitMap(walk: Walk, at: Visited, value: Record<string, unknown>): void {
  const { schema, path, name } = at;
  const props = schema.properties ?? NO_PROPERTIES;
  const keys = Object.keys(value);
  requiredKeys(walk, at, value);
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    walk.out.push(
      walk.source.diagnostic(
        'error',
        'too-few-entries',
        `${name} must have at least ${schema.minProperties} entr${schema.minProperties === 1 ? 'y' : 'ies'}.`,
        path,
        walk.source.spanFor(path, 'entry'),
      ),
    );
  }
  const known = knownKeys(props);
  for (const key of keys) {
    // Own properties only: a key named `constructor` or `toString` is not a known key.
    const child = Object.hasOwn(props, key) ? props[key] : undefined;
    if (child) {
      visit(walk, value[key], child, [...path, key]);
      continue;
    }
    unknownKey(walk, at, value, key, known);
    const extra = schema.additionalProperties;
    if (typeof extra === 'object') visitEntry(walk, value[key], extra, [...path, key]);
  }
}

/** `visit` of an open map's entry, but for a map found clean against the same schema before. */
function visitEntry(walk: Walk, value: unknown, node: SchemaNode, path: Path): void {
  const { clean } = walk;
  if (!clean || !isObject(value)) return visit(walk, value, node, path);
  if (clean.get(value) === node) return;
  const found = walk.out.length + walk.missing.length;
  visit(walk, value, node, path);
  if (walk.out.length + walk.missing.length === found) clean.set(value, node);
}

/** A schema without `properties`: one object, so its (empty) list of known keys is kept too. */
const NO_PROPERTIES: Record<string, SchemaNode> = {};

/** The keys a schema names, one list per schema (the suggestions below are kept by list). */
const KNOWN = new WeakMap<object, readonly string[]>();
function knownKeys(props: Record<string, SchemaNode>): readonly string[] {
  let known = KNOWN.get(props);
  if (!known) KNOWN.set(props, (known = Object.keys(props)));
  return known;
}

/**
 * `suggestKey`, kept by list of known keys: every check asks again about every group's name
 * (an open map's keys), and a design has thousands. At most SUGGESTIONS names per list.
 */
const SUGGESTED = new WeakMap<readonly string[], Map<string, string | null>>();
const SUGGESTIONS = 20_000;
function suggestion(key: string, known: readonly string[]): string | null {
  let kept = SUGGESTED.get(known);
  if (!kept || kept.size > SUGGESTIONS) SUGGESTED.set(known, (kept = new Map()));
  let guess = kept.get(key);
  if (guess === undefined) kept.set(key, (guess = suggestKey(key, known)));
  return guess;
}

/**
 * Reports each key the map's schema requires and the map lacks, with an example value and a
 * fix that adds it (both from the rest of the manifest when it tells, e.g. the builder's image).
 */
function requiredKeys(walk: Walk, at: Visited, value: Record<string, unknown>): void {
  const { data, source } = walk;
  const { schema, path, name } = at;
  const props = schema.properties ?? {};
  for (const req of schema.required ?? []) {
    if (req in value || optionalFor(data, path, req)) continue;
    const fix = addMissing(data, path, req);
    const guess = missingValue(data, path, req);
    const example =
      guess !== null
        ? flowExample(guess)
        : exampleOf(props[req] ? resolve(walk.root, props[req]) : undefined);
    walk.missing.push(
      source.diagnostic(
        'error',
        'missing-key',
        `${path.length ? name : 'The manifest'} is missing \`${req}\`. Add it${example ? `, for example \`${req}: ${example}\`` : ''}.`,
        [...path, req],
        source.spanFor(path, 'key'),
        fix ?? undefined,
      ),
    );
  }
}

/**
 * Reports `key`, which the map's schema does not name: as misspelt (with a rename) when it looks
 * like a known key not already there, as having no effect when that key is there or when the
 * schema closes the map, and not at all otherwise (an open map may hold anything).
 */
function unknownKey(
  walk: Walk,
  at: Visited,
  value: Record<string, unknown>,
  key: string,
  known: readonly string[],
): void {
  const { source, out } = walk;
  const { schema, path, name } = at;
  const guess = suggestion(key, known);
  // Where the key is, looked up only to report it (most keys of an open map are not).
  const span = () => source.spanFor([...path, key], 'key');
  if (guess && Object.hasOwn(value, guess)) {
    // The key it looks like is already there: suggesting it would write it twice.
    out.push(
      source.diagnostic(
        'warning',
        'unknown-key',
        `Unknown key ${k(key)} in ${name}; it has no effect (${k(guess)} is already set). Remove it.`,
        [...path, key],
        span(),
      ),
    );
  } else if (guess) {
    out.push(
      source.diagnostic(
        'warning',
        'misspelt-key',
        `Unknown key \`${key}\` in ${name}: did you mean \`${guess}\`? As written it is ignored.`,
        [...path, key],
        span(),
        {
          title: `Rename to \`${guess}\``,
          op: 'rename',
          path: [...path, key].map(String),
          to: guess,
        },
      ),
    );
  } else if (schema.additionalProperties === false) {
    out.push(
      source.diagnostic(
        'warning',
        'unknown-key',
        `Unknown key \`${key}\` in ${name}; it has no effect. Known keys: ${known.join(', ')}.`,
        [...path, key],
        span(),
      ),
    );
  }
}

/**
 * `slurm` manifests (an undocumented operator) have no `apiVersion` and no `builder` in every
 * real example: for them, these are not missing; nor is `spec.image`, with no build to name (its
 * jobs run on the cluster's own nodes).
 */
function optionalFor(data: unknown, path: Path, key: string): boolean {
  const spec = isObject(data) && isObject(data.spec) ? data.spec : {};
  if (spec.operator !== 'slurm') return false;
  if (path.length === 0) return key === 'apiVersion' || key === 'builder';
  return path.length === 1 && path[0] === 'spec' && key === 'image';
}

/** A value as one line of YAML for a message: `{ image: my-image, dockerfile: ./Dockerfile }`. */
function flowExample(v: EntryValue): string {
  // Scalars as the fix writes them, so the example and the fix agree.
  if (typeof v !== 'object' || v === null) return scalarSource(v);
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${k}: ${flowExample(x)}`)
    .join(', ')} }`;
}

/** True when `value` meets an `if` condition: its required keys are there, its `const`s hold. */
function matches(value: unknown, cond: SchemaNode, root: SchemaNode): boolean {
  if (!isObject(value)) return false;
  for (const req of cond.required ?? []) if (!(req in value)) return false;
  for (const [key, sub] of Object.entries(cond.properties ?? {})) {
    const s = resolve(root, sub);
    if (key in value && 'const' in s && value[key] !== s.const) return false;
  }
  return true;
}

function merge(a: SchemaNode, b: SchemaNode): SchemaNode {
  // Once per pair of schemas: each check merges the same ones for every group, and the merged
  // schema's lists of known keys are kept by object (knownKeys).
  let byB = MERGED.get(a);
  if (!byB) MERGED.set(a, (byB = new WeakMap()));
  let merged = byB.get(b);
  if (!merged) byB.set(b, (merged = mergeNew(a, b)));
  return merged;
}

const MERGED = new WeakMap<SchemaNode, WeakMap<SchemaNode, SchemaNode>>();

function mergeNew(a: SchemaNode, b: SchemaNode): SchemaNode {
  const properties: Record<string, SchemaNode> = { ...a.properties };
  for (const [k, v] of Object.entries(b.properties ?? {})) {
    properties[k] = properties[k] ? merge(properties[k], v) : v;
  }
  const { if: _if, then: _then, ...rest } = a;
  return { ...rest, ...b, properties, required: [...(a.required ?? []), ...(b.required ?? [])] };
}

function hasType(value: unknown, type: JsonType | readonly JsonType[]): boolean {
  const types: readonly JsonType[] = typeof type === 'string' ? [type] : type;
  return types.some((t) => {
    switch (t) {
      case 'object':
        return isObject(value);
      case 'array':
        return Array.isArray(value);
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
    }
  });
}

function typeWords(type: JsonType | readonly JsonType[]): string {
  const words: Record<JsonType, string> = {
    object: 'a map of keys',
    array: 'a list',
    string: 'a text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  const types: readonly JsonType[] = typeof type === 'string' ? [type] : type;
  return types.map((t) => words[t]).join(' or ');
}

/** How a value reads in a message. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string')
    return `the text ${q(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? `${value}` : `the fraction ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

/** `` `spec.types.worker.count` ``, or "the top level" for the document itself. */
function fieldName(path: Path): string {
  return path.length ? `\`${formatPath(path)}\`` : 'the top level';
}

function exampleOf(node: SchemaNode | undefined): string | null {
  const ex = node?.examples?.[0] ?? node?.default;
  if (ex === undefined || (typeof ex === 'object' && ex !== null)) return null;
  return typeof ex === 'string' ? JSON.stringify(ex) : String(ex);
}

function exampleHint(schema: SchemaNode, path: Path): string {
  const ex = exampleOf(schema);
  const key = path[path.length - 1];
  return ex && typeof key === 'string' ? ` For example \`${key}: ${ex}\`.` : '';
}
