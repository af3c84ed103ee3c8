// Inputs found by review that once gave wrong figures or ranges.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/read.ts';
import { analyze } from './analyze.ts';
import { allPods } from './schedule/pods.ts';

const main = readFixture('platform-main');
const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

describe('edge cases', () => {
  it('handles groups and products named like Object built-ins', () => {
    const text = main
      .replace('    worker:\n', '    constructor:\n')
      .replace('product: NVIDIA-A100-SXM4-80GB', 'product: toString');
    const a = analyze(text);
    const e = a.expansion!;
    expect([...allPods(e, a.schedule!.plan, 'constructor')][0]).toMatchObject({ start: 0, end: 1 });
    expect(a.schedule!.plan.makespan).toBe(1);
    expect(e.totals.peak.gpusByProduct).toEqual({ toString: 5 });
    const unknown = main.replace('      count: 5\n', '      count: 5\n      toString: 1\n');
    expect(codes(unknown)).toContain('unknown-key');
  });

  it('resolves merge keys as the platform loader does', () => {
    const text = main.replace(
      '    worker-2:\n      count: 1\n      resources:\n        cpus: 4\n        ramRatio: 3\n',
      '    worker-2: &w2\n      count: 1\n      resources:\n        cpus: 4\n        ramRatio: 3\n    worker-3:\n      <<: *w2\n      count: 3\n',
    );
    const g = analyze(text).expansion!.groups.find((x) => x.name === 'worker-3')!;
    expect(g).toMatchObject({ count: 3, pod: { cpus: 4, ramGB: 12 } });
    expect(codes(text)).toEqual([]);
  });

  it('underlines the whole duplicate key and gives its path', () => {
    const text = main.replace('      count: 5\n', '      count: 5\n      count: 6\n');
    const d = analyze(text).diagnostics.find((x) => x.code === 'duplicate-key')!;
    expect(text.slice(d.start, d.end)).toBe('count');
    expect(d.path).toEqual(['spec', 'types', 'worker', 'count']);
  });

  it('treats 1: and "1": as the same key', () => {
    const text = main.replace('    worker-2:\n', '    "1":\n      count: 1\n    1:\n');
    expect(codes(text)).toContain('duplicate-key');
  });

  it('advises a name length that passes both the Job and the pod rule', () => {
    const text = main.replace('    worker-2:\n', `    ${'a'.repeat(40)}:\n`);
    const d = analyze(text).diagnostics.find((x) => x.code === 'job-name-too-long')!;
    expect(d.message).toContain('to 28 characters or fewer');
  });

  it('points a missing top-level key at the start, not the whole document', () => {
    const d = analyze(main.replace('kind: AIchorManifest\n', '')).diagnostics.find(
      (x) => x.code === 'missing-key',
    )!;
    expect(d).toMatchObject({ start: 0, end: 0, line: 1, column: 1 });
  });

  it('rejects a group given as binary data or a date', () => {
    expect(
      codes(
        main.replace(
          '    worker-2:\n      count: 1\n',
          '    worker-2: !!binary aGk=\n    x:\n      count: 1\n',
        ),
      ),
    ).toContain('wrong-type');
    const e = analyze(
      main.replace(
        '    worker-2:\n      count: 1\n',
        '    worker-2: !!binary aGk=\n    x:\n      count: 1\n',
      ),
    ).expansion!;
    expect(e.groups.find((g) => g.name === 'worker-2')!.pods).toBeNull();
  });

  it('has no figures, not zeros, when types is missing', () => {
    const text = main.slice(0, main.indexOf('  types:'));
    const a = analyze(text);
    expect(a.expansion).toBeNull();
    expect(a.diagnostics.map((d) => d.code)).toContain('missing-key');
  });

  it('rounds per-pod RAM: 0.1 CPUs x 3 GB is 0.3 GB', () => {
    const text = main.replace(
      '        cpus: 1\n        ramRatio: 2\n',
      '        cpus: 0.1\n        ramRatio: 3\n',
    );
    expect(analyze(text).expansion!.groups[0]!.pod.ramGB).toBe(0.3);
  });

  it('allows many plain aliases', () => {
    const groups = Array.from({ length: 150 }, (_, i) => `    g${i}:\n      resources: *r\n`).join(
      '',
    );
    const text = `kind: AIchorManifest\napiVersion: "0.2.3"\nbuilder: { image: i }\nx-res: &r { cpus: 1, ramRatio: 2 }\nspec:\n  operator: jobset\n  image: i\n  command: c\n  types:\n${groups}`;
    const a = analyze(text);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.expansion!.totals.peak.cpus).toBe(150);
  });

  it('says what to do about a second YAML document', () => {
    const [d] = analyze(main + '---\nkind: other\n').diagnostics;
    expect(d).toMatchObject({ code: 'multiple-documents' });
    expect(d!.message).not.toContain('parseAllDocuments');
  });
});
