// `jobset-designer diff A B --format markdown`: a pull-request comment. The golden file is
// src/fixtures/diff/platform-main-change.md, of src/fixtures/read.ts `platformMainChange` (to write it again after a deliberate change of the
// output: UPDATE_GOLDEN=1 npx vitest run src/cli/diff-markdown.test.ts, then read the diff).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFF_GOLDEN as GOLDEN, platformMainChange } from '../fixtures/read.ts';
import { decodeDesign } from '../core/link/codec.ts';
import { marked } from 'marked';
import { analyze } from '../core/analyze.ts';
import { compareDesigns, diffMarkdown } from '../core/index.ts';
import { runCli } from './run.ts';

const { before: BEFORE, after: AFTER } = platformMainChange();

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diff-md-'));
  writeFileSync(join(dir, 'before.yaml'), BEFORE);
  writeFileSync(join(dir, 'after.yaml'), AFTER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The known change as Markdown, with links into the designer at `url`. */
const markdownOf = (url: string) =>
  runCli(
    ['diff', 'before.yaml', 'after.yaml', '--format', 'markdown', '--designer-url', url],
    '',
    dir,
  );

describe('diff --format markdown', () => {
  it('the known change, as the golden file has it', async () => {
    const r = await runCli(['diff', 'before.yaml', 'after.yaml', '--format', 'markdown'], '', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, r.stdout);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
    // The precondition of a useful golden: the change touches each kind of line.
    expect(r.stdout).toMatch(/\| Pods \| 7 \| 10 \| \*\*\+3\*\* \|/);
    expect(r.stdout).toContain('**worker-2** → **helper**: renamed');
    expect(r.stdout).toContain('**evaluator**: added');
    expect(r.stdout).toContain('`GLOBAL_REPLICAS`: 7 → 10');
  });

  it('links open each side, and the comparison, in the designer at the address given', async () => {
    const base = 'https://example.org/tools/designer/?team=ml';
    const r = await markdownOf(`${base}#old`);
    const links = [
      ...r.stdout.matchAll(/\[(Open before\.yaml|Open after\.yaml|Compare them)\]\(([^)]+)\)/g),
    ];
    expect(links.map((m) => m[1])).toEqual(['Open before.yaml', 'Open after.yaml', 'Compare them']);
    const opened = await Promise.all(
      links.map(async ([, , url]) => {
        expect(url!.startsWith(`${base}#v2.`)).toBe(true);
        const d = await decodeDesign(url!.slice(url!.indexOf('#')));
        if (!d.ok) throw new Error(d.reason);
        return d.design;
      }),
    );
    expect(opened[0]!.text).toBe(BEFORE);
    expect(opened[1]!.text).toBe(AFTER);
    expect(opened[2]).toMatchObject({
      text: AFTER,
      compare: { text: BEFORE, label: 'before.yaml', currentFirst: false },
    });
  });

  it('the base side from standard input, as `git show main:manifest.yaml | … diff - manifest.yaml`', async () => {
    const r = await runCli(['diff', '-', 'after.yaml', '--format', 'markdown'], BEFORE, dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('### &lt;stdin&gt; → after.yaml');
    expect(r.stdout).toContain('| Pods | 7 | 10 | **+3** |');
  });

  it('--name-a names the base side read from standard input', async () => {
    const r = await runCli(
      ['diff', '-', 'after.yaml', '--format', 'markdown', '--name-a', 'main:after.yaml'],
      BEFORE,
      dir,
    );
    expect(r.stdout.split('\n')[0]).toBe('### main:\u2060after.yaml → after.yaml');
  });

  it('nothing GitHub would turn into a link, a mention, math, an emoji or reversed text', async () => {
    const name =
      'x @octocat https://evil.example/a www.evil.com a@b.com $x^2$ :rocket: \u202egpj.exe';
    const md = diffMarkdown(
      { ...compareDesigns(analyze(BEFORE), analyze(AFTER)), operators: { a: name, b: 'jobset' } },
      name,
      'after.yaml',
    );
    const html = await marked.parse(md, { gfm: true });
    // The precondition: the name is in the comment, as text.
    expect(html).toContain('octocat');
    expect(html).not.toMatch(/<a |<img/);
    expect(html).not.toContain('\u202e');
    expect(html).toContain('\\u{202e}');
    expect(md).toContain('@\u2060octocat');
    expect(md).toContain('https:\u2060//evil');
    expect(md).toContain('www\u2060.evil');
    expect(md).toContain(':\u2060rocket:\u2060');
    expect(md).toContain('\\$x^2\\$');
  });

  it('--designer-url with a user name or password is refused', async () => {
    const r = await markdownOf('https://designer.example.org@evil.example/');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--designer-url is an address with no user name or password');
  });

  it('names are text, never markup: a file named with Markdown and HTML stays one table cell', async () => {
    const name = 'a|<img src=x onerror=alert(1)>*b*[c](d).yaml';
    writeFileSync(join(dir, name), AFTER);
    const r = await runCli(['diff', 'before.yaml', name, '--format', 'markdown'], '', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<img');
    const header = r.stdout.split('\n').find((l) => l.startsWith('|  | before.yaml'))!;
    // Four cells: the unescaped pipes are the table's own.
    expect(header.split(/(?<!\\)\|/).length - 2).toBe(4);
  });

  it('exit 2 with a message: markdown for validate, a designer address that is not http', async () => {
    const v = await runCli(['validate', 'before.yaml', '--format', 'markdown'], '', dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(
      'validate --format is one of text, json, sarif, github, not "markdown"',
    );
    const u = await markdownOf('javascript:alert(1)');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--designer-url is an http or https address');
  });
});
