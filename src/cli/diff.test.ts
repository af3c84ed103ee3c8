// `jobset-designer diff A B`: the same deltas as the designer's comparison, as text or JSON, exit 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../fixtures/read.ts';
import { encodeDesign } from '../core/link/codec.ts';
import { runCli } from './run.ts';

describe('diff', () => {
  it('prints the totals of both designs with their deltas, and each group, and exits 0', async () => {
    const r = await runCli(['diff', fixturePath('platform-main'), fixturePath('two-groups')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/platform-main\.yaml\s+.*two-groups\.yaml\s+change$/);
    expect(lines.find((l) => l.startsWith('Pods'))).toMatch(
      /^Pods\s+7\s+\d+\s+[+-]\d+$|^Pods\s+7\s+7\s+no change$/,
    );
    expect(r.stdout).toContain('Groups:');
  });

  it('finds a renamed group, and says when two designs run the same', async () => {
    const a = readFixture('platform-main');
    const b = a.replace('worker-2:', 'helper:');
    const link = await encodeDesign({ text: b, settings: {} });
    const r = await runCli(['diff', '-', `#${link!}`], a);
    expect(r.stdout).toContain('worker-2 → helper: renamed');
    const same = await runCli(['diff', '-', fixturePath('platform-main')], a);
    expect(same.stdout).toContain('The designs run the same.');
  });

  it('prints JSON with --json', async () => {
    const text = readFixture('platform-main');
    const r = await runCli(
      ['diff', '-', fixturePath('platform-main'), '--json'],
      text.replace('count: 5', 'count: 6'),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      a: string;
      b: string;
      totals: { key: string; a: number; b: number; delta: number }[];
      groups: { kind: string; name: string; changes: { field: string }[] }[];
    };
    expect(out.a).toBe('<stdin>');
    expect(out.totals.find((t) => t.key === 'jobs')).toMatchObject({ a: 8, b: 7, delta: -1 });
    expect(out.groups.find((g) => g.name === 'worker')).toMatchObject({ kind: 'changed' });
  });

  it('exits 2 for a missing file or a wrong number of designs', async () => {
    expect((await runCli(['diff', 'missing.yaml', fixturePath('two-groups')])).code).toBe(2);
    const one = await runCli(['diff', fixturePath('two-groups')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff compares two designs');
  });
});

describe('diff refuses what it cannot read', () => {
  it('exits 2 for a side with a YAML syntax error, naming its problem, instead of comparing it as empty', async () => {
    const good = readFixture('two-groups');
    const dir = mkdtempSync(join(tmpdir(), 'jobset-diff-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), good);
      writeFileSync(join(dir, 'b.yaml'), good.replace('spec:', 'spec: [unclosed'));
      const r = await runCli(['diff', 'a.yaml', 'b.yaml'], '', dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^jobset-designer: cannot compare b\.yaml: line \d+: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
