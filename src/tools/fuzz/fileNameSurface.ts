/**
 * File names: odd names through `validate --format sarif|github`; each location resolves back
 * to the file.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../cli/run.ts';
import { designText, genGroups } from './designs.ts';
import type { Rng } from './mutate.ts';
import type { Json, SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

const NAME_CHARS = [
  ...'abcXYZ019-_.',
  '#',
  '?',
  '%',
  '%2F',
  ':',
  ',',
  ';',
  '&',
  '=',
  ' ',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '|',
  '+',
  '@',
  '!',
  '$',
  '(',
  ')',
  '~',
  '`',
  'é',
  'ß',
  '日本',
  '🙂',
  '%25',
  '%0A',
  '::',
];

function fileName(rng: Rng): string {
  const segments = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
  const parts: string[] = [];
  for (let s = 0; s < segments; s++) {
    let p = '';
    for (let n = 1 + rng.int(10); n > 0; n--) p += rng.pick(NAME_CHARS);
    if (p === '.' || p === '..') p = `${p}x`;
    parts.push(p);
  }
  const name = `${parts.join('/')}${rng.pick(['.yaml', '.yml', '', '.yaml#1'])}`;
  // `-` alone is standard input, even after `--` (the convention every tool keeps).
  return name === '-' ? '-.yaml' : name;
}

/** A GitHub workflow command's properties, read as the runner reads them. */
export function githubProperties(line: string): Record<string, string> | null {
  const m = /^::(error|warning|notice) ([^:]*(?:%3A[^:]*)*)::/.exec(line);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const kv of m[2]!.split(',')) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    out[kv.slice(0, eq)] = kv
      .slice(eq + 1)
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  }
  return out;
}

export async function fileNameCase({ rng, dir }: SurfaceContext): Promise<SurfaceResult> {
  const name = fileName(rng);
  const root = join(dir, 'names');
  rmSync(root, { recursive: true, force: true });
  const path = join(root, name);
  mkdirSync(join(path, '..'), { recursive: true });
  // An error and a warning, so that every format has locations to write.
  writeFileSync(path, designText(genGroups(rng, 1)).replace(/count: \d+/, 'count: -1'));
  const sarif = await runCli(['validate', '--format', 'sarif', '--', name], '', root);
  let log: Json;
  try {
    log = JSON.parse(sarif.stdout) as Json;
  } catch {
    return { problem: `no SARIF (exit ${sarif.code}): ${sarif.stderr.slice(0, 200)}`, input: name };
  }
  const results = ((log.runs as Json[])[0]!.results as Json[]) ?? [];
  if (results.length === 0) return { problem: 'SARIF has no result for the file', input: name };
  const base = pathToFileURL(`${root}/`);
  for (const r of results) {
    const uri = (((r.locations as Json[])[0]!.physicalLocation as Json).artifactLocation as Json)
      .uri as string;
    let back: string;
    try {
      back = fileURLToPath(new URL(uri, base));
    } catch (err) {
      return { problem: `SARIF uri ${uri} does not resolve: ${String(err)}`, input: name };
    }
    if (back !== path)
      return { problem: `SARIF uri ${uri} resolves to ${back}, not the file`, input: name };
  }
  const github = await runCli(['validate', '--format', 'github', '--', name], '', root);
  const lines = github.stdout.split('\n').filter((l) => l !== '');
  if (lines.length === 0) return { problem: 'no GitHub command for the file', input: name };
  for (const line of lines) {
    const props = githubProperties(line);
    if (!props) return { problem: `not a workflow command: ${line.slice(0, 120)}`, input: name };
    if (props.file !== name)
      return { problem: `file=${JSON.stringify(props.file)} is not the file`, input: name };
  }
  return { problem: null, input: name };
}
