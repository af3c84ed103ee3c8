import { describe, expect, it } from 'vitest';
import { LIMITS, parse } from './parse.ts';

const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe('parse', () => {
  it('reads YAML into data and keeps comments out of it', () => {
    const p = parse('# hello\nspec:\n  operator: jobset # inline\n');
    expect(p.data).toEqual({ spec: { operator: 'jobset' } });
    expect(p.diagnostics).toEqual([]);
  });

  it('reports a syntax error with its line and column', () => {
    const p = parse('kind: a\nspec: b: c\n');
    expect(p.syntaxError).toBe(true);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'yaml-syntax',
      line: 2,
      column: 7,
    });
    expect(p.diagnostics[0]!.message).toContain('Nested mappings are not allowed');
  });

  it('reports tabs used for indentation', () => {
    const [d] = parse('spec:\n\toperator: jobset\n').diagnostics;
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 1 });
    expect(d!.message).toMatch(/Tabs/);
  });

  it('reports a duplicate key at the second occurrence, and keeps the data usable', () => {
    const p = parse('spec:\n  image: a\n  image: b\n');
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'duplicate-key', line: 3, column: 3 });
    expect(p.syntaxError).toBe(false);
  });

  it('refuses input over the size limit without parsing it', () => {
    expect(codes('a'.repeat(LIMITS.maxChars + 1))).toEqual(['input-too-large']);
  });

  it('refuses alias expansion bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(codes(bomb)).toEqual(['alias-limit']);
  });

  it('allows a few aliases, as real manifests use them', () => {
    const p = parse('r: &r { cpus: 2 }\ns: *r\n');
    expect(p.data).toEqual({ r: { cpus: 2 }, s: { cpus: 2 } });
  });

  it.each([
    ['nested flow brackets', '['.repeat(100_000)],
    ['compact nested sequences', '- '.repeat(50_000) + 'x'],
    [
      'deep block nesting',
      Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n'),
    ],
  ])('refuses absurd nesting (%s) with a diagnostic instead of crashing', (_name, text) => {
    expect(codes(text)).toEqual(['nesting-too-deep']);
  });

  it('accepts nesting up to the limit', () => {
    const text = '['.repeat(LIMITS.maxDepth - 1) + ']'.repeat(LIMITS.maxDepth - 1);
    expect(codes(text)).toEqual([]);
  });

  it('treats an empty text as empty data', () => {
    const p = parse('');
    expect(p.data).toBeNull();
    expect(p.diagnostics).toEqual([]);
  });
});
