// The export's YAML writer: whatever it writes, a YAML reader reads back as the same data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitYaml, Flow } from './emit.ts';

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'true',
    'No',
    'null',
    '~',
    '0.5',
    '1e3',
    '010',
    '- x',
    'a: b',
    '#c',
    "it's",
    '*a',
    '',
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: 4 }),
}));

describe('emitYaml', () => {
  it('writes what a reader reads back the same, for any data', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), tree.node, { maxKeys: 5 }), (data) => {
        // -0 is written 0, which is the same number to everyone but Object.is.
        expect(parse(emitYaml(data))).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('writes a flow list on one line, every item quoted', () => {
    const text = emitYaml({ command: new Flow(['/bin/sh', '-c', 'echo "hi" && run']) });
    expect(text).toBe('command: ["/bin/sh", "-c", "echo \\"hi\\" && run"]\n');
    expect(parse(text)).toEqual({ command: ['/bin/sh', '-c', 'echo "hi" && run'] });
  });
});
