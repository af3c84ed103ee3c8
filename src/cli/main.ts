/**
 * `jobset-designer validate | expand | pods | json | export | import`: the core on the command
 * line, for checking manifests in CI and pre-commit hooks and for moving designs to and from
 * Kubernetes. Exit codes: 0 valid, 1 invalid, 2 unreadable input or wrong usage (with a one-line
 * message on stderr); for several inputs, the worst of them.
 */
import { constants, existsSync } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs as parseArgsOf } from 'node:util';
import {
  allPods,
  analyze,
  compareDesigns,
  diffLines,
  countBySeverity,
  exportJobSet,
  importJobSet,
  jsonOf,
  looksLikeJobSet,
  DEFAULT_MAX_PODS,
  podProgram,
  programInput,
  type Analysis,
} from '../core/index.ts';
import {
  exitCode,
  FORMATS,
  githubLines,
  jsonReport,
  sarifReport,
  summarize,
  summaryLine,
  textLines,
  type Checked,
  type Format,
} from './formats.ts';
import { expandGlob, GlobError, isGlob } from './glob.ts';
import { isLink, readDesign, Unreadable, type Design } from './inputs.ts';
import { rehearse, type RehearseOptions } from './rehearse.ts';
import { diagnosticJson, expandJson, podJson } from './report.ts';
import { terminalText } from '../core/safe.ts';
import { startWatchdog, type Watchdog } from './watchdog.ts';

export const USAGE = `Usage:
  jobset-designer validate <input>... [--format text|json|sarif|github] [--json]
                          check manifests; one line per problem, then a summary
  jobset-designer expand <input>          figures per group and in total, as JSON
  jobset-designer pods <input> [--type T] [--limit N]
                                          every pod as one JSON line (streamed)
  jobset-designer json <input>            the manifest as JSON, as the platform reads it
                                          (merge keys resolved)
  jobset-designer export <input> --to jobset [--name NAME]
                                          the design as a Kubernetes JobSet (YAML)
  jobset-designer import <input>          a Kubernetes JobSet as an AIchor manifest; what did
                                          not carry over is reported on stderr
  jobset-designer program <input> [--out DIR]
                                          the pod program (jobset_env.py and the script the
                                          manifest's command runs, else main.py) into DIR
                                          (default: the current folder), with a link's sweeps
  jobset-designer rehearse <input> [--out DIR] [--seconds-per-hour S] [--program DIR |
                          --command CMD] [--stagger S] [--seed N] [--delay POD=S]...
                          [--kill POD@S]... [--deadline S] [--timeout S] [--port P] [--max-pods N]
                                          run every pod as a local process on its schedule;
                                          logs and rehearsal.json in DIR (default: rehearsal);
                                          exit 0 all pods succeeded, 1 some failed
  jobset-designer diff <a> <b> [--json]   what changing design a into b does: totals and their
                                          deltas, and each group added, removed, renamed or changed
An <input> is a file, a pattern such as 'manifests/**/*.yaml', - for standard input, or a
design link (the designer's address, or just its #v2... part) with its settings. After --, every
argument is an input, even one that starts with a dash.
Exit codes: 0 valid, 1 invalid, 2 unreadable input or wrong usage (the worst of all inputs).
A check that takes more than 10 s (JOBSET_DESIGNER_DEADLINE_S) is stopped, with a message.`;

class UsageError extends Error {}

/**
 * One line on a terminal or a CI log (stderr): the user text in it (names, keys, messages)
 * escaped, so that it can neither start a line of its own nor send escape sequences.
 */
function say(stream: Writable, line: string): void {
  stream.write(terminalText(line) + '\n');
}

/** The commands that only make sense for `operator: jobset`. */
const JOBSET_ONLY: ReadonlySet<string> = new Set(['pods', 'export', 'program', 'rehearse']);

const COMMANDS = [
  'validate',
  'expand',
  'pods',
  'json',
  'export',
  'import',
  'diff',
  'program',
  'rehearse',
] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (x: string | undefined): x is Command =>
  (COMMANDS as readonly (string | undefined)[]).includes(x);
