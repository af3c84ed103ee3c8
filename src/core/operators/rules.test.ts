// The rules for the operators other than jobset (SEMANTICS.md "Other operators"), through
// `analyze(text).diagnostics`; each quick fix is applied with the core's own `fixEdit` and the
// result read back.
import { describe, expect, it } from 'vitest';
import { pyyamlRead } from '../../fixtures/pyyaml.ts';
import { operatorManifest, slurmManifest } from '../../fixtures/operatorManifest.ts';
import { analyze } from '../analyze.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { fixEdit } from '../edit/fix.ts';
import { applyEdit } from '../edit/text.ts';
import { isObject } from '../own.ts';

const manifest = operatorManifest;

const find = (text: string, code: string): Diagnostic[] =>
  analyze(text).diagnostics.filter((d) => d.code === code);

/** The text with the fix titled `title` of `d` applied. */
function applyFix(text: string, d: Diagnostic, title: string): string {
  const fix = d.fixes?.find((f) => f.title === title);
  expect(fix, `a fix titled ${title}`).toBeDefined();
  const r = fixEdit(text, fix!);
  if (!r.ok) throw new Error(r.reason);
  return applyEdit(text, r.edit);
}

/** `spec.types` of the text as read back. */
function typesOf(text: string): Record<string, unknown> {
  const a = analyze(text);
  expect(a.syntaxError).toBe(false);
  const spec = isObject(a.data) && isObject(a.data.spec) ? a.data.spec : {};
  return isObject(spec.types) ? spec.types : {};
}

const slurm = (job: string) => slurmManifest(['      ntasks: 2', '      cpus_per_task: 1', job]);

describe('pytorch 0.2.3 with the 0.2.2 shape', () => {
  const text = manifest(
    'pytorch',
    '0.2.3',
    [
      '    # the coordinator',
      '    Master:',
      '      count: 1',
      '      resources:',
      '        cpus: 8',
      '        ramRatio: 4',
      '    # the training pods',
      '    Worker:',
      '      count: 3 # three of them',
      '      resources:',
      '        cpus: 8 # per pod',
      '        ramRatio: 4',
      '',
    ].join('\n'),
  );
  const title = 'Fold Master into worker (count 4)';

  it('warns, with a fix that folds Master into worker (count N+1)', () => {
    const ds = find(text, 'operator-types');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.fixes?.map((f) => f.title)).toContain(title);
  });

  it('the fix reads back as one worker group of 4 pods, no warning, comments kept', () => {
    const before = analyze(text);
    expect(before.expansion!.totals.pods).toBe(4);
    expect(before.expansion!.groups.map((g) => g.name)).toEqual(['Master', 'Worker']);
    const fixed = applyFix(text, find(text, 'operator-types')[0]!, title);
    const after = analyze(fixed);
    expect(after.expansion!.groups.map((g) => [g.name, g.count])).toEqual([['worker', 4]]);
    expect(after.expansion!.totals.pods).toBe(4);
    expect(after.expansion!.groups[0]!.pod).toMatchObject({ cpus: 8, ramGB: 32 });
    expect(after.diagnostics.filter((d) => d.code === 'operator-types')).toEqual([]);
    expect(fixed).toContain('# the training pods');
    expect(fixed).toContain('# three of them');
    expect(fixed).toContain('cpus: 8 # per pod');
    expect(fixed).not.toMatch(/^\s*Master:/m);
  });

  it('offers no fold when Master and Worker ask for different resources', () => {
    const different = text.replace(
      '        cpus: 8\n        ramRatio: 4\n    # the',
      '        cpus: 2\n        ramRatio: 4\n    # the',
    );
    expect(different).not.toBe(text);
    const ds = find(different, 'operator-types');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.fixes?.some((f) => f.title.startsWith('Fold Master')) ?? false).toBe(false);
  });

  it('a lone Worker gets a fix that renames it worker', () => {
    const lone = manifest(
      'pytorch',
      '0.2.3',
      '    Worker:\n      count: 3\n      resources:\n        cpus: 2\n        ramRatio: 2\n',
    );
    const ds = find(lone, 'operator-types');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    const fixed = applyFix(lone, ds[0]!, 'Rename Worker to worker');
    expect(Object.keys(typesOf(fixed))).toEqual(['worker']);
    expect(find(fixed, 'operator-types')).toEqual([]);
    expect(analyze(fixed).expansion!.groups.map((g) => [g.name, g.count])).toEqual([['worker', 3]]);
  });

  it('the 0.2.3 shape under 0.2.3 has no operator-types warning', () => {
    const ok = manifest('pytorch', '0.2.3', '    worker:\n      count: 4\n');
    expect(analyze(ok).expansion!.totals.pods).toBe(4);
    expect(find(ok, 'operator-types')).toEqual([]);
  });
});

