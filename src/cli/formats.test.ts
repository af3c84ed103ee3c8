// `validate` for CI: SARIF, GitHub workflow commands, several files and patterns with one
// summary line and the worst exit code, and design links in place of files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, readFixture, withTypes } from '../fixtures/read.ts';
import { encodeDesign } from '../core/link/codec.ts';
import { runCli } from './run.ts';

const valid = readFixture('platform-main');
// Line 10 is `      count: -3`: an error; the name `Bad_name` is another error on line 9.
const invalid = withTypes('    Bad_name:\n      count: -3\n');
const commaName = 'odd, name: here.yaml';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobset-validate-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('manifests/main.yaml', valid);
  put('manifests/deep/bad.yml', invalid);
  put('manifests/notes.txt', 'not a manifest');
  put('manifests/.hidden/skip.yaml', invalid);
  put('node_modules/pkg/skip.yaml', invalid);
  put(commaName, invalid);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validate = (...args: string[]) => runCli(['validate', ...args], '', dir);

describe('validate --format sarif', () => {
  it('writes SARIF 2.1.0 with rules that have help, and a result per problem at its place', async () => {
    const r = await validate('--format', 'sarif', 'manifests/main.yaml', 'manifests/deep/bad.yml');
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('jobset-designer');
    const rules = run.tool.driver.rules as { id: string; help: { text: string } }[];
    for (const rule of rules) expect(rule.help.text.length).toBeGreaterThan(20);

    // The same problems as the text format, at the same places.
    const text = await validate('manifests/deep/bad.yml');
    const expected = text.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [, file, l, c, severity, code] = line.match(/^(.+?):(\d+):(\d+): (\w+) ([\w-]+):/)!;
        return { file, line: Number(l), column: Number(c), severity, code };
      });
    expect(expected.map((e) => e.code)).toEqual(
      expect.arrayContaining(['type-name-invalid', 'out-of-range']),
    );
    const results = run.results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
    expect(
      results.map((x) => ({
        file: x.locations[0]!.physicalLocation.artifactLocation.uri,
        line: x.locations[0]!.physicalLocation.region.startLine,
        column: x.locations[0]!.physicalLocation.region.startColumn,
        severity: { error: 'error', warning: 'warning', note: 'info' }[x.level],
        code: x.ruleId,
      })),
    ).toEqual(expected);
    for (const x of results) {
      expect(rules[x.ruleIndex]!.id).toBe(x.ruleId);
      expect(x.message.text).not.toBe('');
      const region = x.locations[0]!.physicalLocation.region;
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    }
    const outOfRange = results.find((x) => x.ruleId === 'out-of-range')!;
    expect(outOfRange.level).toBe('error');
    expect(outOfRange.locations[0]!.physicalLocation.region).toEqual({
      startLine: 10,
      startColumn: 14,
      endLine: 10,
      endColumn: 16,
    });
  });

  it('reports an unreadable file as a failed execution, and still writes SARIF', async () => {
    const r = await validate('--format=sarif', 'manifests/main.yaml', 'missing.yaml');
    expect(r.code).toBe(2);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      'cannot read missing.yaml: no such file',
    );
  });
});

describe('validate --format github', () => {
  it('prints one workflow command per problem, with its place and code', async () => {
    const r = await validate('--format', 'github', 'manifests/deep/bad.yml');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines)
      expect(line).toMatch(
        /^::(error|warning|notice) file=manifests\/deep\/bad\.yml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w-]+::\S/,
      );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=manifests\/deep\/bad\.yml,line=10,col=14,endLine=10,endColumn=16,title=out-of-range::/,
      ),
    );
  });

  it('escapes commas and colons in the file name, and newlines in messages', async () => {
    const r = await validate('--format', 'github', commaName);
    for (const line of r.stdout.trim().split('\n')) {
      expect(line).toMatch(/^::\w+ file=odd%2C name%3A here\.yaml,line=/);
      expect(line.split('::')).toHaveLength(3);
    }
  });
});