const COMMAND_LIST = 'validate, expand, pods, json, export, import, diff, program or rehearse';

interface Args {
  readonly command: Command;
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly type: string | null;
  readonly limit: number;
  /** `export --name`: the JobSet's name. */
  readonly name: string | null;
  /** `program --out`, `rehearse --out`: where the files go. */
  readonly out: string | null;
  /** `rehearse`'s own options (the others are left at their defaults). */
  readonly rehearse: Omit<RehearseOptions, 'out'>;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (!isCommand(command)) {
    throw new UsageError(
      command
        ? `unknown command "${command}" (use ${COMMAND_LIST})`
        : `no command given (use ${COMMAND_LIST})`,
    );
  }
  const inputs: string[] = [];
  let format: Format | null = null;
  let type: string | null = null;
  let limit = Infinity;
  let name: string | null = null;
  let outDir: string | null = null;
  const r = {
    programDir: null as string | null,
    command: null as string | null,
    secondsPerHour: 1,
    stagger: 0,
    delays: new Map<string, number>(),
    kills: new Map<string, number>(),
    seed: 1,
    maxPods: DEFAULT_MAX_PODS,
    deadline: null as number | null,
    timeout: null as number | null,
    port: null as number | null,
  };
  const setFormat = (f: Format) => {
    if (format !== null && format !== f)
      throw new UsageError(`two formats asked for (${format} and ${f})`);
    format = f;
  };
  // Node's own parser reads `--format sarif`, `--format=sarif` and `--`; the options each
  // command takes, and the messages, are ours.
  const { tokens } = parseArgsOf({
    args: [...rest],
    options: OPTION_TYPES,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === 'positional') {
      inputs.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue; // `--`: what follows is positional
    const raw = rest[t.index]!;
    const arg = `--${t.name}`;
    if (!t.rawName.startsWith('--') || !takes(command, arg)) {
      throw new UsageError(`unknown option "${raw}" for ${command}`);
    }
    const value = () => {
      if (t.value === undefined) throw new UsageError(`${arg} needs a value`);
      return t.value;
    };
    if (arg === '--json') setFormat('json');
    else if (arg === '--format') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v))
        throw new UsageError(`--format is one of ${FORMATS.join(', ')}, not "${v}"`);
      setFormat(v as Format);
    } else if (arg === '--type') type = value();
    else if (arg === '--limit') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--limit needs a whole number, not "${v}"`);
      limit = Number(v);
    } else if (arg === '--to') {
      const v = value();
      if (v !== 'jobset') throw new UsageError(`export --to knows one target, jobset, not "${v}"`);
    } else if (arg === '--name') name = value();
    else if (arg === '--out') outDir = value();
    else rehearseOption(r, arg, value());
  }
  if (inputs.length === 0)
    throw new UsageError(`${command} needs a file, a design link, or - for standard input`);
  if (inputs.filter((x) => x === '-').length > 1)
    throw new UsageError('standard input (-) can be read once');
  if (command === 'diff') {
    if (inputs.length !== 2)
      throw new UsageError(`diff compares two designs (got ${inputs.length})`);
  } else if (command !== 'validate' && inputs.length > 1)
    throw new UsageError(`${command} reads one input at a time (got ${inputs.length})`);
  if (r.programDir !== null && r.command !== null)
    throw new UsageError('rehearse runs --program DIR or --command CMD, not both');
  return {
    command,
    inputs,
    format: format ?? 'text',
    type,
    limit,
    name,
    out: outDir,
    rehearse: r,
  };
}

/** Each command's options (`--help` aside). */
const COMMAND_OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  validate: ['--json', '--format'],
  diff: ['--json'],
  expand: [],
  json: [],
  import: [],
  pods: ['--type', '--limit'],
  export: ['--to', '--name'],
  program: ['--out'],
  rehearse: [
    '--out',
    '--program',
    '--command',
    '--seconds-per-hour',
    '--stagger',
    '--delay',
    '--kill',
    '--seed',
    '--max-pods',
    '--deadline',
    '--timeout',
    '--port',
  ],
};
const takes = (command: Command, option: string) => COMMAND_OPTIONS[command].includes(option);
/** How Node's parser reads each option: a flag, or one that takes a value. */
const OPTION_TYPES = Object.fromEntries(
  [...new Set(Object.values(COMMAND_OPTIONS).flat())].map((o) => [
    o.slice(2),
    { type: o === '--json' ? ('boolean' as const) : ('string' as const) },
  ]),
);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One `rehearse` option into `r`; a bad value is a usage error that says what is expected. */
function rehearseOption(r: Mutable<Omit<RehearseOptions, 'out'>>, arg: string, v: string): void {
  const seconds = (x: string, what: string) => {
    const n = /^\d+(\.\d+)?$/.test(x) ? Number(x) : NaN;
    if (!Number.isFinite(n))
      throw new UsageError(`${what} needs seconds (a number >= 0), not "${x}"`);
    return n;
  };
  const whole = (x: string, what: string, min: number, max: number) => {
    const n = /^\d+$/.test(x) ? Number(x) : NaN;
    if (!(n >= min && n <= max))
      throw new UsageError(`${what} needs a whole number from ${min} to ${max}, not "${x}"`);
    return n;
  };
  const fault = (sep: string, what: string, into: Map<string, number>) => {
    const at = v.lastIndexOf(sep);
    if (at <= 0)
      throw new UsageError(`${what} is POD${sep}SECONDS (worker-0-1${sep}2), not "${v}"`);
    into.set(v.slice(0, at), seconds(v.slice(at + 1), what));
  };
  switch (arg) {
    case '--program':
      r.programDir = v;
      break;
    case '--command':
      r.command = v;
      break;
    case '--seconds-per-hour': {
      const n = seconds(v, arg);
      if (n <= 0) throw new UsageError(`--seconds-per-hour needs a number above 0, not "${v}"`);
      r.secondsPerHour = n;
      break;
    }
    case '--stagger':
      r.stagger = seconds(v, arg);
      break;
    case '--delay':
      fault('=', arg, r.delays as Map<string, number>);
      break;
    case '--kill':
      fault('@', arg, r.kills as Map<string, number>);
      break;
    case '--seed':
      r.seed = whole(v, arg, 0, 2 ** 31 - 1);
      break;
    case '--max-pods':
      r.maxPods = whole(v, arg, 1, 100_000);
      break;
    case '--deadline':
      r.deadline = seconds(v, arg);
      break;
    case '--timeout':
      r.timeout = seconds(v, arg);
      break;
    case '--port':
      r.port = whole(v, arg, 1024, 65_535);
      break;
  }
}

/** The streams the CLI talks to: the process's own, or a test's. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Where relative paths and patterns start (the process's working folder). */
  readonly dir?: string;
  /** Stops a long command (`rehearse`) as Ctrl+C would; without it, the process's signals do. */
  readonly signal?: AbortSignal;
}

/** How messages name an input that is not a file. */
function nameOf(arg: string, dir: string): string {
  return arg === '-' ? '<stdin>' : isLink(arg, dir) ? '<link>' : arg;
}

/**
 * Each argument as the inputs it stands for: a pattern for the files it matches. With `once`
 * (validate), a name that an earlier argument already stands for is read once (overlapping
 * patterns); a file named otherwise (`./a.yaml`, its absolute path) is another input, as it is
 * written. `diff a.yaml a.yaml` still compares a file with itself.
 */
function expandInputs(inputs: readonly string[], cwd: string, once: boolean) {
  const out: ({ readonly arg: string } | { readonly unmatched: string })[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (once && seen.has(file)) return;
    seen.add(file);
    out.push({ arg: file });
  };
  for (const arg of inputs) {
    if (arg === '-' || isLink(arg, cwd)) out.push({ arg });
    else if (!isGlob(arg) || existsSync(resolve(cwd, arg))) add(arg);
    else {
      const files = expandGlob(arg, cwd);
      if (files.length === 0) out.push({ unmatched: arg });
      for (const f of files) add(f);
    }
  }
  return out;
}

async function check(arg: string, stdin: Readable, dir: string): Promise<Checked> {
  let design: Design;
  try {
    design = await readDesign(arg, stdin, dir);
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    const name = nameOf(arg, dir);
    return { kind: 'unreadable', name, file: name === arg ? arg : null, reason: err.message };
  }
  watchdog?.begin(design.name);
  try {
    return { kind: 'checked', design, analysis: analyze(design.text, design.settings) };
  } finally {
    watchdog?.end();
  }
}

/** The deadline of each check: started by the real command only (see watchdog.ts). */
let watchdog: Watchdog | null = null;

export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  if (io === process) watchdog ??= startWatchdog();
  const out = new Output(io.stdout);
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (err) {
    const message = err instanceof UsageError ? err.message : String(err);
    say(io.stderr, `jobset-designer: ${message}. Run jobset-designer --help for usage.`);
    return 2;
  }
  if (args === 'help') {
    await out.write(USAGE + '\n');
    return 0;
  }
  const dir = io.dir ?? process.cwd();
  let expanded: ReturnType<typeof expandInputs>;
  try {
    expanded = expandInputs(args.inputs, dir, args.command === 'validate');
  } catch (err) {
    if (!(err instanceof GlobError)) throw err;
    say(io.stderr, `jobset-designer: ${err.message}. Run jobset-designer --help for usage.`);
    return 2;
  }
  const checked: Checked[] = [];
  for (const x of expanded) {
    checked.push(
      'unmatched' in x
        ? {
            kind: 'unreadable',
            name: x.unmatched,
            file: null,
            reason: `no file matches ${x.unmatched}`,
          }
        : await check(x.arg, io.stdin, dir),
    );
  }
  if (args.command === 'validate') {
    // Several inputs, or a pattern, get the report of many; one file keeps the plain one.
    const many =
      args.inputs.length > 1 || expanded.some((x) => !('arg' in x) || !args.inputs.includes(x.arg));
    return validate(checked, args.format, many, out, io.stderr);
  }
  if (args.command === 'diff') return diffCommand(checked, args.format, out, io.stderr);
  if (checked.length !== 1) {
    say(
      io.stderr,
      `jobset-designer: ${args.command} reads one input at a time; ${args.inputs[0]} matches ${checked.length} files`,
    );
    return 2;
  }
  const only = checked[0]!;
  if (only.kind === 'unreadable') {
    say(io.stderr, `jobset-designer: ${only.reason}`);
    return 2;
  }
  const { design, analysis } = only;
  if (args.command === 'import') return importCommand(design, out, io.stderr);
  const code = analysis.valid ? 0 : 1;
  // Commands about Jobs and pods need a jobset manifest; any other operator is a usage error.
  if (JOBSET_ONLY.has(args.command) && analysis.operator !== 'jobset' && !analysis.syntaxError) {
    say(
      io.stderr,
      `jobset-designer: ${args.command} needs spec.operator: jobset; ${design.name === '<stdin>' ? 'this manifest' : design.name} uses ${analysis.operator === null ? 'no operator' : analysis.operator}${looksLikeJobSet(design.text) ? ' (it is a Kubernetes JobSet: use jobset-designer import)' : ''}`,
    );
    return 2;
  }
  switch (args.command) {
    case 'expand':
      await out.write(JSON.stringify(expandJson(analysis), null, 2) + '\n');
      return code;
    case 'json':
      if (analysis.syntaxError) {
        say(
          io.stderr,
          `jobset-designer: ${design.name} has no JSON form: ${analysis.diagnostics[0]?.message ?? 'it cannot be read'}`,
        );
        return 1;
      }
      // The same bytes as the designer's "Download JSON".
      await out.write(jsonOf(analysis.data));
      return code;
    case 'pods': {
      const names = analysis.expansion?.groups.map((g) => g.name) ?? [];
      if (args.type !== null && !names.includes(args.type)) {
        say(
          io.stderr,
          `jobset-designer: no group "${args.type}" in ${design.name} (groups: ${names.join(', ') || 'none'})`,
        );
        return 2;
      }
      if (!analysis.expansion) {
        say(io.stderr, 'jobset-designer: no pods to list: no jobset design could be read');
      }
      await streamPods(analysis, args, out);
      return code;
    }
    case 'program':
      return programCommand(only, resolve(dir, args.out ?? '.'), io.stderr);
    case 'rehearse':
      if (!analysis.valid) {
        for (const line of textLines([only])) say(io.stderr, line);
        say(io.stderr, `${design.name}: invalid, not rehearsed`);
        return 2;
      }
      return rehearse(
        design,
        analysis,
        { ...args.rehearse, out: args.out ?? 'rehearsal' },
        { stdout: io.stdout, stderr: io.stderr, dir, ...(io.signal && { signal: io.signal }) },
      );
    case 'export':
      return exportCommand(only, args.name ?? design.settings.jobsetName ?? null, out, io.stderr);
  }
}

/** The pod program's two files, written into `outDir` (made when missing); 1 for an invalid manifest. */
async function programCommand(
  c: Checked & { kind: 'checked' },
  outDir: string,
  stderr: Writable,
): Promise<number> {
  const e = c.analysis.expansion;
  if (!c.analysis.valid || !e) {
    for (const line of textLines([c])) say(stderr, line);
    say(stderr, `${c.design.name}: invalid, no program written`);
    return 1;
  }
  const misfits = c.analysis.findings.filter(
    (f) => f.code === 'sweep-does-not-fit' || f.code === 'sweep-unusable',
  );
  if (misfits.length) {
    for (const f of misfits) say(stderr, `${c.design.name}: ${f.message}`);
    say(
      stderr,
      `${c.design.name}: no program written: a sweep cannot be used or does not fit its group (change the sweep, or set the figure to the grid size)`,
    );
    return 1;
  }
  const program = podProgram(
    programInput(
      e,
      c.design.settings,
      c.analysis.view?.name ?? null,
      c.analysis.view?.command ?? null,
    ),
  );
  const paths = program.files.map((f) => join(outDir, f.path));
  try {
    for (const [i, f] of program.files.entries()) await writeInside(outDir, paths[i]!, f.text);
  } catch (err) {
    say(
      stderr,
      `jobset-designer: cannot write into ${outDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 2;
  }
  say(stderr, `${c.design.name}: wrote ${paths.join(' and ')}`);
  if (program.script.kind === 'change') say(stderr, `${c.design.name}: ${program.script.advice}`);
  return 0;
}

