/**
 * Plain data as block-style YAML, written directly: the export's JobSet is the same few dozen
 * lines per group, and the YAML library's document model took a second for 2,000 groups where
 * this takes milliseconds. A string is written plain only when every YAML reader reads it back
 * as that string; otherwise double-quoted, with JSON's escapes (which YAML's double quotes share).
 */
import { yamlEscape } from '../safe.ts';

/** Marks strings to be written on one line, `["a", "b"]` (a container's command, as typed). */
export class Flow {
  readonly items: readonly string[];
  constructor(items: readonly string[]) {
    this.items = items;
  }
}

/** Strings, finite numbers, booleans, null, arrays, Flow and plain objects (undefined is left out). */
type Node = unknown;
type MapNode = { readonly [k: string]: Node };

// Starts with a letter, `/` or `_`, then no character YAML gives a meaning to in a plain scalar.
const SAFE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
// Words some reader (YAML 1.1 or 1.2) takes for something else than text.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|nan|inf)$/i;

// What JSON leaves raw but a YAML reader must not see raw: DEL and the C1 controls (not
// printable in YAML), NEL, LS and PS (line breaks to a YAML 1.1 reader such as PyYAML), the BOM,
// and the noncharacters U+FFFE and U+FFFF (refused by PyYAML).
const UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A double-quoted YAML string that every reader reads back as `s`. */
export function quoted(s: string): string {
  return JSON.stringify(s).replace(UNSAFE, yamlEscape);
}

export function scalar(v: string | number | boolean | null): string {
  if (typeof v === 'string') return SAFE.test(v) && !RESERVED.test(v) ? v : quoted(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as YAML`);
    return String(v);
  }
  return String(v);
}

/** `value` as the lines of a YAML document (ending with a newline). */
export function emitYaml(value: object): string {
  if (Object.keys(value).length === 0) return '{}\n';
  const out: string[] = [];
  mapping(value as MapNode, '', out);
  return out.join('\n') + '\n';
}

function isMap(v: Node): v is MapNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Flow);
}

function inline(v: Node): string | null {
  if (v instanceof Flow) return `[${v.items.map((x) => quoted(x)).join(', ')}]`;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
  if (isMap(v)) return Object.keys(v).length === 0 ? '{}' : null;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return scalar(v);
  }
  throw new Error(`cannot write ${typeof v} as YAML`);
}

function mapping(
  m: { readonly [k: string]: Node },
  indent: string,
  out: string[],
  first = '',
): void {
  let lead = first;
  for (const [key, v] of Object.entries(m)) {
    if (v === undefined) continue;
    const k = `${lead || indent}${scalar(key)}:`;
    lead = '';
    const one = inline(v);
    if (one !== null) out.push(`${k} ${one}`);
    else {
      out.push(k);
      block(v, `${indent}  `, out);
    }
  }
}

function block(v: Node, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v as readonly Node[]) {
      const one = inline(item);
      if (one !== null) out.push(`${indent}- ${one}`);
      else if (isMap(item)) mapping(item, `${indent}  `, out, `${indent}- `);
      else {
        out.push(`${indent}-`);
        block(item, `${indent}  `, out);
      }
    }
  } else if (isMap(v)) mapping(v, indent, out);
}
