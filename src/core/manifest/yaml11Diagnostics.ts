/**
 * Diagnostics for the plain scalars that the platform (YAML 1.1, as PyYAML reads them) and
 * YAML 1.2 tools read differently: yaml11.ts finds them, parse.ts reports them with these. Each
 * says both readings and offers only spellings the schema then accepts.
 */
import type { Diagnostic, Fix } from '../diagnostics.ts';
import { k } from '../quote.ts';
import { MANIFEST_SCHEMA, schemaTypesAt, type JsonType } from './schema.ts';
import type { Source } from './source.ts';
import { spell, type PythonValue, type ReadingDifference, type TooLarge } from './yaml11.ts';

/**
 * Where the platform (YAML 1.1, as Python reads it) and YAML 1.2 tools read a plain scalar
 * differently: a warning with both readings and a fix to a spelling both read the same; a group
 * name Python reads as a boolean is an error; a number too large to hold exactly is an error.
 */
export function readingDiagnostics(
  diffs: readonly ReadingDifference[],
  source: Source,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diffs) {
    if (typeof d.python === 'object' && d.python !== null) {
      out.push(
        source.diagnostic(
          'error',
          'number-too-large',
          `${d.python.tooLarge} is too large: whole numbers are exact only up to 9,007,199,254,740,991, and this one would be read as another number. Write a smaller one.`,
          d.path,
          { start: d.start, end: d.end },
        ),
      );
    } else if (d.isKey) out.push(keyReading(d, source));
    else out.push(valueReading(d, d.python, source));
  }
  return out;
}

/**
 * A key read otherwise by the platform: quoting it is the fix. A group name that Python reads as
 * a boolean or as null is an error (it is no name), any other key a warning.
 */
function keyReading(d: ReadingDifference, source: Source): Diagnostic {
  const platform = spell(d.python);
  const editors = spell(d.yaml12);
  const groupKey = d.path.length === 3 && d.path[0] === 'spec' && d.path[1] === 'types';
  const notText = typeof d.python === 'boolean' || d.python === null;
  return source.diagnostic(
    groupKey && notText ? 'error' : 'warning',
    groupKey && notText ? 'group-key-not-text' : 'yaml11-reading',
    groupKey && notText
      ? `The group name ${k(d.source)} reads as ${d.python === null ? 'no name (null)' : `the boolean ${platform}`} on the platform (YAML 1.1, as Python reads it), not as a name. Quote it: ${JSON.stringify(d.source)}.`
      : `The key ${k(d.source)} reads as ${platform} on the platform (YAML 1.1, as Python reads it) but as ${editors} in YAML 1.2 tools. Quote it: ${JSON.stringify(d.source)}.`,
    d.path,
    { start: d.start, end: d.end },
    {
      title: `Quote the name: ${JSON.stringify(d.source)}`,
      op: 'rename',
      path: d.path.map(String),
      to: d.source,
    },
  );
}

/**
 * A value read otherwise by the platform: a warning with both readings, and fixes to write
 * either one so that both read it the same, each only where the schema then accepts it.
 * (`python` is the platform's reading, a number small enough to hold.)
 */
function valueReading(
  d: ReadingDifference,
  python: Exclude<PythonValue, TooLarge>,
  source: Source,
): Diagnostic {
  const platform = spell(python);
  const editors = spell(d.yaml12);
  const path = d.path.map(String);
  // Only fixes the checker then accepts: where the schema wants a number, text is no fix.
  const wanted = schemaTypesAt(MANIFEST_SCHEMA, d.path);
  const fits = (v: unknown) => wanted === null || wanted.some((t) => typeOf(v, t));
  const fixes: Fix[] = [];
  if (fits(python)) {
    fixes.push({
      title: `Write ${platform} (as the platform reads it)`,
      op: 'set',
      path,
      value: python,
    });
  }
  if ((typeof d.yaml12 === 'number' || typeof d.yaml12 === 'boolean') && fits(d.yaml12)) {
    fixes.push({
      title: `Write ${editors} (as YAML 1.2 tools read it)`,
      op: 'set',
      path,
      value: d.yaml12,
    });
  }
  const advice = fits(python)
    ? `Write ${platform} so that both read the same.`
    : `The platform's reading is not ${wanted!.includes('integer') ? 'a whole number' : `a ${wanted!.join(' or ')}`}: write ${editors} so that both read it as one.`;
  return source.diagnostic(
    'warning',
    'yaml11-reading',
    `${d.source} reads as ${platform} on the platform (YAML 1.1, as Python reads it) but as ${editors} in YAML 1.2 editors and tools. ${advice}`,
    d.path,
    { start: d.start, end: d.end },
    fixes,
  );
}

/** True when a JSON value is of a schema type (`integer`: a whole number). */
function typeOf(v: unknown, t: JsonType): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
  }
}