/**
 * Writes `text` to `path` inside `dir`, never through a symbolic link planted there: not the file
 * (opened with O_NOFOLLOW), nor a folder between `dir` and it.
 */
async function writeInside(dir: string, path: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const folders: string[] = [];
  for (let d = dirname(path); d.length > dir.length && d.startsWith(dir); d = dirname(d))
    folders.unshift(d);
  for (const d of folders) {
    const st = await lstat(d).catch(() => null);
    if (st?.isSymbolicLink())
      throw new Error(`${d} is a symbolic link; nothing is written through it`);
    if (!st) await mkdir(d);
  }
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o644,
  ).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ELOOP'
      ? new Error(`${path} is a symbolic link; nothing is written through it`)
      : err;
  });
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** The deltas between two designs, as text or JSON; 0 whatever they are, 2 when one is unreadable. */
async function diffCommand(
  checked: readonly Checked[],
  format: Format,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const [a, b] = checked;
  if (a?.kind !== 'checked' || b?.kind !== 'checked') {
    for (const c of checked)
      if (c.kind === 'unreadable') say(stderr, `jobset-designer: ${c.reason}`);
    if (checked.length !== 2)
      say(stderr, 'jobset-designer: diff compares two designs, one file each');
    return 2;
  }
  // A side whose YAML cannot be read is not an empty design: say what is wrong with it.
  for (const side of [a, b]) {
    if (side.analysis.syntaxError) {
      const first = side.analysis.diagnostics.find((x) => x.severity === 'error');
      say(
        stderr,
        `jobset-designer: cannot compare ${side.design.name}: ${first ? `line ${first.line}: ${first.message}` : 'its YAML cannot be read'}`,
      );
      return 2;
    }
  }
  const d = compareDesigns(a.analysis, b.analysis);
  if (format === 'json') {
    await out.write(JSON.stringify({ a: a.design.name, b: b.design.name, ...d }, null, 2) + '\n');
  } else {
    await out.write(diffLines(d, a.design.name, b.design.name).map(terminalText).join('\n') + '\n');
  }
  return 0;
}

