// Characters the platform's YAML reader (PyYAML) reads otherwise: checked against PyYAML itself
// on a manifest with NEL, LS, PS and refused characters put in at random places. Whenever the
// designer says nothing, PyYAML reads the same data; whenever it reports one, its fixes give a
// text PyYAML reads as the designer does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFixture } from '../../fixtures/read.ts';
import { pyyamlRead } from '../../fixtures/pyyaml.ts';
import { analyze } from '../analyze.ts';
import { applyEdit } from '../edit/text.ts';
import { fixEdit } from '../edit/fix.ts';
import { parse } from './parse.ts';

const pyyaml = pyyamlRead;

/** The designer's reading, as JSON would carry it (PyYAML's answer is parsed from JSON). */
function designerJson(text: string): unknown {
  return JSON.parse(JSON.stringify(parse(text).data) ?? 'null');
}

const CHARS = ['\u0085', '\u2028', '\u2029', '\u007f', '\u0090', '\uffff', '\u0001', '\u001b'];
const base = `kind: AIchorManifest
apiVersion: "0.2.3"
builder: { image: "my image" }
spec:
  operator: jobset
  image: my image
  command: "python3 -u main.py --name 'a b'"
  # a comment
  types:
    worker:
      count: 1   # trials
      description: 'single quoted'
      notes: |
        a block
`;

const problems = (text: string) =>
  analyze(text).diagnostics.filter(
    (d) => d.code === 'character-refused' || d.code === 'line-break-differs',
  );

describe('characters the platform reads otherwise', () => {
  it('finds the line separator that makes the platform run 1,000 Jobs, with a fix', () => {
    const text = readFixture('one-group-one-job').replace(
      /count: 1\n/,
      'count: 1 # note\u2028      count: 1000\n',
    );
    const a = analyze(text);
    expect(a.valid).toBe(false);
    const [d] = problems(text);
    expect(d!.message).toContain('U+2028 (LINE SEPARATOR) is a line break');
    expect(text.slice(d!.start, d!.end)).toBe('\u2028');
    const fixed = fixEdit(text, d!.fixes![0]!);
    if (!fixed.ok) throw new Error(fixed.reason);
    const after = applyEdit(text, fixed.edit);
    expect(analyze(after).valid).toBe(true);
    expect(analyze(after).expansion!.totals.jobs).toBe(1);
  });

  it('refuses DEL in a comment and offers \\x7f inside double quotes', () => {
    const comment = problems('a: 1 # x\u007f\n');
    expect(comment.map((d) => d.fixes![0]!.title)).toEqual(['Delete U+007F (DEL)']);
    const quoted = problems('a: "x\u007f"\n');
    expect(quoted.map((d) => d.fixes![0]!.title)).toEqual(['Write it as \\x7f']);
    // LS and PS inside quotes read the same in both: nothing to say.
    expect(problems('a: "x\u2028y"\nb: \'p\u2029q\'\n')).toEqual([]);
  });

  it('agrees with PyYAML, wherever the characters are put', () => {
    expect(pyyaml([base])).toEqual([designerJson(base)]);
    const cases = fc
      .sample(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.constantFrom(...CHARS)), {
          minLength: 1,
          maxLength: 2,
        }),
        { numRuns: 600, seed: 23 },
      )
      .map((edits) => {
        let text = base;
        for (const [i, ch] of [...edits].sort((a, b) => b[0] - a[0]))
          text = text.slice(0, i) + ch + text.slice(i);
        return text;
      })
      // Only texts YAML 1.2 reads: there the designer would otherwise say nothing.
      .filter((text) => parseDocument(text).errors.length === 0);
    expect(cases.length).toBeGreaterThan(150);
    const fixedTexts = cases.map((text) => {
      let t = text;
      for (const d of [...problems(text)].sort((a, b) => b.start - a.start)) {
        const r = fixEdit(t, d.fixes![0]!);
        if (r.ok) t = applyEdit(t, r.edit);
      }
      return t;
    });
    const before = pyyaml(cases);
    const after = pyyaml(fixedTexts);
    let silent = 0;
    let reported = 0;
    cases.forEach((text, i) => {
      if (problems(text).length === 0) {
        silent++;
        expect(before[i], JSON.stringify(text)).toEqual(designerJson(text));
      } else {
        reported++;
        expect(problems(fixedTexts[i]!), JSON.stringify(fixedTexts[i])).toEqual([]);
        expect(parse(fixedTexts[i]!).syntaxError, JSON.stringify(fixedTexts[i])).toBe(false);
        expect(after[i], JSON.stringify(fixedTexts[i])).toEqual(designerJson(fixedTexts[i]!));
      }
    });
    expect(silent).toBeGreaterThan(10);
    expect(reported).toBeGreaterThan(100);
  });
});
