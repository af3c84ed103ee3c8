/**
 * `npm run fuzz [-- --count N --seed S]`: mutated real manifests through the worker and the CLI,
 * and the other surfaces (links, file names, export, import, diff, program) with their oracles,
 * one input each in turn (see fuzz.ts and surfaces.ts). Prints progress and a summary; every finding is written to `fuzz-findings/`
 * with its seed and input number, so it can be made again. Exit 1 when anything was found.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { corpusFiles, REPO_ROOT, shippedManifests } from '../../fixtures/read.ts';
import { fuzz, type Source } from './fuzz.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[`FUZZ_${name.toUpperCase()}`];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`--${name} needs a whole number, not "${raw}"`);
  return n;
}

const count = option('count', 100_000);
const seed = option('seed', 1);
const files = [...corpusFiles(), ...shippedManifests()];
const sources: Source[] = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
const corpus = corpusFiles().length;
console.log(
  `fuzz: ${count.toLocaleString('en')} inputs, seed ${seed}, from ${sources.length} manifests` +
    (corpus ? ` (${corpus} real)` : ' (no real-manifest corpus found: shipped manifests only)'),
);

const t0 = performance.now();
const report = await fuzz({
  seed,
  count,
  sources,
  onProgress: (done, r) => {
    if (done % 10_000 === 0) {
      const s = (performance.now() - t0) / 1000;
      console.log(
        `  ${done.toLocaleString('en')} inputs, ${r.findings.length} findings, ${s.toFixed(0)} s`,
      );
    }
  },
});
const seconds = (performance.now() - t0) / 1000;

const sorted = [...report.workerMs].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const byKind = new Map<string, number>();
for (const f of report.findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);

console.log(`
inputs        ${report.inputs.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(report.inputs / seconds)} per second)
surfaces      ${Object.entries(report.bySurface)
  .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
  .join(', ')}
read          ${report.valid.toLocaleString('en')} valid, ${report.invalid.toLocaleString('en')} invalid, ${report.refused.toLocaleString('en')} refused as unreadable (exit 2)
worker ms     median ${pct(0.5).toFixed(2)}, p99 ${pct(0.99).toFixed(2)}, slowest ${report.slowestWorkerMs.toFixed(1)}
cli ms        slowest ${report.slowestCliMs.toFixed(1)} (wall time, beside the worker)
findings      ${report.findings.length ? [...byKind].map(([k, n]) => `${n} ${k}`).join(', ') : 'none'}`);

if (report.findings.length) {
  const dir = join(REPO_ROOT, 'fuzz-findings');
  mkdirSync(dir, { recursive: true });
  for (const f of report.findings.slice(0, 200)) {
    const name = `seed${seed}-input${f.input}-${f.kind}`;
    writeFileSync(
      join(
        dir,
        `${name}.${f.source.endsWith('.yaml') || f.source.endsWith('.yml') ? 'yaml' : 'txt'}`,
      ),
      f.bytes,
    );
    writeFileSync(join(dir, `${name}.finding`), `${f.kind} from ${f.source}: ${f.detail}\n`);
  }
  for (const f of report.findings.slice(0, 20))
    console.log(`  #${f.input} ${f.kind} (${f.source}): ${f.detail}`);
  console.log(`\nThe inputs are in ${dir}.`);
  process.exitCode = 1;
}
