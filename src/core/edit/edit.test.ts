import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFixture } from '../../fixtures/read.ts';
import {
  addEntry,
  duplicateEntry,
  inExampleOrder,
  moveEntry,
  removeEntry,
  renameEntry,
  setValue,
} from './edit.ts';
import { applyEdit, chain, diffEdit, type EditResult } from './text.ts';

const apply = (text: string, r: EditResult): string => {
  if (!r.ok) throw new Error(r.reason);
  return applyEdit(text, r.edit);
};

const doc = `kind: AIchorManifest
spec:
  operator: jobset
  image: "img"
  types:
    # the coordinator
    master:
      count: 1 # one is enough
      resources: { cpus: 2, ramRatio: 2 }

    worker:
      count: 5
      unknownKey: keep me
      resources:
        cpus: 4
`;

describe('setValue', () => {
  it('changes one value and nothing else', () => {
    const out = apply(doc, setValue(doc, ['spec', 'types', 'worker', 'count'], 8));
    expect(out).toBe(doc.replace('count: 5', 'count: 8'));
  });

  it('keeps the inline comment and the comment two lines above', () => {
    const out = apply(doc, setValue(doc, ['spec', 'types', 'master', 'count'], 3));
    expect(out).toBe(doc.replace('count: 1 # one is enough', 'count: 3 # one is enough'));
    expect(out).toContain('    # the coordinator\n');
  });

  it('keeps the quoting style of a string', () => {
    const out = apply(doc, setValue(doc, ['spec', 'image'], 'new-image'));
    expect(out).toContain('  image: "new-image"\n');
  });

  it('quotes a string that would otherwise read as a number', () => {
    const out = apply(doc, setValue(doc, ['spec', 'operator'], '0.2'));
    expect(parse(out).spec.operator).toBe('0.2');
  });

  it('edits inside a flow map', () => {
    const out = apply(doc, setValue(doc, ['spec', 'types', 'master', 'resources', 'cpus'], 6));
    expect(out).toContain('resources: { cpus: 6, ramRatio: 2 }');
  });

  it('adds a missing key to a flow map', () => {
    const out = apply(doc, setValue(doc, ['spec', 'types', 'master', 'resources', 'shmSizeGB'], 4));
    expect(out).toContain('resources: { cpus: 2, ramRatio: 2, shmSizeGB: 4 }');
  });

  it('adds a missing key to a block map, at its indentation', () => {
    const out = apply(doc, setValue(doc, ['spec', 'types', 'worker', 'completions'], 4));
    expect(out).toBe(doc + '      completions: 4\n');
  });

  it('creates missing maps on the way', () => {
    const path = ['spec', 'types', 'worker', 'resources', 'accelerators', 'gpu', 'count'];
    const out = apply(doc, setValue(doc, path, 1));
    expect(
      out.endsWith(
        '        cpus: 4\n        accelerators:\n          gpu:\n            count: 1\n',
      ),
    ).toBe(true);
    expect(parse(out).spec.types.worker.resources.accelerators.gpu.count).toBe(1);
  });

  it('fills an empty value', () => {
    const text = 'spec:\n  image:\n  command: x\n';
    expect(apply(text, setValue(text, ['spec', 'image'], 'img'))).toBe(
      'spec:\n  image: img\n  command: x\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const text = doc.replaceAll('\n', '\r\n');
    const out = apply(text, setValue(text, ['spec', 'types', 'worker', 'completions'], 2));
    expect(out).toBe(text + '      completions: 2\r\n');
  });

  it('follows a 4-space indentation', () => {
    const text = 'spec:\n    types:\n        w:\n            count: 1\n';
    const out = apply(text, setValue(text, ['spec', 'types', 'w', 'resources', 'cpus'], 2));
    expect(out).toBe(text + '            resources:\n                cpus: 2\n');
  });

  it('refuses while the YAML has a syntax error', () => {
    const r = setValue('spec: [\n', ['spec', 'image'], 'x');
    expect(r.ok).toBe(false);
  });
});

describe('entries', () => {
  const types = ['spec', 'types'];

  it('adds a group after the last one', () => {
    const out = apply(doc, addEntry(doc, types, 'evaluator', { count: 2, resources: { cpus: 1 } }));
    expect(out).toBe(doc + '    evaluator:\n      count: 2\n      resources:\n        cpus: 1\n');
  });

  it('removes a group with the comment lines directly above it', () => {
    const out = apply(doc, removeEntry(doc, [...types, 'master']));
    expect(out).not.toContain('master');
    expect(out).not.toContain('# the coordinator');
    expect(parse(out).spec.types).toEqual({ worker: parse(doc).spec.types.worker });
  });

  it('renames a group in place', () => {
    const out = apply(doc, renameEntry(doc, [...types, 'worker'], 'trainer'));
    expect(out).toBe(doc.replace('    worker:', '    trainer:'));
  });

  it('refuses a rename onto an existing name', () => {
    expect(renameEntry(doc, [...types, 'worker'], 'master').ok).toBe(false);
  });

  it('duplicates a group right after the original', () => {
    const out = apply(doc, duplicateEntry(doc, [...types, 'master'], 'master-2'));
    const data = parse(out).spec.types;
    expect(Object.keys(data)).toEqual(['master', 'master-2', 'worker']);
    expect(data['master-2']).toEqual(data.master);
  });

  it('moves a group with its comment, keeping unknown keys', () => {
    const out = apply(doc, moveEntry(doc, [...types, 'master'], 1));
    expect(Object.keys(parse(out).spec.types)).toEqual(['worker', 'master']);
    expect(out).toContain('    # the coordinator\n    master:');
    expect(out).toContain('unknownKey: keep me');
    expect(out.length).toBe(doc.length);
  });
});

describe('the default design', () => {
  it('takes a form-built heterogeneous pool without losing its comments', () => {
    let text = readFixture('platform-main');
    const types = ['spec', 'types'];
    text = apply(
      text,
      addEntry(text, types, 'cpu-worker', { count: 8, resources: { cpus: 16, ramRatio: 4 } }),
    );
    text = apply(text, moveEntry(text, [...types, 'cpu-worker'], 0));
    text = apply(text, setValue(text, [...types, 'worker', 'count'], 4));
    expect(text.startsWith(readFixture('platform-main').split('\n').slice(0, 2).join('\n'))).toBe(
      true,
    );
    expect(Object.keys(parse(text).spec.types)).toEqual([
      'cpu-worker',
      'master',
      'worker',
      'worker-2',
    ]);
  });
});

describe('diffEdit', () => {
  it('finds the smallest single splice', () => {
    expect(diffEdit('count: 5\n', 'count: 50\n')).toEqual({ start: 8, end: 8, text: '0' });
    expect(diffEdit('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
  });

  it('agrees with a character-by-character scan on random pairs of texts', () => {
    // The oracle: the longest common prefix, then the longest common suffix of what is left.
    const scan = (a: string, b: string) => {
      const max = Math.min(a.length, b.length);
      let start = 0;
      while (start < max && a[start] === b[start]) start++;
      let end = 0;
      while (end < max - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
      return { start, end: a.length - end, text: b.slice(start, b.length - end) };
    };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () =>
      Array.from({ length: Math.floor(next() * 6) }, () => 'ab\n '[Math.floor(next() * 4)]).join(
        '',
      );
    for (let i = 0; i < 2000; i++) {
      const a = word() + word() + word();
      const b =
        next() < 0.3
          ? a
          : a.slice(0, Math.floor(next() * (a.length + 1))) +
            word() +
            a.slice(Math.floor(next() * (a.length + 1)));
      const found = diffEdit(a, b);
      expect(found, `${JSON.stringify(a)} -> ${JSON.stringify(b)}`).toEqual(scan(a, b));
      expect(applyEdit(a, found)).toBe(b);
    }
  });
});

describe('building from an empty design', () => {
  it('creates spec and types without touching what spec already has', () => {
    let text = 'kind: AIchorManifest\n';
    text = apply(text, setValue(text, ['spec', 'operator'], 'jobset'));
    text = apply(text, setValue(text, ['spec', 'image'], 'img'));
    text = apply(text, addEntry(text, ['spec', 'types'], 'coordinator', { count: 1 }));
    text = apply(text, addEntry(text, ['spec', 'types'], 'worker', { count: 4 }));
    expect(text).toBe(
      'kind: AIchorManifest\nspec:\n  operator: jobset\n  image: img\n  types:\n    coordinator:\n      count: 1\n    worker:\n      count: 4\n',
    );
  });

  it('starts from an empty text', () => {
    expect(apply('', setValue('', ['builder', 'image'], 'img'))).toBe('builder:\n  image: img\n');
  });

  it('refuses to add an entry that exists', () => {
    expect(addEntry(doc, ['spec', 'types'], 'worker', { count: 1 }).ok).toBe(false);
  });
});

describe('chain', () => {
  it('makes two edits one splice', () => {
    const r = chain(
      doc,
      (t) => renameEntry(t, ['spec', 'types', 'worker', 'count'], 'replicas'),
      (t) => setValue(t, ['spec', 'types', 'worker', 'replicas'], 7),
    );
    expect(apply(doc, r)).toBe(doc.replace('      count: 5\n', '      replicas: 7\n'));
  });
});

describe('empty maps', () => {
  it('writes a group added to `types: {}` as a block', () => {
    const text = 'spec:\n  types: {}\n';
    expect(apply(text, addEntry(text, ['spec', 'types'], 'g', { count: 1 }))).toBe(
      'spec:\n  types:\n    g:\n      count: 1\n',
    );
  });
});

describe('placement of new keys', () => {
  it('puts completions and parallelisms next to count, not after resources', () => {
    const types = ['spec', 'types', 'worker'];
    let text = apply(doc, setValue(doc, [...types, 'completions'], 4, ['count']));
    text = apply(text, setValue(text, [...types, 'parallelisms'], 2, ['count', 'completions']));
    expect(text).toContain(
      '    worker:\n      count: 5\n      completions: 4\n      parallelisms: 2\n      unknownKey: keep me\n',
    );
  });
});

describe('inExampleOrder', () => {
  const steps: [readonly string[], string][] = [
    [['spec', 'command'], 'python3 main.py'],
    [['spec', 'operator'], 'jobset'],
    [['builder', 'image'], 'my-image'],
    [['spec', 'image'], 'my-image'],
  ];

  it("writes new keys where the platform's examples have them, whatever the order they are set in", () => {
    let text = 'kind: AIchorManifest\napiVersion: "0.2.3"\n';
    for (const [path, value] of steps) {
      const r = setValue(text, path, value, inExampleOrder);
      if (!r.ok) throw new Error(r.reason);
      text = applyEdit(text, r.edit);
    }
    expect(text).toBe(
      'kind: AIchorManifest\napiVersion: "0.2.3"\nbuilder:\n  image: my-image\nspec:\n  operator: jobset\n  image: my-image\n  command: python3 main.py\n',
    );
  });

  it('puts a key the order does not know last, and kind first', () => {
    const r = setValue(
      'apiVersion: "0.2.3"\nspec: {}\n',
      ['kind'],
      'AIchorManifest',
      inExampleOrder,
    );
    if (!r.ok) throw new Error(r.reason);
    expect(applyEdit('apiVersion: "0.2.3"\nspec: {}\n', r.edit)).toBe(
      'kind: AIchorManifest\napiVersion: "0.2.3"\nspec: {}\n',
    );
  });
});

describe('items of a list of maps, by index (Ray worker pools, Vertex AI pools)', () => {
  const pools = [
    'spec:',
    '  types:',
    '    Workers:',
    '      # the CPU pool',
    '      - name: cpu',
    '        count: 1',
    '      - name: gpu',
    '',
  ].join('\n');
  const edited = (r: EditResult) => apply(pools, r);

  it('sets a value in the item an index names, keeping the comment and the other item', () => {
    const out = edited(setValue(pools, ['spec', 'types', 'Workers', '1', 'count'], 4));
    expect(parse(out)).toEqual({
      spec: {
        types: {
          Workers: [
            { name: 'cpu', count: 1 },
            { name: 'gpu', count: 4 },
          ],
        },
      },
    });
    expect(out).toContain('# the CPU pool');
    const first = edited(setValue(pools, ['spec', 'types', 'Workers', '0', 'count'], 2));
    expect(first).toContain('- name: cpu\n        count: 2\n');
  });

  it('removes a key of an item, and refuses an index past the end', () => {
    const out = edited(removeEntry(pools, ['spec', 'types', 'Workers', '0', 'count']));
    expect(parse(out)).toEqual({
      spec: { types: { Workers: [{ name: 'cpu' }, { name: 'gpu' }] } },
    });
    expect(setValue(pools, ['spec', 'types', 'Workers', '5', 'count'], 1).ok).toBe(false);
  });
});
