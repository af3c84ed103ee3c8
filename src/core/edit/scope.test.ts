// Edits of one group made on its own lines give exactly the edit made on the whole text, on
// every real manifest and every shipped one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { corpusFiles, shippedManifests } from '../../fixtures/read.ts';
import { removeEntry, setValue } from './edit.ts';
import { editInBlock, entryBlock } from './scope.ts';
import { applyEdit, type EditResult } from './text.ts';

const texts = [...shippedManifests(), ...corpusFiles()].map((f) => readFileSync(f, 'utf8'));
const result = (text: string, r: EditResult | null) => (r && r.ok ? applyEdit(text, r.edit) : null);

describe('editInBlock', () => {
  it('gives the same text as an edit of the whole document, for every group of every manifest', () => {
    let compared = 0;
    for (const text of texts) {
      const a = analyze(text);
      for (const key of a.typeKeys) {
        const g = key.name;
        const edits: [readonly string[], (t: string, p: readonly string[]) => EditResult][] = [
          [['count'], (t, p) => setValue(t, [...p, 'count'], 7)],
          [['parallelisms'], (t, p) => setValue(t, [...p, 'parallelisms'], 3, ['count'])],
          [['resources', 'cpus'], (t, p) => setValue(t, [...p, 'resources', 'cpus'], 2.5)],
          [['count'], (t, p) => removeEntry(t, [...p, 'count'])],
        ];
        for (const [, make] of edits) {
          const whole = result(text, make(text, ['spec', 'types', g]));
          const scoped = result(
            text,
            editInBlock(text, key.start, (block) => make(block, [g])),
          );
          if (scoped === null) continue; // declined: the caller edits the whole text
          expect(scoped, `${g} in ${text.slice(0, 60)}`).toBe(whole);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('takes the comments above the key and the lines below it, not the next group', () => {
    const text =
      'types:\n  # about a\n  a:\n    count: 1\n\n    # deep\n    x: 2\n  # about b\n  b: {}\n';
    const key = text.indexOf('a:');
    const { start, end } = entryBlock(text, key);
    expect(text.slice(start, end)).toBe(
      '  # about a\n  a:\n    count: 1\n\n    # deep\n    x: 2\n',
    );
  });

  it('declines keys of a { … } map', () => {
    const text = 'spec:\n  types: { a: { count: 1 } }\n';
    expect(editInBlock(text, text.indexOf('a:'), (b) => setValue(b, ['a', 'count'], 2))).toBeNull();
  });
});
