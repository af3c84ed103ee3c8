/**
 * `npm run bench`: parse + validate + expand (the core's `analyze`) on the platform page's
 * examples, a 1,000 x 1,000-pod design, a 200-group design and the largest real manifest.
 * Prints medians and p95s, and the ratio of the 1,000,000-pod design to the 7-pod one
 * (goal: under 2, since no figure may cost more with more pods); the cluster simulation; and the
 * start-up of the compiled CLI as a ratio to a bare `node -e 0` (goal: 2 or less); and a
 * rehearsal's cost per pod and its actual against planned makespan.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  analyze,
  clusterOf,
  exportJobSet,
  importJobSet,
  judge,
  LATEST_KUEUE,
  pickLocalQueue,
  podSetsOf,
  simulate,
} from '../core/index.ts';
import { corpusFiles, generatedDesign, readFixture } from '../fixtures/read.ts';
import { buildCli } from '../tools/build-cli.mjs';
import { runCli } from '../cli/run.ts';
import type { RehearsalRecord } from '../core/index.ts';

interface Case {
  readonly name: string;
  readonly text: string;
}

const examples = [
  'platform-main',
  'one-group-one-job',
  'two-groups-parallel-pods',
  'heterogeneous-pools',
  'sequential-batch',
  'mixed-concurrency',
];
const cases: Case[] = examples.map((name) => ({ name, text: readFixture(name) }));
const million = { name: '1,000 Jobs x 1,000 pods', text: generatedDesign(1, 1000, 1000, 10) };
const groups200 = { name: '200 groups x 10 x 10', text: generatedDesign(200, 10, 10) };
cases.push(million, groups200);
const corpus = corpusFiles();
if (corpus.length) {
  const largest = corpus.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  cases.push({ name: `largest real: ${basename(largest)}`, text: readFileSync(largest, 'utf8') });
} else {
  console.log('(real corpus absent: the largest-real-manifest case is skipped)');
}

function measure(text: string): { median: number; p95: number; n: number } {
  // Warm up the JIT, then time single runs until about 400 ms or 2,000 samples.
  for (let i = 0; i < 200; i++) analyze(text);
  const samples: number[] = [];
  const until = performance.now() + 400;
  while (samples.length < 2000 && (samples.length < 30 || performance.now() < until)) {
    const t0 = performance.now();
    analyze(text);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), n: samples.length };
}

const rows = cases.map((c) => {
  const a = analyze(c.text);
  const m = measure(c.text);
  return { ...c, ...m, pods: a.expansion?.totals.pods ?? null, lines: c.text.split('\n').length };
});

const fmt = (ms: number) => ms.toFixed(3).padStart(8);
console.log(`\nanalyze() = parse + validate + expand, Node ${process.version}\n`);
console.log(
  `${'case'.padEnd(58)} ${'lines'.padStart(6)} ${'pods'.padStart(10)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'n'.padStart(5)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.slice(0, 58).padEnd(58)} ${String(r.lines).padStart(6)} ${(r.pods?.toLocaleString('en-US') ?? '-').padStart(10)} ${fmt(r.median).padStart(10)} ${fmt(r.p95)} ${String(r.n).padStart(5)}`,
  );
}
const small = rows.find((r) => r.name === 'platform-main')!;
const big = rows.find((r) => r.name === million.name)!;
const ratio = big.median / small.median;
console.log(
  `\nratio 1,000,000-pod / 7-pod median: ${ratio.toFixed(2)} (goal < 2: ${ratio < 2 ? 'met' : 'NOT met'})`,
);

// The real corpus by operator (issue: every operator gets figures): each file's median analysis
// time over 25 runs, then per operator the median and the worst file, and the ratio of the
// median to jobset files' (goal: no slower per file than jobset).
if (corpus.length) {
  const byOperator = new Map<string, { file: string; ms: number; perKB: number }[]>();
  for (const file of corpus) {
    if (!/\.ya?ml$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const operator = analyze(text).operator ?? '(none)';
    for (let i = 0; i < 5; i++) analyze(text);
    const xs = Array.from({ length: 25 }, () => {
      const t0 = performance.now();
      analyze(text);
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    const list = byOperator.get(operator) ?? [];
    list.push({ file: basename(file), ms: xs[12]!, perKB: xs[12]! / (text.length / 1024) });
    byOperator.set(operator, list);
  }
  const medianOf = (xs: readonly number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const jobsetFiles = byOperator.get('jobset') ?? [];
  const jobset = medianOf(jobsetFiles.map((f) => f.ms));
  const jobsetPerKB = medianOf(jobsetFiles.map((f) => f.perKB));
  console.log('\nThe real corpus by operator: analyze() per file (median of 25 runs each)');
  console.log(
    `${'operator'.padEnd(12)} ${'files'.padStart(5)} ${'median ms'.padStart(10)} ${'worst ms'.padStart(9)} ${'vs jobset'.padStart(9)} ${'per KB'.padStart(7)}`,
  );
  for (const [operator, files] of [...byOperator].sort((a, b) => b[1].length - a[1].length)) {
    const m = medianOf(files.map((f) => f.ms));
    const worst = files.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `${operator.slice(0, 12).padEnd(12)} ${String(files.length).padStart(5)} ${fmt(m).padStart(10)} ${fmt(worst.ms).padStart(9)} ${(m / jobset).toFixed(2).padStart(9)} ${(medianOf(files.map((f) => f.perKB)) / jobsetPerKB).toFixed(2).padStart(7)}  worst: ${worst.file}`,
    );
  }
}

// Linear analysis: 200 and 2,000 groups, each with a partly empty last wave (a diagnostic with a
// fix). Fixes are data, so analysis time grows with the groups, not with groups x diagnostics.
{
  const withFixes = (n: number) => generatedDesign(n, 2, 5, 2); // 5 completions in waves of 2: every group has a fix
  const t200 = measureOnce(withFixes(200));
  const t2000 = measureOnce(withFixes(2000));
  const fixes = analyze(withFixes(2000)).diagnostics.filter((d) => d.fixes?.length).length;
  console.log(
    `\n200 groups with a fix each: median ${t200.toFixed(1)} ms; 2,000 groups (${fixes.toLocaleString('en-US')} fixes): ${t2000.toFixed(1)} ms` +
      `\nratio 2,000 / 200 groups: ${(t2000 / t200).toFixed(2)} (10x the groups; goal within 12x: ${t2000 / t200 <= 12 ? 'met' : 'NOT met'})`,
  );
}

/** Median of runs of `analyze` over about a second (at least 9), for designs too large for the sampling above. */
function measureOnce(text: string): number {
  for (let i = 0; i < 3; i++) analyze(text);
  const times: number[] = [];
  const until = performance.now() + 1500;
  while (times.length < 9 || (performance.now() < until && times.length < 60)) {
    const t0 = performance.now();
    analyze(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

// The Kubernetes export the worker adds while its view shows: on top of the analysis it
// extends, for 10, 200 and 2,000 groups (time that grows with the groups, not the pods).
{
  const median = (run: () => void) => {
    for (let i = 0; i < 3; i++) run();
    const times: number[] = [];
    const until = performance.now() + 1000;
    while (times.length < 7 || (performance.now() < until && times.length < 60)) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return times[times.length >> 1]!;
  };
  const line = [10, 200, 2000].map((n) => {
    const a = analyze(generatedDesign(n, 1000, 1000, 10));
    const ms = median(() => exportJobSet(a));
    const back = exportJobSet(a);
    const imp = back.kind === 'exported' ? median(() => importJobSet(back.yaml)) : NaN;
    return `${n} groups: export ${ms.toFixed(1)} ms, import ${imp.toFixed(1)} ms`;
  });
  console.log(`\nexportJobSet() / importJobSet() (1,000 x 1,000 pods a group): ${line.join('; ')}`);
}

// The cluster simulation: the 1,000,000-pod design (one A100 per pod) on 512 free GPUs.
{
  const text = generatedDesign(2, 1000, 1000, 10).replace(
    / {4}group-0:[\s\S]*?(?= {4}group-1:)/,
    '',
  );
  const a = analyze(text);
  const e = a.expansion!;
  const p = a.schedule!.plan;
  const capacity = { gpus: { 'NVIDIA-A100-SXM4-80GB': 512 } };
  simulate(p, capacity); // warm-up
  const times: number[] = [];
  let result = simulate(p, capacity)!;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    result = simulate(p, capacity)!;
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  console.log(
    `\nsimulate(): ${e.totals.pods?.toLocaleString('en-US')} pods on 512 GPUs: median ${times[2]!.toFixed(1)} ms` +
      ` (${result.batches.toLocaleString('en-US')} batches started, simulated makespan ${result.makespan} h, unlimited ${result.idealMakespan} h)`,
  );
}

// Kueue's verdict (issue 28): a 2,000-group design against 100 ClusterQueues in one cohort,
// with 1,000 admitted workloads, from the queues' objects to the verdict (goal: under 50 ms).
{
  const flavors = ['a100', 'h100'].map((name, i) => ({
    kind: 'ResourceFlavor',
    metadata: { name },
    spec: {
      nodeLabels: {
        'nvidia.com/gpu.product': i ? 'NVIDIA-H100-80GB-HBM3' : 'NVIDIA-A100-SXM4-80GB',
      },
    },
  }));
  const quotas = (gpus: number) =>
    ['a100', 'h100'].map((name) => ({
      name,
      resources: [
        { name: 'cpu', nominalQuota: 100_000 },
        { name: 'memory', nominalQuota: '100Ti' },
        { name: 'nvidia.com/gpu', nominalQuota: gpus, borrowingLimit: 100 * gpus },
      ],
    }));
  const cqs = Array.from({ length: 100 }, (_, i) => ({
    kind: 'ClusterQueue',
    metadata: { name: `cq-${i}` },
    spec: {
      cohort: 'all',
      resourceGroups: [
        { coveredResources: ['cpu', 'memory', 'nvidia.com/gpu'], flavors: quotas(64) },
      ],
    },
  }));
  const docs = [
    { kind: 'List', items: [...flavors, ...cqs] },
    {
      kind: 'LocalQueue',
      metadata: { name: 'main', namespace: 'ml' },
      spec: { clusterQueue: 'cq-0' },
    },
  ];
  const workloads = [
    {
      kind: 'List',
      items: Array.from({ length: 1000 }, (_, i) => ({
        kind: 'Workload',
        status: {
          admission: {
            clusterQueue: `cq-${i % 100}`,
            podSetAssignments: [
              {
                flavors: { 'nvidia.com/gpu': 'a100', cpu: 'a100' },
                resourceUsage: { 'nvidia.com/gpu': '2', cpu: '16' },
              },
            ],
          },
        },
      })),
    },
  ];
  const exported = exportJobSet(analyze(generatedDesign(2000, 2, 4, 2)));
  if (exported.kind !== 'exported') throw new Error('the 2,000-group design did not export');
  const jobset = parseYaml(exported.yaml) as unknown;
  /** The verdict as the worker gives it: the queues read, the usage added, the queue run. */
  const judged = (workloadDocs: unknown[], design: unknown) => {
    const t0 = performance.now();
    const cluster = clusterOf(docs, workloadDocs);
    const picked = pickLocalQueue(cluster.queues, null);
    if (!('queue' in picked)) throw new Error(picked.problem);
    const j = judge(podSetsOf(design), cluster, picked.queue, LATEST_KUEUE, null);
    return { ms: performance.now() - t0, j };
  };
  const median = (workloadDocs: unknown[], design = jobset) => {
    judged(workloadDocs, design);
    const runs = Array.from({ length: 9 }, () => judged(workloadDocs, design));
    return { ms: runs.map((r) => r.ms).sort((x, y) => x - y)[4]!, j: runs[0]!.j };
  };
  const now = median(workloads);
  console.log(
    `
Kueue verdict, 2,000 groups, 100 ClusterQueues, 1,000 admitted workloads: median ${now.ms.toFixed(1)} ms ` +
      `(goal under 50 ms: ${now.ms < 50 ? 'met' : 'NOT met'}); ${now.j.verdict}, ${now.j.admission.assignment.podSets.length} PodSets assigned`,
  );
  // The same cluster busier: every admitted workload holds 128 A100s for 1 to 1,000 minutes, and
  // 100 workloads wait in cq-0's queue ahead of a design of 16 groups (Kueue takes 18 PodSets),
  // which starts when enough have ended.
  const busy = (queued: number, shapes: number) => [
    {
      kind: 'List',
      items: [
        ...Array.from({ length: 1000 }, (_, i) => ({
          kind: 'Workload',
          metadata: { name: `run-${i}`, namespace: 'ml' },
          spec: { maximumExecutionTimeSeconds: 60 * (1 + ((i * 7919) % 1000)) },
          status: {
            conditions: [
              { type: 'Admitted', status: 'True', lastTransitionTime: '2026-12-07T12:00:00Z' },
            ],
            admission: {
              clusterQueue: `cq-${i % 100}`,
              podSetAssignments: [
                {
                  flavors: { 'nvidia.com/gpu': 'a100', cpu: 'a100' },
                  resourceUsage: { 'nvidia.com/gpu': '128', cpu: '16' },
                },
              ],
            },
          },
        })),
        ...Array.from({ length: queued }, (_, i) => ({
          kind: 'Workload',
          metadata: {
            name: `queued-${i}`,
            namespace: 'ml',
            creationTimestamp: '2026-12-07T11:00:00Z',
          },
          spec: {
            queueName: 'main',
            maximumExecutionTimeSeconds: 3600,
            podSets: [
              {
                name: 'main',
                // `shapes` shapes of workload, from 8 A100s up.
                count: 8 + (i % shapes) * 4,
                template: {
                  spec: {
                    nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' },
                    containers: [{ resources: { requests: { 'nvidia.com/gpu': '1' } } }],
                  },
                },
              },
            ],
          },
        })),
      ],
    },
  ];
  const sixteen = exportJobSet(analyze(generatedDesign(16, 2, 4, 2)));
  if (sixteen.kind !== 'exported') throw new Error('the 16-group design did not export');
  const waits = median(busy(100, 5), parseYaml(sixteen.yaml) as unknown);
  const start = waits.j.start;
  console.log(
    `Kueue start, the same design behind 100 pending workloads, 1,000 admitted ones ending in turn: median ${waits.ms.toFixed(1)} ms ` +
      `(goal under 50 ms: ${waits.ms < 50 ? 'met' : 'NOT met'}); ${waits.j.verdict}, start ${start?.kind}` +
      (start?.kind === 'at'
        ? ` after ${start.after.length} ends, ${start.ahead.length} admitted ahead`
        : ''),
  );
  // Its cost grows with the pending workloads of distinct shapes (those alike are tried once).
  const distinct = median(busy(400, 400), parseYaml(sixteen.yaml) as unknown);
  console.log(
    `Kueue start, behind 400 pending workloads of 400 shapes: median ${distinct.ms.toFixed(1)} ms (no goal: it grows with pending workloads x moments)`,
  );
}

// `render` of the 1,000,000-pod design to PNG (issue 29): the built command as a real process,
// five runs; its time and its peak memory (the process's maximum resident set, resvg's native
// memory included), beside a bare `node -e 0`.
{
  // Built inside the project, where its dependencies (resvg, the font) are installed.
  const dir = join(import.meta.dirname, '..', '..', 'build', 'bench-render');
  const cli = await buildCli(dir);
  const manifest = join(dir, 'million.yaml');
  writeFileSync(manifest, million.text);
  const peak = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))`;
  const run = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [peak, ...args], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`render failed: ${r.stderr}`);
    const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    return { ms, mb: kb / 1024 };
  };
  const out = join(dir, 'million.png');
  const runs = Array.from({ length: 5 }, () => run([cli, 'render', manifest, '--out', out]));
  const bare = run(['-e', '0']);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
  const mb = Math.max(...runs.map((r) => r.mb));
  const size = statSync(out).size;
  console.log(
    `\nrender of the 1,000,000-pod design to PNG (${(size / 1024).toFixed(0)} KiB): median ${ms.toFixed(0)} ms, ` +
      `peak memory ${mb.toFixed(0)} MB (a bare node -e 0: ${bare.ms.toFixed(0)} ms, ${bare.mb.toFixed(0)} MB)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

// Start-up of the command as installed: the compiled CLI checking a seven-line manifest, against
// a bare `node -e 0` on this machine (goal: 2 or less). Built fresh from this source.
{
  const dir = mkdtempSync(join(tmpdir(), 'jobset-bench-cli-'));
  const cli = await buildCli(dir);
  const manifest = join(dir, 'manifest.yaml');
  writeFileSync(manifest, readFixture('one-group-one-job'));
  const time = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    return performance.now() - t0;
  };
  const median = (args: string[]) => {
    time(args); // warm the file cache
    const xs = Array.from({ length: 21 }, () => time(args)).sort((x, y) => x - y);
    return xs[10]!;
  };
  const bare = median(['-e', '0']);
  const command = median([cli, 'validate', manifest]);
  console.log(
    `\nCLI start-up: \`jobset-designer validate\` on a 7-line manifest ${command.toFixed(0)} ms, ` +
      `bare \`node -e 0\` ${bare.toFixed(0)} ms: ratio ${(command / bare).toFixed(2)} (goal: 2 or less)`,
  );
  if (corpus.length) corpusValidation(cli);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `jobset-designer validate` over every real manifest in one command, and yamllint (the linter
 * people already run in CI; a Debian package) over the same files in the same run when it is on
 * the machine: wall time of each, median of 5, and the ratio. Both exit 1 on findings.
 */
function corpusValidation(cli: string): void {
  const run = (command: string, args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(command, args, { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${command} exited ${r.status}`);
    return performance.now() - t0;
  };
  const median = (command: string, args: string[]) => {
    run(command, args); // warm the file cache
    return Array.from({ length: 5 }, () => run(command, args)).sort((x, y) => x - y)[2]!;
  };
  const ours = median(process.execPath, [cli, 'validate', '--format', 'json', ...corpus]);
  const line = `\nvalidate the real corpus (${corpus.length} files, one command): jobset-designer ${ours.toFixed(0)} ms`;
  if (spawnSync('yamllint', ['--version']).status !== 0) {
    console.log(`${line}; yamllint not on this machine (Debian package yamllint): no ratio`);
    return;
  }
  const theirs = median('yamllint', ['-f', 'parsable', ...corpus]);
  console.log(
    `${line}, yamllint ${theirs.toFixed(0)} ms: ratio ${(ours / theirs).toFixed(2)} (jobset-designer / yamllint)`,
  );
}

// A rehearsal (`jobset-designer rehearse`): what starting a pod as a local process costs (from
// its process's start to its first line of output, with the generated program), and how close
// the actual run of the sequential batch (100 pods in 25 waves of 4) comes to the planned one.
// Needs python3; says so and skips otherwise.
if (spawnSync('python3', ['--version']).status !== 0) {
  console.log('\nrehearse: python3 not found, skipped');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'jobset-bench-rehearse-'));
  const rehearsal = async (fixture: string, perHour: number) => {
    const out = join(dir, fixture);
    const r = await runCli(
      ['rehearse', '-', '--out', out, '--seconds-per-hour', String(perHour)],
      readFixture(fixture),
    );
    if (r.code !== 0) throw new Error(`rehearse ${fixture} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(readFileSync(join(out, 'rehearsal.json'), 'utf8')) as RehearsalRecord;
  };
  const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const overhead = (r: RehearsalRecord) =>
    medianOf(r.pods.map((p) => (p.firstOutput ?? NaN) - p.actual!.start)) * 1000;
  // Sixteen pods at once, then the 100-pod batch at 1 s and at 0.2 s per pod.
  const sweep = await rehearsal('hyperparameter-sweep', 1);
  const batch = await rehearsal('sequential-batch', 1);
  const fast = await rehearsal('sequential-batch', 0.2);
  rmSync(dir, { recursive: true, force: true });
  const ratio = (r: RehearsalRecord) => r.actual.makespan! / r.planned.makespan!;
  console.log(
    `\nrehearse: process start to first line, median per pod: ${overhead(sweep).toFixed(0)} ms (16 pods at once), ` +
      `${overhead(batch).toFixed(0)} ms (4 at a time)` +
      `\nrehearse sequential-batch (100 pods, 25 waves of 4): planned ${batch.planned.makespan} s, actual ${batch.actual.makespan!.toFixed(2)} s, ratio ${ratio(batch).toFixed(3)} at 1 s per hour; ` +
      `planned ${fast.planned.makespan} s, actual ${fast.actual.makespan!.toFixed(2)} s, ratio ${ratio(fast).toFixed(3)} at 0.2 s per hour`,
  );
}
