// Reading every manifest as the platform does: one test per way a manifest is easily misread,
// each with the figures, diagnostics and fixes a user sees (the CLI, the editor and the form show
// the same ones: they all come from `analyze`).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../fixtures/read.ts';
import { runCli } from '../cli/run.ts';
import { analyze } from './analyze.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
import { fixEdit } from './edit/fix.ts';
import { applyEdit } from './edit/text.ts';
import { decodeManifest } from './manifest/decode.ts';
import { pythonReading, spell } from './manifest/yaml11.ts';

const main = readFixture('platform-main');
const group = (text: string, name: string) =>
  analyze(text).expansion!.groups.find((g) => g.name === name)!;
const find = (text: string, code: DiagnosticCode) =>
  analyze(text).diagnostics.filter((d) => d.code === code);
const fixed = (text: string, d: Diagnostic, i = 0) => {
  const r = fixEdit(text, d.fixes![i]!);
  if (!r.ok) throw new Error(r.reason);
  return applyEdit(text, r.edit);
};
const oneLine = (d: Diagnostic) => expect(d.message).not.toMatch(/[\n\r]/);

describe('numbers read as YAML 1.1, as the platform reads them', () => {
  it('reads count: 010 as 8 Jobs, warns with both readings and fixes to 8', () => {
    const text = main.replace('      count: 5\n', '      count: 010\n');
    expect(group(text, 'worker').count).toBe(8);
    const [d] = find(text, 'yaml11-reading');
    expect(d).toMatchObject({ severity: 'warning', path: ['spec', 'types', 'worker', 'count'] });
    expect(d!.message).toContain('reads as 8 on the platform');
    expect(d!.message).toContain('as 10 in YAML 1.2');
    expect(text.slice(d!.start, d!.end)).toBe('010');
    expect(fixed(text, d!)).toBe(main.replace('count: 5', 'count: 8'));
    expect(fixed(text, d!, 1)).toBe(main.replace('count: 5', 'count: 10'));
  });

  it.each([
    ['1_000', 1000, null],
    ['1:30', 90, null],
    ['1e3', null, 'completions must be a whole number'],
    ['0o10', null, 'completions must be a whole number'],
  ])('reads completions: %s the platform way', (written, completions, error) => {
    const text = main.replace(
      '      count: 5\n',
      `      count: 5\n      completions: ${written}\n`,
    );
    expect(group(text, 'worker').completions).toBe(completions);
    const [d] = find(text, 'yaml11-reading');
    expect(d!.message).toContain(`${written} reads as`);
    if (error)
      expect(
        analyze(text)
          .diagnostics.map((x) => x.message)
          .join(),
      ).toContain('whole number');
    // Every fix gives text that both readers agree on, and that is valid: a number field is
    // never "fixed" with text.
    expect(d!.fixes!.length).toBeGreaterThan(0);
    for (let i = 0; i < d!.fixes!.length; i++) {
      const after = fixed(text, d!, i);
      expect(find(after, 'yaml11-reading')).toEqual([]);
      expect(analyze(after).valid, d!.fixes![i]!.title).toBe(true);
    }
  });

  it('offers count: 1e3 the number both read (1000), not the text the platform reads', () => {
    const text = main.replace('      count: 5\n', '      count: 1e3\n');
    const [d] = find(text, 'yaml11-reading');
    expect(d!.fixes!.map((f) => f.title)).toEqual(['Write 1000 (as YAML 1.2 tools read it)']);
    expect(d!.message).toContain("The platform's reading is not a whole number: write 1000");
    expect(fixed(text, d!)).toBe(main.replace('count: 5', 'count: 1000'));
  });
});

describe('group keys Python reads as booleans', () => {
  it.each(['on', 'yes', 'no', 'off'])('%s: is an error at the key; the fix quotes it', (key) => {
    for (const header of ['', '%YAML 1.1\n---\n']) {
      const text = header + main.replace('    worker-2:\n', `    ${key}:\n`);
      const [d] = find(text, 'group-key-not-text');
      expect(d!.severity).toBe('error');
      expect(text.slice(d!.start, d!.end)).toBe(key);
      const quoted = fixed(text, d!);
      expect(quoted).toContain(`    "${key}":\n`);
      expect(find(quoted, 'group-key-not-text')).toEqual([]);
      expect(analyze(quoted).expansion!.groups.map((g) => g.name)).toContain(key);
    }
  });
});

