// Validation: the schema's structural checks and the semantic rules, through `analyze`.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { fixEdit } from '../edit/fix.ts';
import { applyEdit } from '../edit/text.ts';
import { MANIFEST_SCHEMA, SUPPORTED_KEYWORDS, type SchemaNode } from './schema.ts';

const main = readFixture('platform-main');
const find = (text: string, code: string) =>
  analyze(text).diagnostics.filter((d) => d.code === code);
/** The text with the diagnostic's fix applied. */
const fixed = (text: string, d: Diagnostic) => {
  const r = fixEdit(text, d.fixes![0]!);
  if (!r.ok) throw new Error(r.reason);
  return applyEdit(text, r.edit);
};

describe('the schema file', () => {
  it('uses only keywords our checker implements', () => {
    const used = new Set<string>();
    const walk = (node: unknown, inPropertyMap = false): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n));
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if (!inPropertyMap) used.add(k);
        const mapOfSchemas = !inPropertyMap && (k === 'properties' || k === 'definitions');
        if (k === 'examples' || k === 'default' || k === 'enum' || k === 'const') continue;
        walk(v, mapOfSchemas);
      }
    };
    walk(MANIFEST_SCHEMA);
    expect([...used].filter((k) => !SUPPORTED_KEYWORDS.has(k))).toEqual([]);
  });

  it('describes every property, for hover documentation', () => {
    const missing: string[] = [];
    const walk = (node: SchemaNode, path: string): void => {
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        if (!v.description && !v.$ref) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      for (const [k, v] of Object.entries(node.definitions ?? {})) walk(v, `#${k}`);
      if (node.then) walk(node.then, path);
      if (typeof node.additionalProperties === 'object')
        walk(node.additionalProperties, `${path}.*`);
      if (node.items) walk(node.items, `${path}[]`);
    };
    walk(MANIFEST_SCHEMA, '');
    expect(missing).toEqual([]);
  });
});

describe('structure', () => {
  it.each(['kind', 'apiVersion', 'builder', 'spec'])('requires top-level `%s`', (key) => {
    const text = main.replace(new RegExp(`^${key}:`, 'm'), `x${key}:`);
    const d = find(text, 'missing-key');
    expect(d.map((x) => x.path.join('.'))).toContain(key);
  });

  it.each(['operator', 'image', 'command', 'types'])('requires `spec.%s`', (key) => {
    const specAt = main.indexOf('\nspec:');
    const text =
      main.slice(0, specAt) +
      main.slice(specAt).replace(new RegExp(`^  ${key}:`, 'm'), `  x${key}:`);
    const d = find(text, 'missing-key').find((x) => x.path.join('.') === `spec.${key}`);
    expect(d).toBeDefined();
    expect(d!.line).toBe(text.split('\n').indexOf('spec:') + 1);
  });

  it('rejects a wrong kind and says what it must be', () => {
    const [d] = find(main.replace('kind: AIchorManifest', 'kind: Manifest'), 'invalid-value');
    expect(d!.message).toContain('AIchorManifest');
    expect(d!.message).toContain('Manifest');
  });

  it('rejects an empty types map', () => {
    const text = main.slice(0, main.indexOf('  types:')) + '  types: {}\n';
    expect(find(text, 'too-few-entries')).toHaveLength(1);
  });

  it.each([
    ['count: 5', 'count: -1', 'out-of-range'],
    ['count: 5', 'count: 2.5', 'wrong-type'],
    ['count: 5', 'count: five', 'wrong-type'],
    [
      'cpus: 4\n        ramRatio: 3\n        accelerators',
      'cpus: 0\n        ramRatio: 3\n        accelerators',
      'out-of-range',
    ],
  ])('rejects %s written as %s', (from, to, code) => {
    const text = main.replace(from, to);
    const [d] = find(text, code);
    expect(d).toBeDefined();
    const valueLine = text.split('\n').findIndex((l) => l.includes(to.split('\n')[0]!)) + 1;
    expect(d!.line).toBe(valueLine);
  });

  it('points at the exact value: line, column and end', () => {
    const text = main.replace('count: 5', 'count: -1');
    const [d] = find(text, 'out-of-range');
    const line = text.split('\n')[d!.line - 1]!;
    expect(line.slice(d!.column - 1, d!.endColumn - 1)).toBe('-1');
  });

  it('suggests the known key for a misspelt one, with a fix', () => {
    const text = main.replace('      count: 5\n', '      count: 5\n      parallelism: 2\n');
    const [d] = find(text, 'misspelt-key');
    expect(d).toMatchObject({
      severity: 'warning',
      path: ['spec', 'types', 'worker', 'parallelism'],
    });
    expect(d!.message).toContain('did you mean `parallelisms`');
    expect(fixed(text, d!)).toBe(text.replace('parallelism: 2', 'parallelisms: 2'));
  });

  it.each([
    ['completion', 'completions', '      count: 5\n', '      count: 5\n      completion: 2\n'],
    ['ram_ratio', 'ramRatio', '        ramRatio: 3\n', '        ram_ratio: 3\n'],
    [
      'cpu',
      'cpus',
      '        cpus: 4\n        ramRatio: 3\n',
      '        cpu: 4\n        ramRatio: 3\n',
    ],
  ])('suggests for %s -> %s', (_wrong, right, from, to) => {
    const text = main.replace(from, to);
    expect(
      find(text, 'misspelt-key').map((d) => d.fixes?.[0]?.op === 'rename' && d.fixes[0].to),
    ).toContain(right);
  });

  it('never suggests a key the map already has', () => {
    const text = main.replace('      count: 5\n', '      count: 5\n      replicas: 3\n');
    expect(find(text, 'misspelt-key')).toEqual([]);
    const [d] = find(text, 'unknown-key');
    expect(d!.message).toBe(
      'Unknown key `replicas` in `spec.types.worker`; it has no effect (`count` is already set). Remove it.',
    );
    expect(d!.fixes).toBeUndefined();
  });

  it('warns about unknown keys inside a group but keeps unknown keys elsewhere silent', () => {
    const text = main
      .replace('      count: 5\n', '      count: 5\n      flavour: large\n')
      .replace(
        '  operator: jobset\n',
        '  operator: jobset\n  engineName: main-aws-dev\n  fancyFeature: true\n',
      );
    const unknown = find(text, 'unknown-key');
    expect(unknown.map((d) => d.path.join('.'))).toEqual(['spec.types.worker.flavour']);
    expect(analyze(text).valid).toBe(true);
  });
});

