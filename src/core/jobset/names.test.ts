// Name-length rules: JobSet's webhook cases (jobset-crd.md §5.1) and AIchor's 24-character name.
import { describe, expect, it } from 'vitest';
import { withTypes } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { generatedNameLengths } from './names.ts';

describe('generatedNameLengths (webhook V7/V8)', () => {
  it('a 62-character JobSet with rjob "rj" and 101 replicas makes 69-character Job names', () => {
    expect(generatedNameLengths('a'.repeat(62), 'rj', 101, 1).job).toBe(69);
  });

  it('a 56-character JobSet with one replica and one completion makes 69-character pod names', () => {
    const l = generatedNameLengths('a'.repeat(56), 'rj', 1, 1);
    expect(l.job).toBe(61);
    expect(l.pod).toBe(69);
  });

  it('a 55-character generated name with rjob "worker" makes a 64-character Job name', () => {
    expect(generatedNameLengths('a'.repeat(55), 'worker', 1, 1).job).toBe(64);
  });

  it('keeps the webhook quirk: 0 replicas index as "-1"', () => {
    expect(generatedNameLengths('js', 'w', 0, 1).job).toBe('js-w--1'.length);
  });
});

function manifest(type: string, count: number, completions: number): string {
  return withTypes(`    ${type}:
      count: ${count}
      completions: ${completions}
      resources: { cpus: 1, ramRatio: 1 }
`);
}

const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

describe('type name length with the platform experiment name', () => {
  it('accepts len(t) + digits(count-1) + digits(completions-1) = 30', () => {
    expect(codes(manifest('a'.repeat(28), 10, 10))).toEqual([]);
  });

  it('rejects pod names one character longer, and says how short the name must be', () => {
    const d = analyze(manifest('a'.repeat(29), 10, 10)).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['pod-name-too-long']);
    expect(d[0]!.message).toContain('28 characters or fewer');
    expect(d[0]!).toMatchObject({ line: 9, column: 5, endLine: 9, endColumn: 34 });
  });

  it('accepts 26 characters for 100 Jobs x 100 pods and rejects 27', () => {
    expect(codes(manifest('a'.repeat(26), 100, 100))).toEqual([]);
    expect(codes(manifest('a'.repeat(27), 100, 100))).toEqual(['pod-name-too-long']);
  });

  it('reports Job names over 63 characters (len(t) + digits(count-1) > 37)', () => {
    expect(codes(manifest('a'.repeat(36), 10, 1))).toEqual(['pod-name-too-long']);
    expect(codes(manifest('a'.repeat(37), 1, 1))).toEqual(['job-name-too-long']);
  });
});