describe('kuberay', () => {
  const head =
    '    Head:\n      count: 2\n      resources:\n        cpus: 2\n        ramRatio: 3\n';
  const workers = '    Workers:\n      - name: cpu\n        count: 2\n';

  it('a count on Head is not read: a warning whose fix removes it', () => {
    const text = manifest('kuberay', '0.2.3', head + workers);
    const ds = find(text, 'operator-types');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toEqual(['spec', 'types', 'Head', 'count']);
    const fixed = applyFix(text, ds[0]!, ds[0]!.fixes![0]!.title);
    const headAfter = typesOf(fixed).Head;
    expect(isObject(headAfter)).toBe(true);
    expect(Object.hasOwn(headAfter as object, 'count')).toBe(false);
    expect(headAfter).toMatchObject({ resources: { cpus: 2, ramRatio: 3 } });
    expect(find(fixed, 'operator-types')).toEqual([]);
  });

  it('Workers written as a map is an error', () => {
    const text = manifest(
      'kuberay',
      '0.2.3',
      '    Head:\n      resources:\n        cpus: 2\n    Workers:\n      name: cpu\n      count: 2\n',
    );
    const ds = find(text, 'operator-types').filter((d) => d.severity === 'error');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toEqual(['spec', 'types', 'Workers']);
  });

  it('Workers as a list is no error', () => {
    const text = manifest(
      'kuberay',
      '0.2.3',
      '    Head:\n      resources:\n        cpus: 2\n' + workers,
    );
    expect(find(text, 'operator-types')).toEqual([]);
  });
});

describe('vertexai', () => {
  const text = manifest(
    'vertexai',
    '0.2.3',
    [
      '    workerPoolSpecs:',
      '      - machineSpec:',
      '          machineType: n1-standard-4 # 4 vCPUs',
      '        replicaCo: 1',
      '      - machineSpec:',
      '          machineType: n1-standard-8',
      '        replicaCo: 3',
      '',
    ].join('\n'),
  );

  it('a misspelt replicaCount is misspelt-key, with a fix renaming it', () => {
    const ds = find(text, 'misspelt-key');
    expect(ds.map((d) => d.path)).toEqual([
      ['spec', 'types', 'workerPoolSpecs', 0, 'replicaCo'],
      ['spec', 'types', 'workerPoolSpecs', 1, 'replicaCo'],
    ]);
    expect(ds[0]!.fixes?.map((f) => f.title)).toContain('Rename to replicaCount');
  });

  it('the fix reads back as replicaCount, with no misspelt-key left for that pool', () => {
    const second = find(text, 'misspelt-key')[1]!;
    const fixed = applyFix(text, second, 'Rename to replicaCount');
    const pools = typesOf(fixed).workerPoolSpecs as Record<string, unknown>[];
    expect(pools[1]).toEqual({ machineSpec: { machineType: 'n1-standard-8' }, replicaCount: 3 });
    expect(find(fixed, 'misspelt-key').map((d) => d.path)).toEqual([
      ['spec', 'types', 'workerPoolSpecs', 0, 'replicaCo'],
    ]);
    expect(analyze(fixed).expansion!.groups[1]!.count).toBe(3);
    expect(fixed).toContain('# 4 vCPUs');
  });

  it('an unknown machine type gets machine-type-unknown; a known one does not', () => {
    const unknown = manifest(
      'vertexai',
      '0.2.3',
      '    workerPoolSpecs:\n      - machineSpec:\n          machineType: a2-megagpu-16g\n        replicaCount: 1\n',
    );
    const ds = find(unknown, 'machine-type-unknown');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.path).toEqual([
      'spec',
      'types',
      'workerPoolSpecs',
      0,
      'machineSpec',
      'machineType',
    ]);
    expect(
      find(unknown.replace('a2-megagpu-16g', 'n1-highmem-16'), 'machine-type-unknown'),
    ).toEqual([]);
  });
});

