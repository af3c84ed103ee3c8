// Tabs the platform refuses: checked against PyYAML itself (the platform's reader) on a valid
// manifest with tabs put in at random places. Without python3 and PyYAML the oracle test says so
// and is skipped.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFixture } from '../../fixtures/read.ts';
import { PY_REFUSED, pyyamlRead } from '../../fixtures/pyyaml.ts';
import { analyze } from '../analyze.ts';
import { refusedTabs } from './tabs.ts';

const PYYAML = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;

/** For each text, whether PyYAML's safe_load refuses it. */
const pyyamlRefuses = (texts: readonly string[]) => pyyamlRead(texts).map((x) => x === PY_REFUSED);

const base = `kind: AIchorManifest
apiVersion: "0.2.3"
builder: { image: "my image", context: . }
spec:
  operator: jobset
  image: my image
  command: "python3 -u main.py --name 'a b'"
  # a comment
  types:
    worker:
      count: 5   # trials
      resources:
        cpus: 4
        ramRatio: 3
    note:
      count: 1
      description: |
        a block
          indented more
      other: >-
        folded
      list: [1, 2, "x y"]
`;

describe('tabs the platform refuses', () => {
  it('finds the tab of count:<TAB>2, and none in quotes, comments or block scalars', () => {
    const text = readFixture('platform-main').replace('count: 5', 'count:\t5');
    const [at] = refusedTabs(text);
    expect(text[at!]).toBe('\t');
    expect(text.slice(at! - 6, at!)).toBe('count:');
    const d = analyze(text).diagnostics.find((x) => x.code === 'tab-refused')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain("The platform's YAML reader (PyYAML) refuses a tab here");
    expect(text.slice(d.start, d.end)).toBe('\t');
    expect(refusedTabs('a: "x\ty"\n# c\td\nb: |\n  x\ty\nc: \'p\tq\'\n')).toEqual([]);
  });

  it.skipIf(!PYYAML)('agrees with PyYAML on tabs put anywhere in a manifest', () => {
    expect(pyyamlRefuses([base])).toEqual([false]);
    const texts = fc
      .sample(fc.uniqueArray(fc.nat(base.length - 1), { minLength: 1, maxLength: 2 }), {
        numRuns: 400,
        seed: 22,
      })
      .map((at) => {
        let text = base;
        for (const i of [...at].sort((a, b) => b - a)) {
          // A tab in place of a space, or put in before a character.
          text =
            text[i] === ' '
              ? text.slice(0, i) + '\t' + text.slice(i + 1)
              : text.slice(0, i) + '\t' + text.slice(i);
        }
        return text;
      })
      // Only texts YAML 1.2 reads: there the designer would otherwise say nothing.
      .filter((text) => parseDocument(text).errors.length === 0);
    expect(texts.length).toBeGreaterThan(100);
    const refused = pyyamlRefuses(texts);
    expect(refused.some(Boolean) && refused.some((x) => !x)).toBe(true);
    texts.forEach((text, i) => {
      expect(refusedTabs(text).length > 0, JSON.stringify(text)).toBe(refused[i]);
    });
  });
});
