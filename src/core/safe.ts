/**
 * User text made safe for each place it is shown or written: one function per sink, used
 * everywhere user text (a key, a name, a value, a file name) reaches that sink.
 * - terminal text and CI logs: one line, no control character, escape sequence or bidi override;
 * - YAML comments: nothing a YAML reader takes for a line break or refuses;
 * - XML and SVG text: the five markup characters escaped, characters XML forbids replaced;
 * - Python source: inside a string literal or a docstring, nothing that ends it or that Python
 *   refuses in source (NUL).
 * And what Python's YAML reader (PyYAML, the platform's) refuses or reads as a line break, which
 * the manifest reader checks (parse.ts).
 */

/** Characters PyYAML refuses anywhere in a file, quotes and comments included (`Reader.NON_PRINTABLE`). */
export const PY_REFUSED = new RegExp(
  '[^\\t\\n\\r\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]',
  'gu',
);

/** Line breaks to PyYAML (YAML 1.1) that YAML 1.2 readers take for text: NEL, LS, PS. */
export const PY_BREAKS = /[\u0085\u2028\u2029]/g;

/** Either: what PyYAML refuses or breaks a line at, in text order. */
export const PY_UNSAFE = new RegExp(`${PY_REFUSED.source}|${PY_BREAKS.source}`, 'gu');

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x85: 'NEXT LINE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0xfeff: 'BYTE ORDER MARK',
  0xfffe: 'a noncharacter',
  0xffff: 'a noncharacter',
};

/** `U+007F (DEL)`, `U+0090 (a control character)`. */
export function charName(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[cp] ??
    (cp < 0x20 || (cp >= 0x80 && cp < 0xa0)
      ? 'a control character'
      : cp >= 0xd800 && cp < 0xe000
        ? 'half of a surrogate pair'
        : null);
  return name ? `${hex} (${name})` : hex;
}

/**
 * Text shown on a terminal or in a CI log: control characters (ESC sequences, CR, LF, ...),
 * Unicode line breaks and bidi overrides written as `\u{..}`, so that user text can neither
 * start a line of its own (a GitHub `::error` command) nor move the cursor or recolour the screen.
 */
export function terminalText(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

/** Text inside a YAML comment: every line break (CR, LF, NEL, LS, PS) and refused character a space. */
export function yamlComment(s: string): string {
  return s
    .replace(PY_REFUSED, ' ')
    .replace(PY_BREAKS, ' ')
    .replace(/[\r\n]/g, ' ');
}

/** Text inside an XML element or attribute. Characters XML 1.0 forbids become U+FFFD. */
export function xmlText(s: string): string {
  return s
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text inside a Python docstring or comment on one line: no quote or backslash that could end
 * or change it, no line break, no NUL or other control character.
 */
export function pythonDocText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** A character as a YAML double-quoted escape (`\x7f`, `\u2028`, `\U0001f600`), the same in YAML 1.1 and 1.2. */
export function yamlEscape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}
