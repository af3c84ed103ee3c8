// `validate --format sarif` against the official SARIF 2.1.0 schema (OASIS, with Approved
// Errata 01), vendored unmodified in src/fixtures/sarif-schema-2.1.0.json: see the .md beside it.
// The schema is draft-04, hence Ajv's draft-04 class; ajv-formats checks its `uri`,
// `uri-reference` and `date-time` formats (so a file name that is not percent-encoded fails).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../fixtures/read.ts';
import { runCli } from './run.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url));
const SCHEMA_SHA256 = 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e';
const schemaText = readFileSync(SCHEMA_FILE);
const schema = JSON.parse(schemaText.toString('utf8')) as Record<string, unknown>;

// Ajv's defaults (strict about the schema's own keywords); every error, not just the first.
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const check = ajv.compile(schema);

/** The schema's complaints about `doc` as `path: keyword: message {params}`; empty if none. */
function schemaErrors(doc: unknown): string[] {
  return check(doc)
    ? []
    : (check.errors ?? []).map(
        (e) =>
          `${e.instancePath || '/'}: ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
}

interface Sarif {
  version: string;
  runs: {
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: object } }[];
    }[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: {
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
    }[];
  }[];
}

// Errors (a bad group name, a negative count), warnings (an unknown and a misspelt key) and
// infos (no resources), which SARIF calls notes.
const faulty = withTypes(
  '    Bad_name:\n      count: -3\n      colour: red\n' +
    '    worker:\n      count: 1\n      completions: 2\n      parallelism: 4\n',
);
const clean = readFixture('platform-main');
const oddName = 'odd #1 é ☕ name.yaml';
const oddFolder = 'a folder/ünï #2';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobset-sarif-schema-'));
  mkdirSync(join(dir, oddFolder), { recursive: true });
  writeFileSync(join(dir, 'faulty.yaml'), faulty);
  writeFileSync(join(dir, 'clean.yaml'), clean);
  writeFileSync(join(dir, oddName), faulty);
  writeFileSync(join(dir, oddFolder, oddName), faulty);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sarif(...inputs: string[]): Promise<{ code: number; doc: Sarif }> {
  const r = await runCli(['validate', '--format', 'sarif', ...inputs], faulty, dir);
  return { code: r.code, doc: JSON.parse(r.stdout) as Sarif };
}

/** What a SARIF reader makes of a location's URI: the path it names. */
const pathOf = (uri: string) =>
  uri.startsWith('file:')
    ? fileURLToPath(uri)
    : decodeURIComponent(new URL(uri, 'file:///base/').pathname).slice('/base/'.length);

describe('the vendored SARIF 2.1.0 schema', () => {
  it('is the OASIS errata01 schema, byte for byte as the .md records', () => {
    expect(createHash('sha256').update(schemaText).digest('hex')).toBe(SCHEMA_SHA256);
    expect(schema.id).toBe(
      'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    );
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  });
});

describe('validate --format sarif conforms to the SARIF 2.1.0 schema', () => {
  it('for a manifest with errors, warnings and infos', async () => {
    const { code, doc } = await sarif('faulty.yaml');
    expect(code).toBe(1);
    const results = doc.runs[0]!.results;
    expect(new Set(results.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'note']));
    for (const r of results) {
      expect(r.locations).toHaveLength(1);
      expect(r.locations[0]!.physicalLocation.region).toBeDefined();
    }
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('for a clean manifest', async () => {
    const { code, doc } = await sarif('clean.yaml');
    expect(code).toBe(0);
    expect(doc.runs[0]!.results).toEqual([]);
    expect(doc.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('for several files with odd names, absolute and relative, and one that is missing', async () => {
    const absolute = join(dir, oddName);
    const inputs = [
      'faulty.yaml',
      oddName,
      `${oddFolder}/${oddName}`,
      absolute,
      'clean.yaml',
      'missing.yaml',
    ];
    const { code, doc } = await sarif(...inputs);
    expect(code).toBe(2);
    const run = doc.runs[0]!;
    // Every faulty file has results at its own URI, which names it again; the clean one none.
    const uris = new Set(
      run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    expect(new Set([...uris].map(pathOf))).toEqual(
      new Set(['faulty.yaml', oddName, `${oddFolder}/${oddName}`, absolute]),
    );
    expect([...uris].some((u) => u.startsWith('file:'))).toBe(true);
    // The missing file is a failed execution, with its place.
    const notes = run.invocations[0]!.toolExecutionNotifications;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(notes.map((n) => pathOf(n.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(
      ['missing.yaml'],
    );
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('for standard input, whose results have no location', async () => {
    const { doc } = await sarif('-');
    const results = doc.runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.locations).toEqual([]);
    expect(schemaErrors(doc)).toEqual([]);
  });
});

describe('the schema check can fail', () => {
  /** A copy of a real document, broken by `breakIt`. */
  async function broken(breakIt: (doc: Sarif & Record<string, unknown>) => void) {
    const { doc } = await sarif(oddName);
    expect(schemaErrors(doc)).toEqual([]);
    const copy = structuredClone(doc) as Sarif & Record<string, unknown>;
    breakIt(copy);
    return schemaErrors(copy);
  }
  const result = (doc: Sarif) => doc.runs[0]!.results[0]!;

  it('rejects a level SARIF does not have', async () => {
    const errors = await broken((doc) => {
      result(doc).level = 'fatal';
    });
    expect(errors).toContainEqual(expect.stringMatching(/^\/runs\/0\/results\/0\/level: enum:/));
  });

  it('rejects a document without its version', async () => {
    const errors = await broken((doc) => {
      delete (doc as Partial<Sarif>).version;
    });
    expect(errors).toContainEqual(
      expect.stringMatching(/^\/: required: .*"missingProperty":"version"/),
    );
  });

  it('rejects a file name written into the URI as it is, spaces and all', async () => {
    const errors = await broken((doc) => {
      result(doc).locations[0]!.physicalLocation.artifactLocation.uri = oddName;
    });
    expect(errors).toContainEqual(
      expect.stringMatching(/artifactLocation\/uri: format: .*"format":"uri-reference"/),
    );
  });

  it('rejects a region that starts on line 0, and a key SARIF does not have', async () => {
    const errors = await broken((doc) => {
      result(doc).locations[0]!.physicalLocation.region = { startLine: 0 };
      (result(doc) as Record<string, unknown>).severity = 'error';
    });
    expect(errors).toContainEqual(expect.stringMatching(/region\/startLine: minimum:/));
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^\/runs\/0\/results\/0: additionalProperties: .*"additionalProperty":"severity"/,
      ),
    );
  });
});