describe('resources with a figure missing', () => {
  it('warns at the block that says which figure is missing', () => {
    const cpusOnly = withTypes('    w:\n      resources: {cpus: 2}\n');
    const [a] = find(cpusOnly, 'resources-incomplete');
    expect(a!.message).toContain('without its RAM');
    expect(a!.path).toEqual(['spec', 'types', 'w', 'resources']);
    const empty = withTypes('    w:\n      resources: {}\n');
    expect(find(empty, 'resources-incomplete')[0]!.message).toContain('without its CPUs and RAM');
  });
});

describe('empty group names', () => {
  it('is an error at each of null: and "":', () => {
    const text = withTypes('    null:\n      count: 1\n    "":\n      count: 2\n');
    const ds = find(text, 'group-key-not-text');
    expect(ds).toHaveLength(2);
    expect(ds.map((d) => text.slice(d.start, d.end))).toEqual(['null', '""']);
  });
});

describe('line ends and encodings', () => {
  it('reads lone CRs as line ends', () => {
    const text = main.replaceAll('\n', '\r');
    const a = analyze(text);
    expect(a.diagnostics).toEqual([]);
    expect(a.expansion!.totals.pods).toBe(7);
  });

  it('counts lines and nesting across lone CRs too (found by the fuzz)', () => {
    const deep = main.replaceAll('\n', '\r') + 'x:\r' + '- '.repeat(2000) + 'a\r';
    const a = analyze(deep);
    expect(a.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['nesting-too-deep', main.split('\n').length + 1, 1],
    ]);
  });

  it('decodes UTF-16 with a BOM, both ways, and UTF-8 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...main].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...main].flatMap((c) => [0, c.charCodeAt(0)])]);
    for (const bytes of [le, be]) expect(decodeManifest(bytes)).toEqual({ ok: true, text: main });
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a: é\n')]);
    expect(decodeManifest(bom8)).toEqual({ ok: true, text: 'a: é\n' });
  });

  it('names the encoding problem of anything else', () => {
    const bad = (bytes: number[]) => {
      const r = decodeManifest(new Uint8Array(bytes));
      return r.ok ? '' : r.reason;
    };
    expect(bad([0x61, 0xff, 0x62])).toContain(
      'byte 0xff at line 1, column 2, position 1, starts no valid UTF-8 character',
    );
    // Latin-1: "café rond" names the é (0xe9), not the space after it, on its own line.
    const latin1 = [
      ...Buffer.from('kind: x\nname: caf', 'latin1'),
      0xe9,
      ...Buffer.from(' rond\n'),
    ];
    expect(bad(latin1)).toContain(
      'byte 0xe9 at line 2, column 10, position 17, starts no valid UTF-8',
    );
    expect(bad(latin1)).toContain('Latin-1');
    expect(bad([0x61, 0, 0x62, 0])).toContain('UTF-16 text without a byte order mark');
    expect(bad([0xff, 0xfe, 0x61])).toContain('odd number of bytes');
  });

  it('reads a UTF-16 file on the command line', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'jd-')), 'manifest.yaml');
    writeFileSync(file, Buffer.from('\ufeff' + main, 'utf16le'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
  });
});

