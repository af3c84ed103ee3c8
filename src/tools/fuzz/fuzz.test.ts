// A seeded share of `npm run fuzz` (which runs 100,000 inputs): mutated manifests through the
// app's worker (in a worker thread) and the CLI, and the other surfaces (links, file names,
// export, import, diff, program) each with its oracle: nothing crashes, hangs, differs or is wrong.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { corpusFiles, shippedManifests } from '../../fixtures/read.ts';
import { fuzz } from './fuzz.ts';
import { SURFACES } from './surfaces.ts';

it('1,050 inputs over every surface: no crash, no hang, no wrong answer', async () => {
  const files = [...corpusFiles(), ...shippedManifests()];
  const sources = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  const report = await fuzz({ seed: 20261207, count: 1050, sources });
  expect(report.findings.map((f) => `#${f.input} ${f.kind} (${f.source}): ${f.detail}`)).toEqual(
    [],
  );
  expect(report.inputs).toBe(1050);
  // Every surface had its share, and the mutations reach every way of reading a manifest.
  for (const s of ['manifest', ...SURFACES]) expect(report.bySurface[s], s).toBe(150);
  expect(report.valid).toBeGreaterThan(0);
  expect(report.invalid).toBeGreaterThan(0);
  expect(report.refused).toBeGreaterThan(0);
}, 120_000);
