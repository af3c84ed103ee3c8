// The verdict as the analysis carries it (the Kueue setting), and the export's queue label.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gpuTrainers, KUEUE_FIXTURES } from '../../fixtures/read.ts';
import { analyze, analyzer } from '../analyze.ts';
import { exportJobSet } from '../k8s/export.ts';
import { queueMetadata } from './verdict.ts';
import { PRIORITY_LABEL, QUEUE_LABEL } from './workload.ts';

const queues = readFileSync(join(KUEUE_FIXTURES, 'queues.yaml'), 'utf8');
const kueue = { queues, localQueue: '', version: '' };

describe('the Kueue setting in the analysis', () => {
  it('gives the verdict, and the export joins the LocalQueue by its label', () => {
    const a = analyze(gpuTrainers(3), { kueue });
    expect(a.kueue?.kind).toBe('verdict');
    if (a.kueue?.kind !== 'verdict') return;
    expect(a.kueue.admission.verdict).toBe('admitted');
    const r = exportJobSet(a, undefined, queueMetadata(a.kueue, kueue));
    expect(r.kind).toBe('exported');
    if (r.kind !== 'exported') return;
    const jobset = parse(r.yaml) as {
      metadata: { namespace?: string; labels?: Record<string, string> };
    };
    // In the LocalQueue's namespace: a LocalQueue serves its own namespace only.
    expect(jobset.metadata.namespace).toBe('ml');
    expect(jobset.metadata.labels).toEqual({ [QUEUE_LABEL]: 'main' });
    // A priority class asked for: its label too.
    const withPriority = exportJobSet(
      a,
      undefined,
      queueMetadata(a.kueue, { ...kueue, priorityClass: 'high' }),
    );
    if (withPriority.kind !== 'exported') throw new Error(withPriority.kind);
    expect((parse(withPriority.yaml) as typeof jobset).metadata.labels).toEqual({
      [QUEUE_LABEL]: 'main',
      [PRIORITY_LABEL]: 'high',
    });
  });

  it('without queues: no verdict and no label', () => {
    const a = analyze(gpuTrainers(3));
    expect(a.kueue).toBeNull();
    const r = exportJobSet(a, undefined, queueMetadata(a.kueue, kueue));
    if (r.kind !== 'exported') throw new Error(r.kind);
    expect((parse(r.yaml) as { metadata: object }).metadata).toEqual({ name: expect.any(String) });
  });

  it('names what is wrong: unreadable YAML at its line, an invalid design without a verdict', () => {
    const broken = analyze(gpuTrainers(3), { kueue: { ...kueue, queues: 'a: [b\n' } });
    expect(broken.kueue).toMatchObject({
      kind: 'problems',
      problems: [{ path: expect.stringMatching(/^line \d+$/) }],
    });
    // Aliases multiplied past the YAML library's limit: a problem, never a failed analysis.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`,
        ),
      )
      .join('\n');
    const bombed = analyze(gpuTrainers(3), { kueue: { ...kueue, queues: bomb } });
    expect(bombed.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    expect(bombed.kueue).toMatchObject({ kind: 'problems' });
    const invalid = analyze(gpuTrainers(3).replace('count: 3', 'count: -3'), { kueue });
    expect(invalid.kueue).toMatchObject({ kind: 'no-jobset' });
  });
});

describe("an analyzer's queues, kept between analyses", () => {
  it('answers as a fresh analysis does while the design changes, and again once the queues do', () => {
    const an = analyzer();
    const tighter = queues.replace('borrowingLimit: 8', 'borrowingLimit: 0');
    const steps: [string, string][] = [
      [gpuTrainers(2), queues],
      [gpuTrainers(3), queues],
      [gpuTrainers(3), tighter],
      [gpuTrainers(1), tighter],
      [gpuTrainers(1), 'a: [b\n'],
      [gpuTrainers(3), queues],
    ];
    const verdicts = steps.map(([text, q]) => {
      const settings = { kueue: { ...kueue, queues: q } };
      const kept = an(text, settings).kueue;
      expect(kept).toEqual(analyze(text, settings).kueue);
      return kept?.kind === 'verdict' ? kept.admission.verdict : kept?.kind;
    });
    expect(verdicts).toEqual(['admitted', 'admitted', 'never', 'admitted', 'problems', 'admitted']);
  });
});

describe('admitted workloads in the setting', () => {
  it('hold quota, and a design that waits says when it would start', () => {
    const workloads = readFileSync(join(KUEUE_FIXTURES, 'workloads.yaml'), 'utf8');
    const a = analyze(gpuTrainers(3), { kueue: { ...kueue, workloads } });
    expect(a.kueue).toMatchObject({
      kind: 'verdict',
      admitted: 1,
      admission: { verdict: 'waits' },
      start: { kind: 'at', time: Date.parse('2026-12-07T14:00:00Z'), after: ['ml/other'] },
    });
    // The analyzer keeps the queues' documents, never the usage added to them.
    const an = analyzer();
    expect(an(gpuTrainers(3), { kueue: { ...kueue, workloads } }).kueue).toEqual(a.kueue);
    expect(an(gpuTrainers(3), { kueue }).kueue).toEqual(analyze(gpuTrainers(3), { kueue }).kueue);
    expect(an(gpuTrainers(3), { kueue }).kueue).toMatchObject({
      admission: { verdict: 'admitted' },
    });
  });
});
