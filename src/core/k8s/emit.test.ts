// The export's YAML writer: whatever it writes, a YAML reader reads back as the same data.
import { spawnSync } from 'node:child_process';
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

const PYYAML = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;

describe('strings with characters YAML readers treat differently', () => {
  // DEL, C1 controls, NEL (a line break to PyYAML), LS, PS, a BOM, a tab, CR and LF.
  const odd = [
    'a\u007fb',
    'x\u0085y',
    'c\u0080d\u009fe',
    'l\u2028s\u2029p',
    '\ufeffbom',
    't\tab',
    'cr\rlf\n',
  ];

  it('escapes them so that the YAML library reads each back as it was', () => {
    for (const s of odd) {
      const text = emitYaml({ value: s, list: new Flow([s]) });
      expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\ufeff]/);
      expect(parse(text)).toEqual({ value: s, list: [s] });
    }
  });

  it.skipIf(!PYYAML)('and so does PyYAML, the platform\u2019s reader', () => {
    const text = emitYaml({ values: odd, flow: new Flow(odd) });
    const r = spawnSync(
      'python3',
      ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'],
      { input: text, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ values: odd, flow: odd });
  });
});
