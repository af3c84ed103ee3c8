// The fuzz's oracles catch what they are there to catch: each is shown a planted fault (a
// dropped field with no report, an export below its request, a file name the runner would read
// as another) and must name it. An oracle that cannot fail would make 100,000 clean inputs mean
// nothing.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze, exportJobSet } from '../../core/index.ts';
import { withTypes } from '../../fixtures/read.ts';
import { githubLines } from '../../cli/formats.ts';
import { githubProperties, jobsetProblems, unaccounted } from './surfaces.ts';

type Json = Record<string, unknown>;

function exported(types: string): Json {
  const r = exportJobSet(analyze(withTypes(types)));
  if (r.kind !== 'exported') throw new Error(r.kind);
  return parseYaml(r.yaml) as Json;
}
const want = new Map([['w', { cpus: 0.5, ramBytes: 0.5 * 3 * 2 ** 30, gpus: 0 }]]);
const types = '    w:\n      count: 2\n      resources: { cpus: 0.5, ramRatio: 3 }\n';
const containerOf = (js: Json) =>
  (
    (
      ((((js.spec as Json).replicatedJobs as Json[])[0]!.template as Json).spec as Json)
        .template as Json
    ).spec as Json
  ).containers as Json[];

describe('the export oracle', () => {
  it('passes the real export and names a request written below what the design asks', () => {
    const js = exported(types);
    expect(jobsetProblems(js, want)).toEqual([]);
    ((containerOf(js)[0]!.resources as Json).requests as Json).memory = '1Gi';
    expect(jobsetProblems(js, want)).toEqual([expect.stringContaining('requests.memory "1Gi"')]);
  });

  it('names a replicatedJob name the webhook refuses', () => {
    const js = exported(types);
    ((js.spec as Json).replicatedJobs as Json[])[0]!.name = 'W';
    expect(jobsetProblems(js, new Map([['W', want.get('w')!]])).join(' ')).toMatch(/V7/);
  });
});

describe('the import oracle', () => {
  it('accepts what is carried or reported, and names a field dropped with no word', () => {
    const input = exported(types);
    const tolerated = structuredClone(input);
    ((tolerated.spec as Json).replicatedJobs as Json[])[0]!.groupName = 'pool';
    const back = exported(types);
    const at = 'spec.replicatedJobs[0].groupName';
    expect(unaccounted(tolerated, back, [{ path: at }])).toBeNull();
    expect(unaccounted(tolerated, back, [])).toBe(`${at} ("pool") is dropped with no word`);
  });

  it('names a default the result adds where the input left the field out', () => {
    const input = exported(types);
    const job = (((input.spec as Json).replicatedJobs as Json[])[0]!.template as Json).spec as Json;
    delete job.backoffLimit;
    const at = 'spec.replicatedJobs[0].template.spec.backoffLimit';
    expect(unaccounted(input, exported(types), [])).toBe(`${at} = 0 is added with no word`);
    expect(unaccounted(input, exported(types), [{ path: at }])).toBeNull();
  });
});

describe('the file-name oracle', () => {
  it('reads a workflow command as the runner does: the name comes back whole', () => {
    const name = 'a,b:c%0A\nd.yaml';
    const a = analyze(withTypes('    w:\n      count: -1\n'));
    const [line] = githubLines([
      { kind: 'checked', design: { name, file: name, text: '', settings: {} }, analysis: a },
    ] as never);
    expect(githubProperties(line!)?.file).toBe(name);
    // A command written without escaping would be read as another name: the oracle reads it
    // (not null), and reads `a`, where the escaped one reads the whole name.
    const unescaped = githubProperties('::error file=a,b.yaml,line=1::x');
    expect(unescaped).not.toBeNull();
    expect(unescaped!.file).toBe('a');
    expect(githubProperties('::error file=a%2Cb.yaml,line=1::x')?.file).toBe('a,b.yaml');
  });
});