describe('semantic rules', () => {
  it('requires spec.image to equal builder.image, with a fix that keeps the quoting', () => {
    const text = main.replace('  image: image\n  command', '  image: "other"\n  command');
    const [d] = find(text, 'image-mismatch');
    expect(d!.severity).toBe('error');
    expect(fixed(text, d!)).toBe(text.replace('image: "other"', 'image: "image"'));
  });

  it.each([
    ['Worker', 'worker'],
    ['2worker', 'worker'],
    ['worker_a', 'worker-a'],
  ])('rejects group name %s and offers %s', (bad, good) => {
    const text = main.replace('    worker:\n', `    ${bad}:\n`);
    const [d] = find(text, 'type-name-invalid');
    expect(text.slice(d!.start, d!.end)).toBe(bad);
    expect(fixed(text, d!)).toBe(main.replace('    worker:\n', `    ${good}:\n`));
  });

  it('rejects a trailing hyphen as an error, and offers the name without it', () => {
    const text = main.replace('    worker:\n', '    worker-:\n');
    const found = find(text, 'type-name-trailing-hyphen');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(analyze(text).valid).toBe(false);
    expect(fixed(text, found[0]!)).toBe(main);
  });

  it('warns when apiVersion is not the current one, and offers the current', () => {
    const [d] = find(main.replace('apiVersion: "0.2.3"', 'apiVersion: 0.2.2'), 'api-version');
    expect(d!.severity).toBe('warning');
    expect(fixed(main.replace('apiVersion: "0.2.3"', 'apiVersion: 0.2.2'), d!)).toBe(main);
  });

  it('warns when parallelisms exceeds completions, and offers completions', () => {
    const text = main.replace(
      '      count: 5\n',
      '      count: 5\n      completions: 2\n      parallelisms: 8\n',
    );
    const [d] = find(text, 'parallelisms-above-completions');
    expect(fixed(text, d!)).toContain('      completions: 2\n      parallelisms: 2\n');
    expect(analyze(text).expansion!.groups[1]!.effectiveParallelism).toBe(2);
  });

  it('warns when the last wave is partly empty', () => {
    const text = main.replace(
      '      count: 5\n',
      '      count: 5\n      completions: 10\n      parallelisms: 4\n',
    );
    expect(find(text, 'partial-last-wave')[0]!.message).toContain('3 waves');
  });

  it('rejects count x parallelisms above 2147483647', () => {
    const text = main.replace(
      '      count: 5\n',
      '      count: 100000\n      completions: 100000\n      parallelisms: 100000\n',
    );
    expect(find(text, 'too-many-pods')).toHaveLength(1);
  });

  it('rejects parallelisms above 100000 (Indexed Job limit)', () => {
    const text = main.replace('      count: 5\n', '      count: 5\n      parallelisms: 100001\n');
    expect(find(text, 'out-of-range')[0]!.path).toEqual([
      'spec',
      'types',
      'worker',
      'parallelisms',
    ]);
  });

  it('rejects debug.jupyter under jobset', () => {
    const text = main.replace(
      '  operator: jobset\n',
      '  operator: jobset\n  debug:\n    jupyter: true\n',
    );
    expect(find(text, 'jupyter-not-supported')).toHaveLength(1);
  });

  it('warns about GPU count without product, and product with count 0', () => {
    expect(
      find(main.replace('            product: NVIDIA-A100-SXM4-80GB\n', ''), 'gpu-product-missing'),
    ).toHaveLength(1);
    expect(
      find(main.replace('            count: 1\n', '            count: 0\n'), 'gpu-product-unused'),
    ).toHaveLength(1);
  });

  it('warns when both ramRatio and memory are set, and uses ramRatio', () => {
    const text = main.replace(
      '        cpus: 1\n        ramRatio: 2\n',
      '        cpus: 1\n        ramRatio: 2\n        memory: 64\n',
    );
    expect(find(text, 'ram-ratio-and-memory')).toHaveLength(1);
    expect(analyze(text).expansion!.groups[0]!.pod.ramGB).toBe(2);
  });

  it('uses memory as GB per pod when there is no ramRatio', () => {
    const text = main.replace(
      '        cpus: 1\n        ramRatio: 2\n',
      '        cpus: 1\n        memory: 8\n',
    );
    expect(analyze(text).expansion!.groups[0]!.pod.ramGB).toBe(8);
  });

  it('shows a group without resources as not set, never 0, and marks totals partial', () => {
    const text = main.replace(
      '      count: 1\n      resources:\n        cpus: 1\n        ramRatio: 2\n',
      '      count: 1\n',
    );
    const a = analyze(text);
    expect(a.expansion!.groups[0]!.pod).toEqual({
      cpus: null,
      ramGB: null,
      gpus: null,
      gpuProduct: null,
    });
    expect(a.expansion!.totals).toMatchObject({ partial: true, peak: { cpus: 24 } });
    expect(find(text, 'resources-not-set')[0]!.severity).toBe('info');
  });

  it('expands well-formed groups while another group has errors', () => {
    const text = main.replace('      count: 5\n', '      count: -5\n');
    const a = analyze(text);
    expect(a.valid).toBe(false);
    const [master, worker, worker2] = a.expansion!.groups;
    expect(master!.pods).toBe(1);
    expect(worker!.pods).toBeNull();
    expect(worker2!.pods).toBe(1);
    expect(a.expansion!.totals).toMatchObject({ pods: 2, partial: true, globalReplicas: null });
  });

  it('opens an operator the platform does not run, checks the common fields and says it cannot draw it', () => {
    const text = main.replace('operator: jobset', 'operator: "jax  r"');
    const a = analyze(text);
    expect(a.expansion).toBeNull();
    expect(a.operator).toBe('jax  r');
    const [d] = find(text, 'operator-not-visualised');
    expect(d!.severity).toBe('info');
    expect(d!.message).toContain('cannot draw its pods');
  });

  it("reads every operator the platform runs into figures, with no 'cannot draw' note", () => {
    const text = main.replace('operator: jobset', 'operator: kuberay');
    const a = analyze(text);
    expect(a.operator).toBe('kuberay');
    expect(a.expansion).not.toBeNull();
    expect(find(text, 'operator-not-visualised')).toEqual([]);
  });

  it('suggests the operator for a typo', () => {
    const [d] = find(main.replace('operator: jobset', 'operator: jobsett'), 'invalid-value');
    expect(d!.message).toContain('Did you mean "jobset"');
  });
});