describe('messages: an empty command, two merge keys, a line break in a name', () => {
  it('says an empty command is empty', () => {
    const text = main.replace('command: python3 -u main.py', 'command: ""');
    const d = analyze(text).diagnostics.find((x) => x.path.join('.') === 'spec.command')!;
    expect(d.message).toMatch(/^`spec.command` is empty\./);
  });

  it('reads two merge keys as a duplicate, in words, and takes the last as the platform does', () => {
    const text = withTypes('    a: &a\n      count: 1\n    b:\n      <<: *a\n      <<: *a\n');
    const [d] = find(text, 'duplicate-key');
    expect(d!.message).toBe(
      'Two `<<` merges in the same map: the platform takes the values of the last one (so do the figures here), and YAML 1.2 tools refuse the map. Merge several maps with one `<<: [*a, *b]`.',
    );
    // PyYAML: {'count': 3} for b (measured with yaml.safe_load).
    const two = withTypes('    a: &a { count: 2 }\n    b:\n      <<: *a\n      <<: { count: 3 }\n');
    expect(group(two, 'b').count).toBe(3);
  });

  it('writes a newline inside a quoted name or image escaped, on one line', () => {
    const text = main
      .replace('    worker-2:\n', '    "worker\\n2":\n')
      .replace('  image: image\n  command', '  image: "ima\\nge"\n  command');
    const ds = analyze(text).diagnostics;
    expect(ds.length).toBeGreaterThan(1);
    ds.forEach(oneLine);
    expect(ds.map((d) => d.message).join()).toContain('"worker\\n2"');
  });
});

describe('figures as people write them: decimal sums, integers past 2^53', () => {
  it('rounds sums: 0.1 + 0.2 CPUs with RAM', () => {
    const text = withTypes(
      '    a:\n      resources: {cpus: 0.1, ramRatio: 2}\n    b:\n      resources: {cpus: 0.2, ramRatio: 2}\n',
    );
    expect(analyze(text).expansion!.totals.peak).toMatchObject({ cpus: 0.3, ramGB: 0.6 });
  });

  it('says an integer above 2^53 is too large, quoting it as written', () => {
    const text = main.replace('      count: 5\n', '      count: 9007199254740993\n');
    const ds = analyze(text).diagnostics.filter(
      (d) => d.path.join('.') === 'spec.types.worker.count',
    );
    expect(ds.map((d) => d.code)).toEqual(['number-too-large']);
    expect(ds[0]!.message).toContain('9007199254740993 is too large');
    expect(group(text, 'worker').count).toBeNull();
  });
});

describe('commands that need a jobset manifest', () => {
  it('exits 2 naming the operator', async () => {
    const text = main.replace('operator: jobset', 'operator: kuberay');
    const r = await runCli(['export', '-', '--to', 'jobset'], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export needs spec.operator: jobset; this manifest uses kuberay');
  });

  it('lists the pods of another operator, and exits 2 for one the platform does not run', async () => {
    const pytorch = main.replace('operator: jobset', 'operator: pytorch');
    const ok = await runCli(['pods', '-', '--type', 'worker'], pytorch);
    expect(ok.code).toBe(0);
    const first = JSON.parse(ok.stdout.split('\n')[0]!);
    expect(first.env).toMatchObject({ MASTER_PORT: '23456', RANK: expect.any(String) });
    const unknown = main.replace('operator: jobset', 'operator: pytorchh');
    const r = await runCli(['pods', '-'], unknown);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pods needs an operator the platform runs');
    expect(r.stderr).toContain('this manifest uses pytorchh');
  });
});

describe('messages and fixes for parallelisms, missing resources and groups of no pods', () => {
  it('parallelisms with no completions offers both fixes', () => {
    const text = main.replace('      count: 5\n', '      count: 5\n      parallelisms: 4\n');
    const [d] = find(text, 'parallelisms-above-completions');
    expect(d!.message).toContain('completions is not set, so it is 1');
    expect(d!.fixes!.map((f) => f.title)).toEqual([
      'Set completions to 4',
      'Set parallelisms to 1',
    ]);
    expect(fixed(text, d!)).toContain(
      '      count: 5\n      completions: 4\n      parallelisms: 4\n',
    );
    expect(fixed(text, d!, 1)).toContain('      parallelisms: 1\n');
  });

  it('says when no group has resources', () => {
    const found = find(readFixture('two-groups'), 'resources-not-set');
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.message).toContain('no group has');
  });

  it('a group of no pods still has its names checked, and says so', () => {
    const name = 'a-twenty-eight-char-group-nm';
    expect(name).toHaveLength(28);
    const text = withTypes(`    ${name}:\n      count: 0\n`);
    const [d] = analyze(text).diagnostics.filter((x) => x.code.endsWith('name-too-long'));
    expect(d!.message).toContain('the group creates no pods, but JobSet');
  });
});

