/**
 * The command line's arguments: the command, its inputs, and the options it takes, each read
 * and checked here with a message that says what is expected (a `UsageError`, exit 2).
 */
import { parseArgs as parseArgsOf } from 'node:util';
import { DEFAULT_MAX_PODS, podSetLimit } from '../core/index.ts';
import { PICTURE_VIEWS, type PictureView } from '../core/layout/picture.ts';
import type { Format } from './formats.ts';
import type { RehearseOptions } from './rehearse.ts';
import { UsageError } from './usage.ts';

export const COMMANDS = [
  'validate',
  'expand',
  'pods',
  'json',
  'export',
  'import',
  'diff',
  'program',
  'rehearse',
  'admit',
  'render',
] as const;
export type Command = (typeof COMMANDS)[number];
const isCommand = (x: string | undefined): x is Command =>
  (COMMANDS as readonly (string | undefined)[]).includes(x);
const COMMAND_LIST =
  'validate, expand, pods, json, export, import, diff, program, rehearse, admit or render';

export interface Args {
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
  /** `admit`'s own options. */
  readonly admit: AdmitOptions;
  /** `diff --designer-url`: where the designer is served, for links that open each side. */
  readonly designerUrl: string | null;
  /** `render`'s own options. */
  readonly render: RenderOptions;
  /** `diff --name-a/--name-b`: what the comparison calls each side (the input, when not set). */
  readonly sideNames: { readonly a: string | null; readonly b: string | null };
}

/** `render --view grid|timeline|both --theme light|dark --scale N`. */
export interface RenderOptions {
  readonly view: PictureView;
  readonly theme: 'light' | 'dark';
  /** Pixels per drawing unit of a PNG (the designer's PNG export: 2). */
  readonly scale: number;
}

/**
 * `admit --queue FILE... [--workloads FILE] [--local-queue NAME] [--kueue-version V]
 * [--priority-class NAME]`.
 */
