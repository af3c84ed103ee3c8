/**
 * The `manifest` surface: a mutated manifest through the app's worker and the CLI
 * (`validate - --json`, bytes on standard input). Nothing crashes or hangs, each answer comes in
 * time, both answers are the same, and what the designer calls valid PyYAML reads the same.
 */
import { isDeepStrictEqual } from 'node:util';
import { decodeManifest, type Analysis } from '../../core/index.ts';
import { diagnosticJson } from '../../cli/report.ts';
import { runCli, type RunResult } from '../../cli/run.ts';
import type { WorkerResponse } from '../../worker/protocol.ts';
import type { FindingKind, FuzzContext } from './fuzzRun.ts';
import { mutate } from './mutate.ts';
import { comparable, type PythonOracle } from './python.ts';

type Found = (kind: FindingKind, detail: string) => void;
type CliAnswer = RunResult & { readonly ms: number };

/** What the CLI prints for `validate --json`, from an analysis. */
function validateJson(a: Analysis) {
  return { valid: a.valid, diagnostics: a.diagnostics.map(diagnosticJson) };
}

/** One mutated manifest, and the warnings of both sides while it was read. */
export async function checkManifest(ctx: FuzzContext, i: number): Promise<void> {
  const source = ctx.rng.pick(ctx.sources);
  const bytes = mutate(source.text, ctx.rng);
  const found: Found = (kind, detail) =>
    ctx.tally.findings.push({ kind, input: i, source: source.name, detail, bytes });
  await compareAnswers(ctx, i, bytes, found);
  for (const text of ctx.warnings.splice(0).concat(ctx.thread.warnings.splice(0)))
    found('warning', text);
}

async function compareAnswers(ctx: FuzzContext, i: number, bytes: Uint8Array, found: Found) {
  const { tally, hangMs, slowMs } = ctx;
  const decoded = decodeManifest(bytes);
  const t0 = performance.now();
  const cliRun = runCli(['validate', '-', '--json'], bytes).then((r) => ({
    ...r,
    ms: performance.now() - t0,
  }));
  const workerRun = decoded.ok ? ctx.thread.analyze(decoded.text, i, hangMs) : null;
  const [cli, answer] = await Promise.all([cliRun, workerRun]);
  tally.slowestCliMs = Math.max(tally.slowestCliMs, cli.ms);
  if (cli.ms > slowMs) found('slow', `the CLI took ${Math.round(cli.ms)} ms`);

  if (!decoded.ok) {
    tally.refused++;
    checkRefused(decoded.reason, cli, found);
    return;
  }
  if (answer === 'hang' || answer === null) {
    found('hang', `no answer from the worker within ${hangMs} ms`);
    return;
  }
  if (answer.type === 'error') {
    found('crash', `the worker could not send its answer: ${answer.message}`);
    return;
  }
  const a = countWorkerAnswer(ctx, answer, found);
  if (!compareCli(cli, a, found)) return;
  // What the designer calls valid, the platform's reader reads the same.
  if (a.valid) await checkPyYaml(ctx.python, decoded.text, a, found);
}

function checkRefused(reason: string, cli: CliAnswer, found: Found) {
  // The designer refuses the file with this reason; the CLI must too, with exit 2.
  if (cli.code !== 2 || !cli.stderr.includes(reason)) {
    found('differs', `refused ("${reason}") but the CLI said ${cli.code}: ${cli.stderr}`);
  }
}

/** The worker's answer counted (time, valid or not), its crash reported; its analysis. */
function countWorkerAnswer(
  { tally, slowMs }: FuzzContext,
  answer: Extract<WorkerResponse, { type: 'result' }>,
  found: Found,
): Analysis {
  tally.workerMs.push(answer.computeMs);
  tally.slowestWorkerMs = Math.max(tally.slowestWorkerMs, answer.computeMs);
  if (answer.computeMs > slowMs)
    found('slow', `the worker took ${Math.round(answer.computeMs)} ms`);
  const a = answer.analysis;
  if (a.valid) tally.valid++;
  else tally.invalid++;
  const internal = a.diagnostics.find((d) => d.code === 'internal-error');
  if (internal) found('crash', internal.message);
  return a;
}

/** The CLI's answer against the worker's; false when it printed no JSON to compare. */
function compareCli(cli: CliAnswer, a: Analysis, found: Found): boolean {
  let printed: unknown;
  try {
    printed = JSON.parse(cli.stdout);
  } catch {
    found('differs', `the CLI printed no JSON (exit ${cli.code}): ${cli.stderr.slice(0, 200)}`);
    return false;
  }
  if (cli.code !== (a.valid ? 0 : 1))
    found('differs', `the CLI exited ${cli.code}, valid: ${a.valid}`);
  if (!isDeepStrictEqual(printed, validateJson(a))) {
    found('differs', 'the worker and the CLI report different diagnostics');
  }
  return true;
}

async function checkPyYaml(python: PythonOracle, text: string, a: Analysis, found: Found) {
  const py = await python.load(text);
  if ('error' in py) found('wrong', `valid here, refused by PyYAML: ${py.error}`);
  else if (!isDeepStrictEqual(py.data, comparable(a.data)))
    found('wrong', 'valid here, but PyYAML reads other data');
}
