/**
 * `jobset-designer validate | expand | pods | json`: the core on the command line, for checking a
 * manifest in CI before submitting it. Exit codes: 0 valid, 1 invalid, 2 unreadable file or
 * wrong usage (with a one-line message on stderr).
 */
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import {
  allPods,
  analyze,
  countBySeverity,
  decodeManifest,
  jsonOf,
  type Analysis,
} from '../core/index.ts';
import { diagnosticJson, expandJson, podJson } from './report.ts';

export const USAGE = `Usage:
  jobset-designer validate <file|-> [--json]   check a manifest; one line per problem
  jobset-designer expand <file|->               figures per group and in total, as JSON
  jobset-designer pods <file|-> [--type T] [--limit N]
                                                every pod as one JSON line (streamed)
  jobset-designer json <file|->                 the manifest as JSON, as the platform reads it
                                                (merge keys resolved)
Exit codes: 0 valid, 1 invalid, 2 unreadable file or wrong usage.`;

class UsageError extends Error {}

/** The commands that only make sense for `operator: jobset`. */
const JOBSET_ONLY: ReadonlySet<string> = new Set(['pods']);

interface Args {
  readonly command: 'validate' | 'expand' | 'pods' | 'json';
  readonly file: string;
  readonly json: boolean;
  readonly type: string | null;
  readonly limit: number;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'validate' && command !== 'expand' && command !== 'pods' && command !== 'json') {
    throw new UsageError(
      command
        ? `unknown command "${command}" (use validate, expand, pods or json)`
        : 'no command given (use validate, expand, pods or json)',
    );
  }
  let file: string | null = null;
  let json = false;
  let type: string | null = null;
  let limit = Infinity;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json' && command === 'validate') json = true;
    else if (arg === '--type' && command === 'pods') type = value();
    else if (arg === '--limit' && command === 'pods') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--limit needs a whole number, not "${v}"`);
      limit = Number(v);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}" for ${command}`);
    } else if (file === null) file = arg;
    else throw new UsageError(`only one file at a time (got "${file}" and "${arg}")`);
  }
  if (file === null) throw new UsageError(`${command} needs a file, or - for standard input`);
  return { command, file, json, type, limit };
}

/** The streams the CLI talks to: the process's own, or a test's. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** The file's text, decoded as the designer decodes files (UTF-8, or UTF-16 with a BOM). */
async function readInput(file: string, stdin: Readable): Promise<string> {
  let bytes: Buffer;
  if (file !== '-') bytes = await readFile(file);
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    bytes = Buffer.concat(chunks);
  }
  const decoded = decodeManifest(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  if (!decoded.ok) throw new Unreadable(decoded.reason);
  return decoded.text;
}

class Unreadable extends Error {}

export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  const out = new Output(io.stdout);
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (err) {
    const message = err instanceof UsageError ? err.message : String(err);
    io.stderr.write(`jobset-designer: ${message}. Run jobset-designer --help for usage.\n`);
    return 2;
  }
  if (args === 'help') {
    await out.write(USAGE + '\n');
    return 0;
  }
  let text: string;
  try {
    text = await readInput(args.file, io.stdin);
  } catch (err) {
    io.stderr.write(`jobset-designer: cannot read ${args.file}: ${readError(err)}\n`);
    return 2;
  }
  const analysis = analyze(text);
  const code = analysis.valid ? 0 : 1;
  // Commands about Jobs and pods need a jobset manifest; any other operator is a usage error.
  if (JOBSET_ONLY.has(args.command) && analysis.operator !== 'jobset' && !analysis.syntaxError) {
    io.stderr.write(
      `jobset-designer: ${args.command} needs spec.operator: jobset; ${args.file === '-' ? 'this manifest' : args.file} uses ${analysis.operator === null ? 'no operator' : analysis.operator}\n`,
    );
    return 2;
  }
  switch (args.command) {
    case 'validate':
      await printValidate(args, analysis, out, io.stderr);
      return code;
    case 'expand':
      await out.write(JSON.stringify(expandJson(analysis), null, 2) + '\n');
      return code;
    case 'json':
      if (analysis.syntaxError) {
        io.stderr.write(
          `jobset-designer: ${args.file} has no JSON form: ${analysis.diagnostics[0]?.message ?? 'it cannot be read'}\n`,
        );
        return 1;
      }
      // The same bytes as the designer's "Download JSON".
      await out.write(jsonOf(analysis.data));
      return code;
    case 'pods': {
      const names = analysis.expansion?.groups.map((g) => g.name) ?? [];
      if (args.type !== null && !names.includes(args.type)) {
        io.stderr.write(
          `jobset-designer: no group "${args.type}" in ${args.file} (groups: ${names.join(', ') || 'none'})\n`,
        );
        return 2;
      }
      if (!analysis.expansion) {
        io.stderr.write('jobset-designer: no pods to list: no jobset design could be read\n');
      }
      await streamPods(analysis, args, out);
      return code;
    }
  }
}

function readError(err: unknown): string {
  if (err instanceof Unreadable) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
  };
  return (code && known[code]) ?? (err instanceof Error ? err.message : String(err));
}

async function printValidate(
  args: Args,
  analysis: Analysis,
  out: Output,
  stderr: Writable,
): Promise<void> {
  const name = args.file === '-' ? '<stdin>' : args.file;
  if (args.json) {
    await out.write(
      JSON.stringify(
        { valid: analysis.valid, diagnostics: analysis.diagnostics.map(diagnosticJson) },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const lines = analysis.diagnostics.map(
    (d) => `${name}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
  );
  if (lines.length) await out.write(lines.join('\n') + '\n');
  const c = countBySeverity(analysis.diagnostics);
  stderr.write(
    `${name}: ${analysis.valid ? 'valid' : 'invalid'} (${c.error} error(s), ${c.warning} warning(s), ${c.info} info)\n`,
  );
}

/** Pods as JSON lines, in 64 KB chunks that wait for the pipe to drain: memory stays flat. */
async function streamPods(analysis: Analysis, args: Args, out: Output): Promise<void> {
  if (!analysis.expansion || !analysis.schedule) return;
  let chunk = '';
  let n = 0;
  for (const pod of allPods(analysis.expansion, analysis.schedule.plan, args.type ?? undefined)) {
    if (n++ >= args.limit) break;
    chunk += JSON.stringify(podJson(pod)) + '\n';
    if (chunk.length >= 65_536) {
      if (!(await out.write(chunk))) return;
      chunk = '';
    }
  }
  if (chunk) await out.write(chunk);
}

/**
 * Writes that wait for `drain`, so output never piles up in memory, and that stop quietly once
 * the reader has gone (EPIPE from `| head`).
 */
class Output {
  private gone = false;
  private readonly stream: Writable;

  constructor(stream: Writable) {
    this.stream = stream;
    stream.on('error', () => {
      this.gone = true;
      stream.destroy();
    });
  }

  write(text: string): Promise<boolean> {
    if (this.gone) return Promise.resolve(false);
    return new Promise((resolve) => {
      if (this.stream.write(text)) return resolve(true);
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve(!this.gone);
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }
}