describe('validate with several files and patterns', () => {
  it('expands a pattern itself, skipping hidden folders and node_modules, and sums up in one line', async () => {
    const r = await validate('**/*.{yaml,yml}');
    expect(r.code).toBe(1); // the worst: one file is invalid
    const files = new Set(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.match(/^(.+?):\d+:\d+: /)![1]),
    );
    expect([...files].sort()).toEqual(['manifests/deep/bad.yml', commaName].sort());
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^jobset-designer: 3 files checked: 1 valid, 2 invalid \(\d+ errors, \d+ warnings?, \d+ info\)$/,
      ),
    ]);
  });

  it('exits with the worst code: a pattern that matches nothing is unreadable (2)', async () => {
    const r = await validate('manifests/*.yaml', 'manifests/deep/*.yml', 'configs/*.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobset-designer: no file matches configs/*.yaml');
    expect(r.stderr).toMatch(/3 files checked: 1 valid, 1 invalid, 1 unreadable/);
  });

  it('exits 0 when every file is valid', async () => {
    const r = await validate('manifests/*.yaml', 'manifests/m?in.yaml');
    expect(r.code).toBe(0);
    // Both patterns match manifests/main.yaml: it is read once.
    expect(r.stderr).toMatch(/1 file checked: 1 valid, 0 invalid/);
  });

  it('expands an absolute pattern from its own root, not the working folder', async () => {
    const r = await validate(`${dir}/manifests/*.yaml`);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 file checked: 1 valid, 0 invalid/);
  });

  it('reads a missing v1.yaml as a missing file, not as a link', async () => {
    const r = await validate('v1.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jobset-designer: cannot read v1.yaml: no such file\n');
  });

  it('matches a crafted name in linear time, and calls a pattern it cannot read a usage error', async () => {
    // `*_*_*_*_*.yaml` against a long name of underscores took 37 s as a regular expression.
    const long = `${'_'.repeat(200)}x.yml`;
    writeFileSync(join(dir, 'manifests', long), 'kind: x\n');
    try {
      const r = await validate('manifests/*_*_*_*_*.yaml');
      expect(r.stderr).toContain('no file matches manifests/*_*_*_*_*.yaml');
      const many = await validate('manifests/*_*_*_*_*x.y?l');
      expect(many.stdout + many.stderr).toContain(long);
    } finally {
      rmSync(join(dir, 'manifests', long));
    }
    const bad = await validate('manifests/[z-a].yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'jobset-designer: the pattern "[z-a].yaml" has the empty range [z-a]. Run jobset-designer --help for usage.\n',
    );
  });

  it('prints one JSON report of every file with --json', async () => {
    const r = await validate('--json', 'manifests/**/*.y*ml');
    const report = JSON.parse(r.stdout);
    expect(report.valid).toBe(false);
    expect(report.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      ['manifests/deep/bad.yml', false],
      ['manifests/main.yaml', true],
    ]);
    expect(report.summary).toMatchObject({ files: 2, valid: 1, invalid: 1, unreadable: 0 });
  });
});