/** The JobSet on stdout (0); an invalid manifest's problems on stderr and nothing on stdout (1). */
async function exportCommand(
  c: Checked & { kind: 'checked' },
  name: string | null,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const r = exportJobSet(c.analysis, name ?? undefined);
  switch (r.kind) {
    case 'exported':
      await out.write(r.yaml);
      return 0;
    case 'invalid':
      for (const line of textLines([c])) say(stderr, line);
      say(stderr, `${c.design.name}: invalid, not exported (${r.errors.length} error(s))`);
      return 1;
    case 'bad-name':
      for (const p of r.problems) say(stderr, `jobset-designer: JobSet name "${r.name}": ${p}`);
      return 2;
    case 'refused':
      for (const reason of r.reasons) say(stderr, `${c.design.name}: not exported: ${reason}`);
      return 1;
    case 'not-jobset':
      // Checked before: only jobset manifests reach the export.
      say(stderr, `jobset-designer: export needs spec.operator: jobset`);
      return 2;
  }
}

/** The AIchor manifest on stdout and what did not carry over on stderr (0); not a JobSet (2). */
async function importCommand(design: Design, out: Output, stderr: Writable): Promise<number> {
  const r = importJobSet(design.text);
  if (r.kind !== 'imported') {
    say(stderr, `jobset-designer: cannot import ${design.name}: ${r.reason}`);
    return 2;
  }
  for (const item of r.report) {
    // The place as a person names it, then the exact path in the JobSet.
    const path = item.place !== item.path ? ` [${item.path}]` : '';
    say(stderr, `${design.name}: ${item.severity} ${item.place}: ${item.message}${path}`);
  }
  say(
    stderr,
    `${design.name}: imported${r.report.length ? `; ${r.report.length} item(s) did not carry over as they were` : ', everything carried over'}`,
  );
  await out.write(r.manifest);
  return 0;
}