describe('a manifest missing its required keys', () => {
  it('no builder: an example in the message and a fix that adds it from spec.image', () => {
    const text = main.replace(/builder:\n( {2}.*\n)+\n/, '');
    const [d] = find(text, 'missing-key');
    expect(d!.message).toBe(
      'The manifest is missing `builder`. Add it, for example `builder: { image: image, dockerfile: ./Dockerfile, context: . }`.',
    );
    const after = fixed(text, d!);
    expect(after).toContain('builder:\n  image: image\n  dockerfile: ./Dockerfile\n  context: .\n');
    expect(analyze(after).valid).toBe(true);
  });

  it('a platform-page snippet gets one fix that completes it in one step', () => {
    const snippet =
      'spec:\n  operator: "jobset"\n  command: "python3 main.py"\n  types:\n    worker:\n      count: 1\n';
    const missing = find(snippet, 'missing-key');
    expect(missing.map((d) => d.path.join('.')).sort()).toEqual([
      'apiVersion',
      'builder',
      'kind',
      'spec.image',
    ]);
    const all = missing[0]!.fixes!.find((f) => f.title === 'Complete the manifest')!;
    const r = fixEdit(snippet, all);
    expect(r.ok).toBe(true);
    const done = applyEdit(
      snippet,
      (r as { edit: { start: number; end: number; text: string } }).edit,
    );
    expect(analyze(done).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(done.startsWith('kind: AIchorManifest\napiVersion: "0.2.3"\nbuilder:\n')).toBe(true);
  });
});

describe('what the platform accepts: apiVersion, group names, GPU products, slurm', () => {
  it('an apiVersion it does not accept is an error', () => {
    const [d] = find(main.replace('apiVersion: "0.2.3"', 'apiVersion: "0.3.0"'), 'api-version');
    expect(d!.severity).toBe('error');
  });

  it('a type name ending in - is an error', () => {
    const [d] = find(
      main.replace('    worker-2:\n', '    worker-:\n'),
      'type-name-trailing-hyphen',
    );
    expect(d!.severity).toBe('error');
  });

  it('an unknown GPU product gets the nearest known names, and a huge design a note', () => {
    const text = withTypes(`    w:
      count: 1000
      completions: 1000
      parallelisms: 1000
      resources:
        cpus: 1
        ramRatio: 1
        accelerators:
          gpu: { count: 8, type: gpu, product: A100 }
`);
    const a = analyze(text);
    expect(a.expansion!.totals.peak.gpus).toBe(8_000_000);
    const [d] = a.diagnostics.filter((x) => x.code === 'gpu-product-unknown');
    expect(d!.message).toContain('did you mean "A100-SXM4-80GB" or "NVIDIA-A100-SXM4-80GB"?');
    expect(d!.fixes!.map((f) => f.title)).toEqual([
      'Use "A100-SXM4-80GB"',
      'Use "NVIDIA-A100-SXM4-80GB"',
    ]);
    expect(a.diagnostics.map((x) => x.code)).toContain('many-gpus');
  });

  it('a slurm file needs no apiVersion and no builder', () => {
    const text =
      'kind: AIchorManifest\nspec:\n  operator: slurm\n  image: i\n  command: run\n  types:\n    job: {}\n';
    expect(analyze(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a complex key (? [a, b])', () => {
  it('is an error at the key\u2019s own line, and nothing is written to the console', () => {
    const text = withTypes('    ? [a, b]\n    : {count: 1}\n');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const [d] = find(text, 'key-not-text');
    process.off('warning', onWarning);
    expect(d!.line).toBe(text.split('\n').findIndex((l) => l.includes('? [a, b]')) + 1);
    expect(warnings).toEqual([]);
  });
});

describe('the platform reading, against PyYAML', () => {
  const tokens = [
    '010',
    '09',
    '1_000',
    '0b101',
    '0x1F',
    '1:30',
    '1e3',
    '1.5e3',
    '1.0e+3',
    '0o10',
    'on',
    'yes',
    'y',
    'n',
    'No',
    'oFF',
    '~',
    'null',
    'Null',
    '.inf',
    '-.Inf',
    '.NaN',
    '1_0.5',
    '190:20:30',
    '+12',
    '-0b1',
    '012345678',
    '0777',
    '0.1',
    '.5',
    '1.',
    'True',
    'FALSE',
    'abc',
    '-0',
    '0',
    // At the edge of exact: the readers stop converting past 2^53 without converting it all.
    '1:0:0:0:0:0:0:0:0',
    '0x1fffffffffffff',
    `0b${'1'.repeat(53)}`,
    '0377777777777777777',
    '9007199254740991',
    '000000000000000000000000000000000000000012',
  ];
  let oracle: string[] | null = null;
  try {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import sys, yaml, json, math\nfor t in sys.argv[1:]:\n v = yaml.safe_load("a: " + t)["a"]\n print(json.dumps(v if not (isinstance(v, float) and (math.isinf(v) or math.isnan(v))) else repr(v)))',
        ...tokens,
      ],
      { encoding: 'utf8' },
    );
    oracle = out.trim().split('\n');
  } catch {
    oracle = null;
  }

  // Where python3 has PyYAML (this project's machines do); reported as skipped elsewhere.
  it.runIf(oracle !== null)('reads every token as PyYAML 6 does', () => {
    tokens.forEach((t, i) => {
      const mine = pythonReading(t);
      const theirs = JSON.parse(oracle![i]!) as unknown;
      const want =
        theirs === 'inf' ? '.inf' : theirs === '-inf' ? '-.inf' : theirs === 'nan' ? '.nan' : null;
      if (want) expect(spell(mine), t).toBe(want);
      else expect(mine, t).toEqual(theirs);
    });
  });
});

describe('long numbers are read in one pass', () => {
  it('knows a number of 1,800,000 characters is too large without converting it', () => {
    for (const long of [
      '1:'.repeat(900_000) + '1',
      '9'.repeat(1_800_000),
      `0x${'f'.repeat(1_800_000)}`,
    ]) {
      expect(pythonReading(long)).toEqual({ tooLarge: long });
    }
  });
});

describe('names as written', () => {
  it('an empty group name is shown as written, not quoted twice', () => {
    const [d] = find(withTypes('    "":\n      count: 1\n'), 'group-key-not-text');
    expect(d!.message).toBe(
      'A group needs a name: `""` reads as no name at all. Write a name such as `worker`.',
    );
    const [n] = find(withTypes('    ~:\n      count: 1\n'), 'group-key-not-text');
    expect(n!.message).toContain('A group needs a name: `~` reads as no name at all.');
  });
});

describe('what the platform only probably refuses', () => {
  it('a timeout in a form the documentation never shows is a warning, not an error', () => {
    const text = main.replace('spec:\n', 'spec:\n  timeout: "1h30m"\n');
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.path.join('.') === 'spec.timeout')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('another form may be refused');
    expect(a.valid).toBe(true);
    expect(analyze(main.replace('spec:\n', 'spec:\n  timeout: "6h"\n')).diagnostics).toEqual(
      analyze(main).diagnostics.map((x) => expect.objectContaining({ code: x.code })),
    );
  });

  it('counts of pods past 2^53 are said to be approximate, not rounded silently', () => {
    const huge = withTypes(
      '    w:\n      count: 100000000\n      completions: 100000000\n      parallelisms: 1\n' +
        '    v:\n      count: 100000000\n      completions: 100000001\n      parallelisms: 1\n',
    );
    const d = analyze(huge).diagnostics.find((x) => x.code === 'figures-approximate');
    expect(d?.message).toContain('more than 9,007,199,254,740,991 pods');
    expect(d?.severity).toBe('warning');
    expect(analyze(main).diagnostics.some((x) => x.code === 'figures-approximate')).toBe(false);
  });
});
