// `export --to jobset` and `import`: the JobSet on stdout, exit codes as documented, stdin and
// design links as inputs, and the round trip through both commands.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFixture } from '../fixtures/read.ts';
import { encodeDesign } from '../core/link/codec.ts';
import { runCli } from './run.ts';

describe('export --to jobset', () => {
  it('writes the JobSet to stdout and exits 0', async () => {
    const r = await runCli(
      ['export', '-', '--to', 'jobset', '--name', 'sweep'],
      readFixture('platform-main'),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const js = parseYaml(r.stdout) as { kind: string; metadata: { name: string } };
    expect(js.kind).toBe('JobSet');
    expect(js.metadata.name).toBe('sweep');
  });

  it('writes nothing to stdout for an invalid manifest: the problems on stderr, exit 1', async () => {
    const text = readFixture('platform-main').replace('count: 5', 'count: -5');
    const r = await runCli(['export', '-', '--to', 'jobset'], text);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error /);
    expect(r.stderr).toContain('invalid, not exported');
  });

  it('exits 2 naming the operator of a manifest of another operator', async () => {
    const text = readFixture('platform-main').replace('operator: jobset', 'operator: kuberay');
    const r = await runCli(['export', '-', '--to', 'jobset'], text);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('uses kuberay');
  });

  it('exits 2 for a name Kubernetes would refuse, and for another target', async () => {
    const bad = await runCli(['export', '-', '--name', 'My_Run'], readFixture('platform-main'));
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('JobSet name "My_Run"');
    const other = await runCli(['export', '-', '--to', 'helm'], readFixture('platform-main'));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('not "helm"');
  });

  it('takes a design link, with the JobSet name saved in it', async () => {
    const link = await encodeDesign({
      text: readFixture('two-groups'),
      settings: { jobsetName: 'from-link' },
    });
    const r = await runCli(['export', `http://localhost:4173/#${link!}`, '--to', 'jobset']);
    expect(r.code).toBe(0);
    expect((parseYaml(r.stdout) as { metadata: { name: string } }).metadata.name).toBe('from-link');
  });
});

describe('import', () => {
  it('writes the manifest to stdout, the report to stderr, and exits 0', async () => {
    const jobset = (await runCli(['export', '-'], readFixture('heterogeneous-pools'))).stdout;
    const edited = jobset.replace(
      '    - name: coordinator',
      '    - name: coordinator\n      dependsOn: [{ name: x, status: Ready }]',
    );
    const r = await runCli(['import', '-'], edited);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kind: AIchorManifest');
    // The group by its name, and the exact path after the message.
    expect(r.stderr).toMatch(
      /^<stdin>: warning group "coordinator" › dependsOn: .* \[spec\.replicatedJobs\[0\]\.dependsOn\]$/m,
    );
    // And the manifest validates with the same figures as the design it came from.
    const before = JSON.parse(
      (await runCli(['expand', '-'], readFixture('heterogeneous-pools'))).stdout,
    );
    const after = JSON.parse((await runCli(['expand', '-'], r.stdout)).stdout);
    expect(after.totals).toEqual(before.totals);
    expect((await runCli(['validate', '-'], r.stdout)).code).toBe(0);
  });

  it('exits 2 when the input is not a JobSet', async () => {
    const r = await runCli(['import', '-'], readFixture('platform-main'));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('not a Kubernetes JobSet');
  });

  it('points a JobSet given to export at import', async () => {
    const jobset = (await runCli(['export', '-'], readFixture('two-groups'))).stdout;
    const r = await runCli(['export', '-'], jobset);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use jobset-designer import');
  });
});
