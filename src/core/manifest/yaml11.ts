/**
 * How the platform reads a plain scalar: YAML 1.1 as Python's PyYAML does (`yaml.safe_load`),
 * where editors, kubectl and the `yaml` package read YAML 1.2 (SEMANTICS.md, "How the text is
 * read"). The regular expressions and conversions are PyYAML's implicit resolvers and
 * constructors (`resolver.py`, `constructor.py`), checked against PyYAML 6.0.3.
 *
 * Timestamps are left as text: PyYAML would make a date of `2001-12-14`, which no manifest field
 * takes.
 */
import { type PathLink, pathOf } from './pathLink.ts';
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { NOTHING_QUIET, type Quiet } from './quiet.ts';

/** A whole number beyond what JavaScript holds exactly: the text as written. */
export interface TooLarge {
  readonly tooLarge: string;
}

export type PythonValue = string | number | boolean | null | TooLarge;

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

/** The value PyYAML gives the plain (unquoted) scalar written as `source`. */
export function pythonReading(source: string): PythonValue {
  const s = source;
  if (BOOL.test(s)) return /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s);
  if (FLOAT.test(s)) return pyFloat(s);
  if (INT.test(s)) return pyInt(s);
  if (NULL.test(s)) return null;
  return s;
}

function pyFloat(text: string): number {
  let s = text.replaceAll('_', '').toLowerCase();
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * sexagesimal(s.split(':').map(Number));
  return sign * Number(s);
}

function pyInt(text: string): number | TooLarge {
  let s = text.replaceAll('_', '');
  let sign = 1n;
  if (s[0] === '-') sign = -1n;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let value: bigint;
  if (s === '0') value = 0n;
  else if (s.includes(':')) {
    // Base 60, in plain numbers while they stay exact: past 2^53 the value is too large
    // whatever follows (and BigInt arithmetic on a long one would be quadratic).
    let acc = 0;
    for (const part of s.split(':')) {
      acc = acc * 60 + Number(part);
      if (acc > Number.MAX_SAFE_INTEGER) return { tooLarge: text };
    }
    value = BigInt(acc);
  } else {
    const [prefix, digits, bits] = s.startsWith('0b')
      ? ['0b', s.slice(2), 1]
      : s.startsWith('0x')
        ? ['0x', s.slice(2), 4]
        : s[0] === '0'
          ? ['0o', s.slice(1), 3]
          : ['', s, Math.log2(10)];
    // More significant digits than 2^53 has: too large, known without converting them all.
    if (digits.replace(/^0+/, '').length * bits > 60) return { tooLarge: text };
    value = BigInt(`${prefix}${digits}`);
  }
  value *= sign;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : { tooLarge: text };
}

function sexagesimal(parts: number[]): number {
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** True when both readings are the same value. */
export function sameReading(python: PythonValue, yaml12: unknown): boolean {
  if (typeof python === 'object' && python !== null) return false;
  if (typeof python === 'number' && typeof yaml12 === 'number') {
    return python === yaml12 || (Number.isNaN(python) && Number.isNaN(yaml12));
  }
  return python === yaml12;
}

/** How a reading is spelled in a message: `8`, `true`, `"1e3"`, `null`. */
export function spell(value: PythonValue | unknown): string {
  if (typeof value === 'object' && value !== null && 'tooLarge' in value) {
    return String((value as TooLarge).tooLarge);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  }
  return String(value);
}

/** A plain scalar the two readers read differently (or a number too large for either). */
export interface ReadingDifference {
  /** Keys as the platform reads them, from the root to the scalar (for a key: to that key). */
  readonly path: readonly (string | number)[];
  readonly isKey: boolean;
  readonly start: number;
  readonly end: number;
  readonly source: string;
  readonly python: PythonValue;
  readonly yaml12: unknown;
}

/**
 * What `readAsPlatform` found for each plain scalar it read: the YAML 1.2 reading and, where
 * PyYAML reads it otherwise, PyYAML's. A document read again after an edit
 * (manifest/incremental.ts) keeps its other scalars, already changed, and their differences are
 * reported again from this, without reading their text again.
 */
const READINGS = new WeakMap<object, { readonly yaml12: unknown; readonly python?: PythonValue }>();

/**
 * Makes a parsed document read as the platform reads it: every plain scalar (keys included) gets
 * PyYAML's value, and a whole number too large to hold exactly becomes null. Returns where the
 * readings differ. Walks iteratively (documents may nest deep). Reading a document again gives
 * the same differences. The `quiet` nodes are not gone through: groups unchanged since a
 * reading found no difference in them.
 */
export function readAsPlatform(
  doc: Document.Parsed,
  text: string,
  quiet: Quiet = NOTHING_QUIET,
): ReadingDifference[] {
  const out: ReadingDifference[] = [];
  const convert = (node: unknown, path: PathLink | null, isKey: boolean) => {
    // A tagged scalar is read by its tag, not by the plain-scalar rules (`!!str 5` is text).
    if (!isScalar(node) || node.type !== 'PLAIN' || !node.range || node.tag) return;
    let known = READINGS.get(node);
    if (!known) {
      const source = text.slice(node.range[0], node.range[1]).trimEnd();
      if (source.includes('\n') || source.includes('\r') || source === '<<') return;
      const python = pythonReading(source);
      known = sameReading(python, node.value)
        ? { yaml12: node.value }
        : { yaml12: node.value, python };
      READINGS.set(node, known);
    }
    if (!('python' in known)) return;
    const python = known.python!;
    const source = text.slice(node.range[0], node.range[1]).trimEnd();
    const value = typeof python === 'object' && python !== null ? null : python;
    out.push({
      path: isKey ? [...pathOf(path), String(value)] : pathOf(path),
      isKey,
      start: node.range[0],
      end: node.range[0] + source.length,
      source,
      python,
      yaml12: known.yaml12,
    });
    node.value = value;
  };
  const stack: [unknown, PathLink | null][] = [[doc.contents, null]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        convert(p.key, path, true);
        const at: PathLink = { parent: path, seg: keyText(p.key) };
        convert(p.value, at, false);
        // A group unchanged since a reading found nothing in it (manifest/quiet.ts).
        if ((isMap(p.value) || isSeq(p.value)) && !quiet.has(p.value)) stack.push([p.value, at]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const at: PathLink = { parent: path, seg: i };
        convert(item, at, false);
        if (isMap(item) || isSeq(item)) stack.push([item, at]);
      });
    }
  }
  return out;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : '?';
}
