/**
 * Program: random sweeps through `program`; it compiles, and every pod's `params()` (run by
 * Python for sampled pods) equals the designer's point, or raises where the designer has none.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyze } from '../../core/index.ts';
import { gridSize, podParams, sweepProblems, type Sweep } from '../../core/sweep/sweep.ts';
import { runCli } from '../../cli/run.ts';
import { encodeDesign } from '../../core/link/codec.ts';
import { designerEnv, samplePods } from '../../fixtures/designRun.ts';
import { designText, fitted, genGroups, genSweeps } from './designs.ts';
import type { SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

export async function programCase({ rng, dir, python }: SurfaceContext): Promise<SurfaceResult> {
  const raw = genGroups(rng, 3);
  const sweeps = genSweeps(rng, raw);
  const groups = fitted(rng, raw, sweeps, (s: Sweep) => Math.min(gridSize(s), 400)).map((g) => ({
    ...g,
    count: Math.min(g.count, 400),
  }));
  const text = designText(groups);
  const settings = { sweeps };
  const link = (await encodeDesign({ text, settings }))!;
  const fail = (problem: string) => ({ problem, input: `#${link}` });
  const out = join(dir, 'program');
  rmSync(out, { recursive: true, force: true });
  const r = await runCli(['program', `#${link}`, '--out', out], '', dir);
  const a = analyze(text, settings);
  if (!a.valid)
    return r.code === 1
      ? { problem: null, input: `#${link}` }
      : fail(`invalid design, exit ${r.code}`);
  // The oracle's own reading of fit: the grid size against the figure its index numbers.
  const misfit = groups.some((g) => {
    if (!Object.hasOwn(sweeps, g.name)) return false;
    const s = sweeps[g.name]!;
    if (sweepProblems(s).length) return false; // not usable: left out of the program
    const n = gridSize(s);
    if (s.index === 'JOB_GLOBAL_INDEX') return groups.length > 1 || g.count !== n;
    return (s.index === 'JOB_INDEX' ? g.count : g.completions) !== n;
  });
  if (misfit)
    return r.code === 1
      ? { problem: null, input: `#${link}` }
      : fail(`a sweep that does not fit, exit ${r.code}`);
  if (r.code !== 0) return fail(`program exited ${r.code}: ${r.stderr.slice(0, 300)}`);
  const env = readFileSync(join(out, 'jobset_env.py'), 'utf8');
  const main = readFileSync(join(out, 'train.py'), 'utf8');
  const pods: { env: Record<string, string>; want: unknown }[] = [];
  for (const g of groups)
    for (const [j, p] of samplePods(g.count, g.completions, 4)) {
      const e = designerEnv(a, g.name, j, p)!;
      const point = podParams(sweeps, { type: g.name, env: e });
      const usable = Object.hasOwn(sweeps, g.name) && sweepProblems(sweeps[g.name]!).length === 0;
      // A JSON round trip: the program embeds the values as JSON (-0 is 0 there).
      const want = !usable ? {} : point === null ? 'raises' : JSON.parse(JSON.stringify(point));
      pods.push({ env: { ...e }, want });
    }
  const answer = await python.params(
    env,
    main,
    'train.py',
    pods.map((p) => p.env),
  );
  if ('compileError' in answer) return fail(`the program does not compile: ${answer.compileError}`);
  if ('crash' in answer) return fail(`the harness crashed: ${answer.crash.slice(-300)}`);
  for (const [i, got] of answer.params.entries()) {
    const want = pods[i]!.want;
    const pod = `${pods[i]!.env.REPLICATED_JOB_NAME}-${pods[i]!.env.JOB_INDEX}-${pods[i]!.env.JOB_COMPLETION_INDEX}`;
    if (want === 'raises') {
      if (!('error' in got))
        return fail(`${pod}: params() is ${JSON.stringify(got.ok)}, the designer has no point`);
    } else if (!('ok' in got) || !isDeepStrictEqual(got.ok, want))
      return fail(
        `${pod}: params() is ${JSON.stringify(got)}, the designer's ${JSON.stringify(want)}`,
      );
  }
  return { problem: null, input: `#${link}` };
}
