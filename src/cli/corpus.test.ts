// The real-manifest corpus (../shared/corpus/real-manifests, beside the checkout) through the
// CLI: no crash and no exit 2 on any file, and jobset files give the figures their YAML implies.
// In a clone without the corpus these tests report themselves skipped.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CORPUS_DIR, corpusFiles } from '../fixtures/read.ts';
import { runCli } from './run.ts';

const files = corpusFiles();

/** The figures a jobset file's YAML implies, computed here independently of the core. */
function implied(text: string) {
  let data: {
    spec?: { operator?: unknown; types?: Record<string, Record<string, unknown> | null> };
  };
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return null;
  }
  if (
    data?.spec?.operator !== 'jobset' ||
    typeof data.spec.types !== 'object' ||
    !data.spec.types
  ) {
    return null;
  }
  const int = (v: unknown, d: number) =>
    v === undefined ? d : Number.isInteger(v) && (v as number) >= 0 ? (v as number) : null;
  return Object.entries(data.spec.types).map(([name, raw]) => {
    const g = raw ?? {};
    const count = int(g.count, 1);
    const completions = int(g.completions, 1);
    const parallelisms = int(g.parallelisms, 1);
    const res = (g.resources ?? null) as Record<string, unknown> | null;
    const concurrent =
      count === null || completions === null || parallelisms === null
        ? null
        : count * Math.min(completions, parallelisms);
    const cpus = typeof res?.cpus === 'number' && res.cpus > 0 ? res.cpus : null;
    return {
      name,
      pods: count === null || completions === null ? null : count * completions,
      concurrentPods: concurrent,
      peakCpus: concurrent === null || cpus === null ? null : concurrent * cpus,
    };
  });
}

describe.skipIf(files.length === 0)(`real corpus (${CORPUS_DIR})`, () => {
  it('holds the 205 files it is documented to hold', () => {
    expect(files.length).toBeGreaterThanOrEqual(205);
  });

  it.each(files.map((f) => [basename(f), f]))(
    '%s validates without crash or exit 2',
    async (_n, file) => {
      const r = await runCli(['validate', file]);
      expect([0, 1]).toContain(r.code);
      for (const line of r.stdout.split('\n').filter(Boolean)) {
        expect(line).toMatch(/^.+:\d+:\d+: (error|warning|info) [a-z-]+: .+/);
      }
    },
  );

  it.each(files.map((f) => [basename(f), f]))(
    '%s expands to the figures its YAML implies',
    async (_n, file) => {
      const r = await runCli(['expand', file]);
      expect([0, 1]).toContain(r.code);
      const json = JSON.parse(r.stdout);
      expect(json.valid).toBe(r.code === 0);
      const expected = implied(readFileSync(file, 'utf8'));
      if (expected === null) return; // not a readable jobset file: nothing to expand
      expect(
        json.types.map(
          (t: { name: string; pods: number; concurrentPods: number; peak: { cpus: number } }) => ({
            name: t.name,
            pods: t.pods,
            concurrentPods: t.concurrentPods,
            peakCpus: t.peak.cpus,
          }),
        ),
      ).toEqual(expected);
    },
  );
});