export interface AdmitOptions {
  readonly queues: readonly string[];
  readonly workloads: string | null;
  readonly localQueue: string | null;
  readonly kueueVersion: string | null;
  /** The WorkloadPriorityClass the JobSet would name: its place in the queue. */
  readonly priorityClass: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The arguments as they are read: the format not chosen yet, `rehearse`'s options filled in. */
interface Draft {
  readonly inputs: string[];
  format: Format | null;
  type: string | null;
  limit: number;
  name: string | null;
  out: string | null;
  readonly rehearse: Mutable<Omit<RehearseOptions, 'out'>>;
  readonly admit: { queues: string[] } & Mutable<Omit<AdmitOptions, 'queues'>>;
  designerUrl: string | null;
  render: Mutable<RenderOptions>;
  sideNames: { a: string | null; b: string | null };
}

/** An option as Node's parser reads it: its name as written, its value, where it was. */
interface OptionRead {
  readonly index: number;
  readonly name: string;
  readonly rawName: string;
  readonly value: string | undefined;
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (!isCommand(command)) {
    throw new UsageError(
      command
        ? `unknown command "${command}" (use ${COMMAND_LIST})`
        : `no command given (use ${COMMAND_LIST})`,
    );
  }
  const d: Draft = {
    inputs: [],
    format: null,
    type: null,
    limit: Infinity,
    name: null,
    out: null,
    designerUrl: null,
    render: { view: 'both', theme: 'light', scale: 2 },
    sideNames: { a: null, b: null },
    rehearse: {
      programDir: null,
      command: null,
      secondsPerHour: 1,
      stagger: 0,
      delays: new Map<string, number>(),
      kills: new Map<string, number>(),
      seed: 1,
      maxPods: DEFAULT_MAX_PODS,
      deadline: null,
      timeout: null,
      port: null,
    },
    admit: {
      queues: [],
      workloads: null,
      localQueue: null,
      kueueVersion: null,
      priorityClass: null,
    },
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
    if (t.kind === 'positional') d.inputs.push(t.value);
    else if (t.kind === 'option') readOption(d, command, rest[t.index]!, t);
    // `--`: what follows is positional
  }
  checkInputs(command, d);
  const { inputs, type, limit, name, out, rehearse, admit, designerUrl, render, sideNames } = d;
  const format = d.format ?? (command === 'render' ? pictureFormat(out) : 'text');
  if (
    command === 'render' &&
    out !== null &&
    pictureFormat(out) !== format &&
    /\.(svg|png)$/i.test(out)
  )
    throw new UsageError(
      `--format ${format} writes ${format}, and --out names a .${pictureFormat(out)} file`,
    );
  return {
    command,
    inputs,
    format,
    type,
    limit,
    name,
    out,
    rehearse,
    admit,
    designerUrl,
    render,
    sideNames,
  };
}

/** One option of `command` into `d` (`raw`: as written, for the message). */
function readOption(d: Draft, command: Command, raw: string, t: OptionRead): void {
  const arg = `--${t.name}`;
  if (!t.rawName.startsWith('--') || !takes(command, arg)) {
    throw new UsageError(`unknown option "${raw}" for ${command}`);
  }
  const value = () => {
    if (t.value === undefined) throw new UsageError(`${arg} needs a value`);
    return t.value;
  };
  if (arg === '--json') setFormat(d, 'json');
  else if (arg === '--format') {
    const v = value();
    const allowed = FORMATS_OF[command];
    if (!(allowed as readonly string[]).includes(v))
      throw new UsageError(`${command} --format is one of ${allowed.join(', ')}, not "${v}"`);
    setFormat(d, v as Format);
  } else if (arg === '--type') d.type = value();
  else if (arg === '--limit') {
    const v = value();
    if (!/^\d+$/.test(v)) throw new UsageError(`--limit needs a whole number, not "${v}"`);
    d.limit = Number(v);
  } else if (arg === '--to') {
    const v = value();
    if (v !== 'jobset') throw new UsageError(`export --to knows one target, jobset, not "${v}"`);
  } else if (arg === '--name') d.name = value();
  else if (arg === '--out') d.out = value();
  else if (arg === '--queue') d.admit.queues.push(value());
  else if (arg === '--workloads') d.admit.workloads = value();
  else if (arg === '--local-queue') d.admit.localQueue = value();
  else if (arg === '--kueue-version') d.admit.kueueVersion = kueueVersion(value());
  else if (arg === '--priority-class') d.admit.priorityClass = value();
  else if (arg === '--designer-url') d.designerUrl = designerUrl(value());
  else if (arg === '--name-a') d.sideNames.a = value();
  else if (arg === '--name-b') d.sideNames.b = value();
  else if (arg === '--view') d.render.view = oneOf('--view', value(), PICTURE_VIEWS);
  else if (arg === '--theme')
    d.render.theme = oneOf('--theme', value(), ['light', 'dark'] as const);
  else if (arg === '--scale') {
    const v = value();
    const n = Number(v);
    if (!(n >= 0.25 && n <= 8))
      throw new UsageError(`--scale is a number from 0.25 to 8, not "${v}"`);
    d.render.scale = n;
  } else rehearseOption(d.rehearse, arg, value());
}

/** The picture a file name asks for: PNG for `.png` (any case), else SVG. */
const pictureFormat = (out: string | null): 'svg' | 'png' =>
  out !== null && /\.png$/i.test(out) ? 'png' : 'svg';

/** `v` when it is one of `choices`; else a usage error naming them. */
function oneOf<T extends string>(arg: string, v: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${arg} is one of ${choices.join(', ')}, not "${v}"`);
}

/** The designer's address, for links: http or https, without a fragment of its own. */
function designerUrl(v: string): string {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new UsageError(`--designer-url is the designer's address (https://…), not "${v}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--designer-url is an http or https address, not "${v}"`);
  // A user name or password would be in every link of a public comment, and `good@evil/` opens evil.
  if (url.username || url.password)
    throw new UsageError('--designer-url is an address with no user name or password in it');
  url.hash = '';
  return url.href;
}

function kueueVersion(v: string): string {
  if (podSetLimit(v) === null)
    throw new UsageError(`--kueue-version is a Kueue release such as v0.19 or v0.18.2, not "${v}"`);
  return v;
}

function setFormat(d: Draft, f: Format): void {
  if (d.format !== null && d.format !== f)
    throw new UsageError(`two formats asked for (${d.format} and ${f})`);
  d.format = f;
}

/** As many inputs as the command reads (standard input once), and one program for `rehearse`. */
function checkInputs(command: Command, d: Draft): void {
  const { inputs, rehearse: r } = d;
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
  if (command === 'admit') {
    if (d.admit.queues.length === 0)
      throw new UsageError(
        'admit needs the queues: --queue FILE (kubectl get clusterqueues,resourceflavors,cohorts,localqueues -o yaml)',
      );
  }
}

/** The formats each command writes (`--format`). */
const FORMATS_OF: Readonly<Record<Command, readonly Format[]>> = {
  validate: ['text', 'json', 'sarif', 'github'],
  diff: ['text', 'json', 'markdown'],
  admit: ['text', 'json'],
  render: ['svg', 'png'],
  expand: [],
  json: [],
  import: [],
  pods: [],
  export: [],
  program: [],
  rehearse: [],
};

/** Each command's options (`--help` aside). */
const COMMAND_OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  validate: ['--json', '--format'],
  diff: ['--json', '--format', '--designer-url', '--name-a', '--name-b'],
  expand: [],
  json: [],
  import: [],
  pods: ['--type', '--limit'],
  export: ['--to', '--name'],
  program: ['--out'],
  admit: [
    '--queue',
    '--workloads',
    '--local-queue',
    '--kueue-version',
    '--priority-class',
    '--format',
    '--json',
  ],
  render: ['--view', '--format', '--out', '--theme', '--scale'],
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
