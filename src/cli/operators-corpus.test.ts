// The real corpus's non-jobset manifests (pytorch, xgboost, jax, tf, batchjob, kuberay, ray,
// vertexai, slurm): the figures `expand` prints are those an independent oracle computes from the
// written contract (SEMANTICS.md "Other operators"), in Python with PyYAML and no code of the
// designer's: src/fixtures/operator_figures.py. In a clone without the corpus this reports
// itself skipped.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { CORPUS_DIR, REPO_ROOT, corpusFiles } from '../fixtures/read.ts';
import { expandJson } from './report.ts';

const ORACLE = join(REPO_ROOT, 'src/fixtures/operator_figures.py');
const TOLERANCE = 1e-6;
/** Part of the message that said, before every operator had figures, that only jobset had them. */
const JOBSET_ONLY = 'covers `jobset` only';
/** Files per operator the oracle reads in the corpus today (as SEMANTICS.md "Other operators" lists). */
const FILES_PER_OPERATOR: Record<string, number> = {
  pytorch: 51,
  kuberay: 28,
  jax: 20,
  tf: 17,
  xgboost: 16,
  slurm: 10,
  vertexai: 7,
  batchjob: 4,
  ray: 2,
};

type Figure = number | null;

/** What the oracle prints for a file it reads; null for a file it skips. */
interface Expected {
  operator: string;
  types: { name: string; pods: Figure }[];
  totals: {
    jobs: Figure;
    pods: Figure;
    concurrentPods: Figure;
    peak: { cpus: Figure; ramGB: Figure; gpus: Figure; gpusByProduct: Record<string, number> };
  };
}

interface Checked {
  file: string;
  expected: Expected;
  got: ReturnType<typeof expandJson>;
}

function oracle(texts: readonly string[]): (Expected | null)[] {
  const r = spawnSync('python3', [ORACLE], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${ORACLE} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as (Expected | null)[];
}

const files = corpusFiles();
let memo: Checked[] | null = null;

/** Every file the oracle reads, with the oracle's figures and the designer's (computed once). */
function checked(): Checked[] {
  if (memo) return memo;
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const expected = oracle(texts);
  memo = files.flatMap((f, i) => {
    const e = expected[i];
    return e ? [{ file: basename(f), expected: e, got: expandJson(analyze(texts[i]!)) }] : [];
  });
  return memo;
}

const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
const showTypes = (ts: readonly { name: string; pods: Figure }[]) =>
  `[${ts.map((t) => `${t.name}:${t.pods ?? 'null'}`).join(', ')}]`;

function sameFigure(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= TOLERANCE;
}

function sameByProduct(a: Record<string, number>, b: unknown): boolean {
  if (typeof b !== 'object' || b === null) return false;
  const other = b as Record<string, unknown>;
  const keys = Object.keys(a).sort();
  const otherKeys = Object.keys(other).sort();
  return (
    keys.length === otherKeys.length &&
    keys.every((k, i) => k === otherKeys[i] && sameFigure(a[k], other[k]))
  );
}

/** `file: field expected X got Y`, for each field of one file that differs. */
function mismatches({ file, expected, got }: Checked): string[] {
  const out: string[] = [];
  const differ = (field: string, want: unknown, have: unknown) =>
    out.push(`${file}: ${field} expected ${show(want)} got ${show(have)}`);

  if (got.operator !== expected.operator) differ('operator', expected.operator, got.operator);
  const types = got.types.map((t) => ({ name: t.name, pods: t.pods }));
  if (
    types.length !== expected.types.length ||
    types.some(
      (t, i) => t.name !== expected.types[i]!.name || !sameFigure(t.pods, expected.types[i]!.pods),
    )
  ) {
    out.push(`${file}: types expected ${showTypes(expected.types)} got ${showTypes(types)}`);
  }
  const want = expected.totals;
  const have = got.totals;
  if (have === null) {
    differ('totals', want, have);
    return out;
  }
  for (const key of ['jobs', 'pods', 'concurrentPods'] as const) {
    if (!sameFigure(want[key], have[key])) differ(`totals.${key}`, want[key], have[key]);
  }
  for (const key of ['cpus', 'ramGB', 'gpus'] as const) {
    if (!sameFigure(want.peak[key], have.peak?.[key])) {
      differ(`totals.peak.${key}`, want.peak[key], have.peak?.[key]);
    }
  }
  if (!sameByProduct(want.peak.gpusByProduct, have.peak?.gpusByProduct)) {
    differ('totals.peak.gpusByProduct', want.peak.gpusByProduct, have.peak?.gpusByProduct);
  }
  return out;
}

/** One string listing every problem, so that one failure shows them all. */
const report = (problems: readonly string[]) =>
  problems.length === 0 ? '' : `${problems.length} problem(s):\n${problems.join('\n')}`;

describe.skipIf(files.length === 0)(
  `non-jobset operators of the real corpus (${CORPUS_DIR})`,
  () => {
    it('checks at least 150 files, with the documented number of files per operator', () => {
      const all = checked();
      expect(all.length).toBeGreaterThanOrEqual(150);
      const perOperator: Record<string, number> = {};
      for (const c of all)
        perOperator[c.expected.operator] = (perOperator[c.expected.operator] ?? 0) + 1;
      expect(perOperator).toEqual(FILES_PER_OPERATOR);
    });

    it('gives every file the figures the written contract implies', () => {
      expect(report(checked().flatMap(mismatches))).toBe('');
    });

    it('no longer says that only jobset gets the job x pod view', () => {
      const problems = checked().flatMap(({ file, got }) =>
        got.diagnostics
          .filter((d) => d.message.includes(JOBSET_ONLY))
          .map((d) => `${file}: diagnostic ${d.code} expected none got ${show(d.message)}`),
      );
      expect(report(problems)).toBe('');
    });
  },
);