async function validate(
  checked: readonly Checked[],
  format: Format,
  many: boolean,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const summary = summarize(checked);
  for (const c of checked) if (c.kind === 'unreadable') say(stderr, `jobset-designer: ${c.reason}`);
  // Text for a terminal or a CI log: no user text starts a line of its own (a GitHub command).
  const lines = (xs: string[]) =>
    xs.length ? out.write(xs.map(terminalText).join('\n') + '\n') : Promise.resolve(true);
  switch (format) {
    case 'text':
      await lines(textLines(checked));
      break;
    case 'github':
      await lines(githubLines(checked));
      break;
    case 'json': {
      const only = checked[0];
      if (!many && only?.kind !== 'checked') break; // said on stderr, as for text
      const report =
        !many && only?.kind === 'checked'
          ? {
              valid: only.analysis.valid,
              diagnostics: only.analysis.diagnostics.map(diagnosticJson),
            }
          : jsonReport(checked, summary);
      await out.write(JSON.stringify(report, null, 2) + '\n');
      break;
    }
    case 'sarif':
      await out.write(JSON.stringify(sarifReport(checked), null, 2) + '\n');
      break;
  }
  // What a link's settings show (its sweeps, its cluster): said, never counted as problems.
  if (format === 'text') {
    for (const c of checked) {
      if (c.kind !== 'checked') continue;
      for (const f of c.analysis.findings) {
        say(stderr, `${c.design.name}: setting ${f.severity} ${f.code}: ${f.message}`);
      }
    }
  }
  const only = checked[0];
  if (!many && only?.kind === 'checked') {
    if (format === 'text') {
      const c = countBySeverity(only.analysis.diagnostics);
      say(
        stderr,
        `${only.design.name}: ${only.analysis.valid ? 'valid' : 'invalid'} (${c.error} error(s), ${c.warning} warning(s), ${c.info} info)`,
      );
    }
  } else if (many) say(stderr, `jobset-designer: ${summaryLine(summary)}`);
  return exitCode(summary);
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
