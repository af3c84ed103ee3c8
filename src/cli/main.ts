/**
 * `jobset-designer validate | expand | pods | json | export | import | admit | …`: the core on
 * the command line, for checking manifests in CI and pre-commit hooks and for moving designs to
 * and from Kubernetes. Exit codes: 0 valid, 1 invalid, 2 unreadable input or wrong usage (with a
 * one-line message on stderr); for several inputs, the worst of them; `admit` has its own.
 *
 * This file reads the call and hands each command to its handler in `commands/`: `args.ts` reads
 * the arguments, `check.ts` reads and checks the inputs, `output.ts` writes.
 */
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  exportsAsJobSet,
  isOperator,
  looksLikeJobSet,
  OPERATORS,
  readGroups,
} from '../core/index.ts';
import { parseArgs, type Args, type Command } from './args.ts';
import { checkAll, expandInputs } from './check.ts';
import { admitCommand } from './commands/admit.ts';
import { diffCommand } from './commands/diff.ts';
import { renderCommand } from './commands/render.ts';
import { expandCommand } from './commands/expand.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { jsonCommand } from './commands/json.ts';
import { podsCommand } from './commands/pods.ts';
import { programCommand } from './commands/program.ts';
import { rehearseCommand } from './commands/rehearse.ts';
import { validate } from './commands/validate.ts';
import type { Checked } from './formats.ts';
import { GlobError } from './glob.ts';
import { Output, say } from './output.ts';
import { USAGE, UsageError } from './usage.ts';
import { startWatchdog, type Watchdog } from './watchdog.ts';

export { USAGE } from './usage.ts';

/** The commands that only make sense for `operator: jobset` (and the export: those run on JobSet). */
const JOBSET_ONLY: ReadonlySet<string> = new Set(['export', 'program', 'rehearse', 'admit']);
/** The commands that need the design's pods: any operator the platform runs. */
const PODS: ReadonlySet<string> = new Set(['pods', 'render']);

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
  const checked = await checkAll(expanded, io.stdin, dir, watchdog);
  if (args.command === 'validate') {
    // Several inputs, or a pattern, get the report of many; one file keeps the plain one.
    const many =
      args.inputs.length > 1 || expanded.some((x) => !('arg' in x) || !args.inputs.includes(x.arg));
    return validate(checked, args.format, many, out, io.stderr);
  }
  if (args.command === 'diff')
    return diffCommand(checked, args.format, args.designerUrl, args.sideNames, out, io.stderr);
  return oneInput(args.command, args, checked, out, io, dir);
}

/** The commands that read one input: it read, a jobset manifest where the command needs one. */
async function oneInput(
  command: Exclude<Command, 'validate' | 'diff'>,
  args: Args,
  checked: readonly Checked[],
  out: Output,
  io: Io,
  dir: string,
): Promise<number> {
  if (checked.length !== 1) {
    say(
      io.stderr,
      `jobset-designer: ${command} reads one input at a time; ${args.inputs[0]} matches ${checked.length} files`,
    );
    return 2;
  }
  const only = checked[0]!;
  if (only.kind === 'unreadable') {
    say(io.stderr, `jobset-designer: ${only.reason}`);
    return 2;
  }
  const { design, analysis } = only;
  if (command === 'import') return importCommand(design, out, io.stderr);
  // Commands about Jobs and pods need a jobset manifest; any other operator is a usage error.
  const servedAsJobSet =
    command === 'export' || command === 'admit'
      ? exportsAsJobSet(analysis.operator, readGroups(analysis.data))
      : analysis.operator === 'jobset';
  const needsJobSet = JOBSET_ONLY.has(command) && !servedAsJobSet;
  const needsPods = PODS.has(command) && !isOperator(analysis.operator);
  if ((needsJobSet || needsPods) && !analysis.syntaxError) {
    say(
      io.stderr,
      `jobset-designer: ${command} needs ${needsJobSet ? 'spec.operator: jobset' : `an operator the platform runs (${OPERATORS.join(', ')})`}; ${design.name === '<stdin>' ? 'this manifest' : design.name} uses ${analysis.operator === null ? 'no operator' : analysis.operator}${looksLikeJobSet(design.text) ? ' (it is a Kubernetes JobSet: use jobset-designer import)' : ''}`,
    );
    return 2;
  }
  switch (command) {
    case 'expand':
      return expandCommand(analysis, out);
    case 'json':
      return jsonCommand(only, out, io.stderr);
    case 'pods':
      return podsCommand(only, args, out, io.stderr);
    case 'program':
      return programCommand(only, resolve(dir, args.out ?? '.'), io.stderr);
    case 'rehearse':
      return rehearseCommand(
        only,
        { ...args.rehearse, out: args.out ?? 'rehearsal' },
        { stdout: io.stdout, stderr: io.stderr, dir, ...(io.signal && { signal: io.signal }) },
      );
    case 'export':
      return exportCommand(only, args.name ?? design.settings.jobsetName ?? null, out, io.stderr);
    case 'admit':
      return admitCommand(only, args.admit, args.format, dir, out, io.stderr);
    case 'render':
      return renderCommand(
        only,
        args.render,
        args.format === 'png' ? 'png' : 'svg',
        args.out,
        dir,
        out,
        io.stdout,
        io.stderr,
      );
  }
}
