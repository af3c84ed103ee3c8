// Tags and empty keys: what PyYAML (the platform's reader) reads otherwise or refuses, checked
// against PyYAML itself.
import { describe, expect, it } from 'vitest';
import { withTypes } from '../../fixtures/read.ts';
import { PY_REFUSED, pyyamlRead } from '../../fixtures/pyyaml.ts';
import { analyze } from '../analyze.ts';
import { fixEdit } from '../edit/fix.ts';
import { applyEdit } from '../edit/text.ts';
import { parse } from './parse.ts';

/** PyYAML's reading of one text, or 'refused'. */
const pyyaml = (text: string) => {
  const [data] = pyyamlRead([text]);
  return data === PY_REFUSED ? 'refused' : data;
};

const errors = (text: string) =>
  analyze(text).diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unknown-key');

describe('tags and empty keys, as the platform reads them', () => {
  it.each(['!!binary aGVsbG8=', '!!int "5"', '!custom x', '!!set {a}', '!!timestamp 2001-12-14'])(
    '%s is an error, and removing the tag makes both readers agree',
    (value) => {
      const text = withTypes(`    w:\n      count: 1\n      note: ${value}\n`);
      const [d] = errors(text);
      expect(d?.code).toBe('tag-refused');
      const r = fixEdit(text, d!.fixes![0]!);
      if (!r.ok) throw new Error(r.reason);
      const fixed = applyEdit(text, r.edit);
      expect(errors(fixed)).toEqual([]);
      expect(pyyaml(fixed)).toEqual(JSON.parse(JSON.stringify(parse(fixed).data)));
    },
  );

  it('reads !!str 5 as the text "5", as PyYAML does', () => {
    const text = withTypes('    w:\n      count: 1\n      note: !!str 5\n');
    expect(errors(text)).toEqual([]);
    expect(pyyaml(text)).toEqual(parse(text).data);
  });

  it('refuses a key left out before its colon (PyYAML refuses the file), not an explicit ? key', () => {
    const text = withTypes('    w:\n      count: 1\n      :\n        x: 1\n');
    expect(pyyaml(text)).toBe('refused');
    const [d] = errors(text);
    expect(d?.code).toBe('yaml-syntax');
    expect(text.slice(d!.start, d!.end)).toBe(':');
    // Comment lines between the key's place and its colon (found by the fuzz).
    const commented = withTypes(
      '    w:\n      count: 1\n      # a note\n      #   more\n      :\n        x: 1\n',
    );
    expect(pyyaml(commented)).toBe('refused');
    expect(errors(commented).map((x) => x.code)).toEqual(['yaml-syntax']);
    const explicit = 'a:\n  ? \n  : 1\n';
    expect(pyyaml(explicit)).not.toBe('refused');
    expect(errors(explicit).filter((x) => x.code === 'yaml-syntax')).toEqual([]);
  });
});
