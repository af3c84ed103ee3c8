// The lint rules that keep user-chosen names off the prototype are themselves tested: each
// pattern is caught where it is written, and the safe form passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/read.ts';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restricted(code: string, file = 'src/features/sidebar/Example.tsx') {
  const [r] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
}

describe('own-property lookups by user-chosen names', () => {
  it('catches map[name] ?? x, map[g.name] ?? x, map?.[p] and map[name] = v', async () => {
    const code = [
      'export function f(durations: Record<string, number>, g: { name: string }, name: string, p: string, gpus?: Record<string, number>) {',
      '  const a = durations[name] ?? 1;',
      '  const b = durations[g.name] ?? 1;',
      '  const c = gpus?.[p];',
      '  durations[name] = 2;',
      '  return a + b + (c ?? 0);',
      '}',
      '',
    ].join('\n');
    expect(await restricted(code)).toEqual([2, 3, 4, 5]);
  });

  it('passes getOwn and putOwn, and indexes by position', async () => {
    const code = [
      "import { getOwn, putOwn } from '../../core/own.ts';",
      'export function f(durations: Record<string, number>, name: string, xs: number[], i: number) {',
      '  putOwn(durations, name, 2);',
      '  return (getOwn(durations, name) ?? 1) + (xs[i] ?? 0);',
      '}',
      '',
    ].join('\n');
    expect(await restricted(code)).toEqual([]);
  });
});