describe('a design link in place of a file', () => {
  const settings = { durations: { worker: 3 } };

  it('expands the design of a whole address, with its settings (pod durations)', async () => {
    const link = await encodeDesign({ text: valid, settings });
    const r = await runCli(['expand', `http://127.0.0.1:4173/#${link}`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totals.pods).toBe(7);
    const worker = out.schedule.groups.find((g: { name: string }) => g.name === 'worker');
    expect(worker).toMatchObject({ duration: 3, runHours: 3 });
    expect(out.schedule.makespan).toBe(3);
  });

  it("gives the run simulated on the link's cluster (16 one-GPU trials on 4 free GPUs: 4 h)", async () => {
    const text = readFixture('hyperparameter-sweep');
    const product = text.match(/product: (\S+)/)![1]!;
    const link = await encodeDesign({ text, settings: { capacity: { gpus: { [product]: 4 } } } });
    const out = JSON.parse((await runCli(['expand', link!])).stdout);
    expect(out.schedule.makespan).toBe(1);
    expect(out.schedule.simulated).toEqual({ makespan: 4 });
    const plain = JSON.parse((await runCli(['expand', '-'], text)).stdout);
    expect(plain.schedule.simulated).toBeNull();
  });

  it('validates a fragment alone, naming it <link>', async () => {
    const link = await encodeDesign({ text: invalid, settings: {} });
    const r = await runCli(['validate', `#${link}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<link>:10:14: error out-of-range: /m);
  });

  it('exits 2 with the reason for a damaged link or an address without a design', async () => {
    const link = await encodeDesign({ text: valid, settings });
    const cut = await runCli(['validate', `http://127.0.0.1:4173/#${link!.slice(0, 40)}`]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(
      /^jobset-designer: cannot open the link: the link is cut short .*\n$/,
    );
    const changed = link!.slice(0, 40) + (link![40] === 'A' ? 'B' : 'A') + link!.slice(41);
    const damaged = await runCli(['validate', `#${changed}`]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('the link is damaged (some of its characters were changed)');
    const bare = await runCli(['pods', 'http://127.0.0.1:4173/']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('the link holds no design');
  });
});

describe('file names in CI output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobset-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const invalidText = withTypes('    worker:\n      count: -3\n');

  /** The path a SARIF location's URI stands for, resolved as a reader of SARIF does. */
  const fromUri = (uri: string) =>
    uri.startsWith('file:')
      ? fileURLToPath(uri)
      : decodeURIComponent(new URL(uri, 'file:///base/').pathname).slice('/base/'.length);
  /** The `file=` property of a workflow command, unescaped as the runner does. */
  const fromGithub = (line: string) =>
    /file=([^,]*),/
      .exec(line)![1]!
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':')
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%25/g, '%');

  it('SARIF and GitHub locations resolve back to the file, whatever its name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-zA-Z0-9 #?%&=+;:,<>'!@$()[\]{}~é☕-]{1,16}$/),
        fc.boolean(),
        async (stem, absolute) => {
          const base = `${stem.replace(/^[-.]/, 'x')}.yaml`;
          writeFileSync(join(dir, base), invalidText);
          const arg = absolute ? join(dir, base) : base;
          const sarif = await runCli(['validate', '--format', 'sarif', arg], '', dir);
          const loc = JSON.parse(sarif.stdout).runs[0].results[0].locations[0];
          expect(fromUri(loc.physicalLocation.artifactLocation.uri)).toBe(arg);
          const gh = await runCli(['validate', '--format', 'github', arg], '', dir);
          expect(fromGithub(gh.stdout.split('\n')[0]!)).toBe(arg);
        },
      ),
      { numRuns: 60, seed: 22 },
    );
  });

  it('keeps the location of a file named like <stdin> or <x>.yaml; stdin and links have none', async () => {
    for (const name of ['<x>.yaml', '<stdin>', 'a#1.yaml', 'b?.yaml']) {
      writeFileSync(join(dir, name), invalidText);
      const sarif = await runCli(['validate', '--format', 'sarif', name], '', dir);
      const result = JSON.parse(sarif.stdout).runs[0].results[0];
      expect(result.locations, name).toHaveLength(1);
      expect(fromUri(result.locations[0].physicalLocation.artifactLocation.uri)).toBe(name);
      const gh = await runCli(['validate', '--format', 'github', name], '', dir);
      expect(gh.stdout, name).toContain(' file=');
    }
    const stdin = await runCli(['validate', '--format', 'sarif', '-'], invalidText, dir);
    expect(JSON.parse(stdin.stdout).runs[0].results[0].locations).toEqual([]);
  });
});

describe('user text on a terminal or in a CI log', () => {
  // A key and a group name holding CR/LF with a workflow command after them, and ESC sequences.
  const hostile = withTypes(
    '    "w\\n::error file=evil.yaml::owned\\u001b[31m":\n      count: 1\n      "x\\r\\n::warning::injected": 1\n',
  );
  const commandLines = (out: string) => out.split('\n').filter((l) => /^::/.test(l));

  it('text: no line starts a GitHub command, no escape sequence reaches the terminal', async () => {
    const r = await runCli(['validate', '-'], hostile);
    expect(r.stdout + r.stderr).toContain('owned'); // the precondition: the text is reported
    expect(commandLines(r.stdout)).toEqual([]);
    expect(commandLines(r.stderr)).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain('\u001b');
    expect(r.stdout + r.stderr).not.toContain('\r');
  });

  it('github: one command per problem, none injected', async () => {
    const r = await runCli(['validate', '--format', 'github', '-'], hostile);
    const lines = commandLines(r.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /^::(error|warning|notice) title=[a-z0-9-]+::/.test(l))).toBe(true);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('diff and import print names escaped', async () => {
    const d = await runCli(['diff', '-', fixturePath('platform-main')], hostile);
    expect(d.stdout).toContain('owned');
    expect(commandLines(d.stdout)).toEqual([]);
    expect(d.stdout).not.toContain('\u001b');
  });
});