describe('slurm', () => {
  it('an unquoted time that is a number (43200) for YAML 1.1: warn, and the fix quotes it', () => {
    const text = slurm('      time: 12:00:00\n');
    // Precondition, from the platform's reader itself: PyYAML reads it as the number 43200.
    const [read] = pyyamlRead([text]);
    expect((read as { spec: { types: { job: { time: unknown } } } }).spec.types.job.time).toBe(
      43200,
    );
    const ds = find(text, 'slurm-time-number');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message).toContain('43200');
    const fixed = applyFix(text, ds[0]!, ds[0]!.fixes![0]!.title);
    expect(fixed).toContain('time: "12:00:00"');
    expect(find(fixed, 'slurm-time-number')).toEqual([]);
    expect((typesOf(fixed).job as Record<string, unknown>).time).toBe('12:00:00');
  });

  it('warns exactly where PyYAML reads a number: 1:00:00 and 10:30, not 01:00:00 or 00:30:00', () => {
    const times = ['01:00:00', '1:00:00', '10:30', '00:30:00', '12:00:00', '2-12:00:00'];
    const texts = times.map((t) => slurm(`      time: ${t}\n`));
    const read = pyyamlRead(texts).map(
      (d) => (d as { spec: { types: { job: { time: unknown } } } }).spec.types.job.time,
    );
    // The oracle: PyYAML's own reading of each.
    expect(read).toEqual(['01:00:00', 3600, 630, '00:30:00', 43200, '2-12:00:00']);
    const warned = texts.map((t) => find(t, 'slurm-time-number').length === 1);
    expect(warned).toEqual(read.map((v) => typeof v === 'number'));
  });

  it('a quoted time, or minutes, is no warning', () => {
    expect(find(slurm('      time: "01:00:00"\n'), 'slurm-time-number')).toEqual([]);
    expect(find(slurm("      time: '01:00:00'\n"), 'slurm-time-number')).toEqual([]);
    expect(find(slurm('      time: 90\n'), 'slurm-time-number')).toEqual([]);
  });

  it('memory_per_cpu: lots is slurm-value; 1G is not', () => {
    const ds = find(slurm('      memory_per_cpu: lots\n'), 'slurm-value');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toEqual(['spec', 'types', 'job', 'memory_per_cpu']);
    expect(find(slurm('      memory_per_cpu: 1G\n'), 'slurm-value')).toEqual([]);
  });

  it("reads 0, UNLIMITED and INFINITE as Slurm's no time limit; a time of 'soon' is slurm-value", () => {
    expect(find(slurm('      time: soon\n'), 'slurm-value')).toHaveLength(1);
    for (const t of ['0', 'UNLIMITED', 'infinite'])
      expect(find(slurm(`      time: ${t}\n`), 'slurm-value')).toEqual([]);
  });

  it('a slurm file without apiVersion, builder and spec.image has no missing-key error', () => {
    const text = slurm('      memory_per_cpu: 1G\n');
    // Precondition: the same file as jobset lacks those keys.
    const asJobset = text.replace('operator: slurm', 'operator: jobset');
    const jobsetMissing = find(asJobset, 'missing-key').map((d) => d.path.join('.'));
    expect(jobsetMissing).toEqual(expect.arrayContaining(['apiVersion']));
    expect(find(text, 'missing-key')).toEqual([]);
  });
});

describe('operator-not-visualised', () => {
  it('an operator the platform does not run ("jax  r") gets the info', () => {
    const text = manifest('"jax  r"', '0.2.3', '    worker:\n      count: 1\n');
    const a = analyze(text);
    expect(a.operator).toBe('jax  r');
    const ds = a.diagnostics.filter((d) => d.code === 'operator-not-visualised');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.path).toEqual(['spec', 'operator']);
  });

  it.each(['jax', 'pytorch', 'xgboost', 'kuberay', 'vertexai', 'tf', 'batchjob', 'ray', 'slurm'])(
    'a known operator (%s) does not',
    (operator) => {
      const text = manifest(operator, '0.2.3', '    worker:\n      count: 1\n');
      expect(analyze(text).operator).toBe(operator);
      expect(find(text, 'operator-not-visualised')).toEqual([]);
    },
  );
});
