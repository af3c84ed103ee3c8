/**
 * Characters the platform's YAML reader (PyYAML) reads otherwise than YAML 1.2 readers do:
 * - refused anywhere (DEL, C1 controls, noncharacters, lone surrogates): PyYAML rejects the whole
 *   file, while YAML 1.2 readers accept them in comments and quotes;
 * - NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to PyYAML, text to YAML 1.2. In a
 *   comment one starts a line of YAML only the platform sees (`count: 1 # a<LS>count: 1000`);
 *   in a plain or block scalar PyYAML stops at it. Inside quotes LS and PS read the same; NEL
 *   reads as a space.
 * Each is found where it is, with a fix that makes both readings the same.
 */
import { isScalar, visit, type Document } from 'yaml';
import type { Fix } from '../diagnostics.ts';
import { charName, PY_UNSAFE, yamlEscape } from '../safe.ts';

export interface CharacterProblem {
  readonly code: 'character-refused' | 'line-break-differs';
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix: Fix;
}

type Quote = 'double' | 'single' | null;

/** At most `max` problems, in text order. Linear in the text (ranges of quotes sorted once). */
export function pythonCharacters(
  text: string,
  doc: Document.Parsed | null,
  max = 5,
): CharacterProblem[] {
  if (text.search(PY_UNSAFE) < 0) return [];
  const quoteAt = quotes(doc);
  const out: CharacterProblem[] = [];
  for (const m of text.matchAll(PY_UNSAFE)) {
    if (out.length >= max) break;
    const at = m.index;
    const ch = m[0];
    const quote = quoteAt(at);
    const name = charName(ch);
    const replace = (title: string, to: string): Fix => ({
      title,
      op: 'replace-text',
      start: at,
      end: at + ch.length,
      expect: ch,
      text: to,
    });
    if (ch === '\u0085' || ch === '\u2028' || ch === '\u2029') {
      if (quote !== null && ch !== '\u0085') {
        // Inside quotes PyYAML keeps LS and PS but, as at any line break, drops the spaces
        // and tabs next to them: `'a \u2028 b'` is `a\u2028b` there.
        let s = at;
        while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
        let e = at + 1;
        while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
        if (s === at && e === at + 1) continue; // reads the same
        const escape = ch === '\u2028' ? '\\L' : '\\P';
        out.push({
          code: 'line-break-differs',
          start: at,
          end: at + 1,
          message: `Inside quotes the platform's YAML reader (PyYAML) takes ${name} for a line break and drops the spaces next to it; this reader keeps them. ${quote === 'double' ? `Write it as ${escape}.` : 'Take the spaces away.'}`,
          fix:
            quote === 'double'
              ? replace(`Write it as ${escape}`, escape)
              : {
                  title: 'Take the spaces away',
                  op: 'replace-text',
                  start: s,
                  end: e,
                  expect: text.slice(s, e),
                  text: ch,
                },
        });
        continue;
      }
      out.push({
        code: 'line-break-differs',
        start: at,
        end: at + ch.length,
        message:
          quote !== null
            ? `${name} inside quotes reads as a space on the platform (PyYAML) but as itself here. ${quote === 'double' ? 'Write \\N to keep it, or a space.' : 'Write a space.'}`
            : `${name} is a line break to the platform's YAML reader (PyYAML) but text to this one: what follows it would be read as a line of its own, and the platform would run another manifest than the one shown. Replace it with a space, or delete it.`,
        fix:
          quote === 'double'
            ? replace('Write it as \\N', '\\N')
            : /^[ \t\n\r]?$/.test(text[at - 1] ?? '') || /^[ \t\n\r]?$/.test(text[at + 1] ?? '')
              ? replace(`Delete ${name}`, '')
              : replace('Replace it with a space', ' '),
      });
      continue;
    }
    const escape =
      quote === 'double' && !(ch.length === 1 && ch >= '\ud800' && ch <= '\udfff')
        ? yamlEscape(ch)
        : null;
    out.push({
      code: 'character-refused',
      start: at,
      end: at + ch.length,
      message: `The platform's YAML reader (PyYAML) refuses ${name} anywhere in the file, even in a comment or in quotes, and with it the whole manifest. ${escape ? `Write it as ${escape} inside the double quotes, or delete it.` : 'Delete it.'}`,
      fix: escape ? replace(`Write it as ${escape}`, escape) : replace(`Delete ${name}`, ''),
    });
  }
  return out;
}

/** Which quotes (if any) the offset is inside, from the quoted scalars' ranges. */
function quotes(doc: Document.Parsed | null): (at: number) => Quote {
  const ranges: [number, number, Quote][] = [];
  if (doc) {
    visit(doc, {
      Scalar(_, node) {
        if (!isScalar(node) || !node.range) return;
        if (node.type === 'QUOTE_DOUBLE') ranges.push([node.range[0], node.range[1], 'double']);
        else if (node.type === 'QUOTE_SINGLE')
          ranges.push([node.range[0], node.range[1], 'single']);
      },
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return (at) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e, q] = ranges[mid]!;
      if (at < s) hi = mid - 1;
      else if (at >= e) lo = mid + 1;
      else return q;
    }
    return null;
  };
}
