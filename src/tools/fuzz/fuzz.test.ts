// A seeded share of `npm run fuzz` (which runs 100,000 inputs): mutated manifests through the
// app's worker (in a worker thread) and the CLI, with nothing crashing, hanging or differing.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { corpusFiles, shippedManifests } from '../../fixtures/read.ts';
import { fuzz } from './fuzz.ts';

it('400 mutated manifests: no crash, no hang, the worker and the CLI agree', async () => {
  const files = [...corpusFiles(), ...shippedManifests()];
  const sources = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  const report = await fuzz({ seed: 20261202, count: 400, sources });
  expect(report.findings.map((f) => `#${f.input} ${f.kind} (${f.source}): ${f.detail}`)).toEqual(
    [],
  );
  expect(report.inputs).toBe(400);
  // The mutations reach every way of reading: valid, invalid and refused files.
  expect(report.valid).toBeGreaterThan(0);
  expect(report.invalid).toBeGreaterThan(0);
  expect(report.refused).toBeGreaterThan(0);
}, 60_000);
