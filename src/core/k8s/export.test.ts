// The export to a Kubernetes JobSet, checked three ways on every platform example, every jobset
// manifest of the real corpus and random designs: the API server would accept it (the CRD's
// schema, read from ../shared/schemas at test time), the JobSet controller would give every pod
// exactly the designer's six variables, and importing it back gives the same design.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { designerEnv, runFigures, samplePods } from '../../fixtures/designRun.ts';
import { crdSchema, validateOpenApi, type OpenApiNode } from '../../fixtures/openapi.ts';
import { corpusFiles, JOBSET_CRD, readFixture, withTypes } from '../../fixtures/read.ts';
import { JOBSET_TEMPLATE_IDS as TEMPLATE_IDS } from '../../templates/catalog.ts';
import { analyze } from '../analyze.ts';
import { generatedNameLengths } from '../jobset/names.ts';
import { exportJobSet } from './export.ts';
import { importJobSet } from './import.ts';
import { defaultJobSetName, jobsetNameProblems } from './jobsetName.ts';
import { COMPLETION_INDEX_VARIABLE } from './labels.ts';

type Json = Record<string, unknown>;

const schema: OpenApiNode | null = existsSync(JOBSET_CRD)
  ? crdSchema(JOBSET_CRD, 'v1alpha2')
  : null;

/** The CRD's schema; a missing CRD fails the test that needs it, naming where it was looked for. */
function crd(): OpenApiNode {
  if (!schema) throw new Error(`the JobSet CRD is missing: ${JOBSET_CRD} (../shared/schemas)`);
  return schema;
}

function exported(text: string, name?: string) {
  const r = exportJobSet(analyze(text), name);
  if (r.kind !== 'exported') throw new Error(`not exported: ${JSON.stringify(r).slice(0, 300)}`);
  return r;
}

/**
 * Plays the JobSet controller and the Job controller: numbers the replicatedJobs' Jobs by list
 * order (`job-global-index`), labels every pod, resolves each container's downward-API variables
 * and adds JOB_COMPLETION_INDEX for Indexed Jobs. Returns pod name -> variables.
 */
function controllerEnvs(
  jobset: Json,
  sample: (count: number, completions: number) => [number, number][],
) {
  const rjobs = (jobset.spec as Json).replicatedJobs as Json[];
  const globalReplicas = rjobs.reduce((n, rj) => n + (rj.replicas as number), 0);
  const out = new Map<string, Record<string, string>>();
  let offset = 0;
  for (const rj of rjobs) {
    const replicas = rj.replicas as number;
    const job = (rj.template as Json).spec as Json;
    const container = (((job.template as Json).spec as Json).containers as Json[])[0]!;
    for (const [a, b] of sample(replicas, job.completions as number)) {
      const labels: Record<string, string> = {
        'jobset.sigs.k8s.io/replicatedjob-name': String(rj.name),
        'jobset.sigs.k8s.io/replicatedjob-replicas': String(replicas),
        'jobset.sigs.k8s.io/global-replicas': String(globalReplicas),
        'jobset.sigs.k8s.io/job-index': String(a),
        'jobset.sigs.k8s.io/job-global-index': String(offset + a),
      };
      const env: Record<string, string> = {};
      if (job.completionMode === 'Indexed') env[COMPLETION_INDEX_VARIABLE] = String(b);
      for (const e of (container.env as Json[]) ?? []) {
        const path = (((e.valueFrom as Json)?.fieldRef as Json)?.fieldPath as string) ?? '';
        const m = /^metadata\.labels\['(.+)'\]$/.exec(path);
        if (!m || !(m[1]! in labels)) throw new Error(`cannot resolve ${path}`);
        env[e.name as string] = labels[m[1]!]!;
      }
      out.set(`${String(rj.name)}-${a}-${b}`, env);
    }
    offset += replicas;
  }
  return out;
}

/** Every check of one valid design; returns nothing, fails with the design's name. */
function checkDesign(label: string, text: string) {
  const before = analyze(text);
  const r = exported(text);
  const jobset = parseYaml(r.yaml) as Json;
  // 1. The API server would accept it.
  expect(validateOpenApi(jobset, crd()), label).toEqual([]);
  // 2. The controller gives every pod the designer's six variables.
  const envs = controllerEnvs(jobset, (c, n) => samplePods(c, n, 12));
  for (const [pod, env] of envs) {
    const [, group, a, b] = /^(.+)-(\d+)-(\d+)$/.exec(pod)!;
    expect(env, `${label}: ${pod}`).toEqual({
      ...designerEnv(before, group!, Number(a), Number(b)),
    });
  }
  // 3. Importing it back gives the same groups and figures, and the same variables.
  const back = importJobSet(r.yaml);
  if (back.kind !== 'imported') throw new Error(`${label}: ${back.reason}`);
  const after = analyze(back.manifest);
  expect(after.valid, `${label}: ${after.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
  expect(runFigures(after), label).toEqual(runFigures(before));
  for (const pod of envs.keys()) {
    const [, group, a, b] = /^(.+)-(\d+)-(\d+)$/.exec(pod)!;
    expect(designerEnv(after, group!, Number(a), Number(b)), `${label}: ${pod}`).toEqual(
      designerEnv(before, group!, Number(a), Number(b)),
    );
  }
  // A JobSet exported by the designer brings no surprise back.
  expect(
    back.report.filter((i) => i.severity === 'warning'),
    label,
  ).toEqual([]);
}

describe('exportJobSet', () => {
  it('maps a group exactly as the contract says', () => {
    const r = exported(
      withTypes(`    worker:
      count: 3
      completions: 4
      parallelisms: 2
      resources:
        cpus: 0.5
        ramRatio: 3
        shmSizeGB: 16
        accelerators:
          gpu:
            count: 2
            type: gpu
            product: NVIDIA-A100-SXM4-80GB
`),
      'sweep',
    );
    const js = parseYaml(r.yaml) as Json;
    expect(js.apiVersion).toBe('jobset.x-k8s.io/v1alpha2');
    expect(js.kind).toBe('JobSet');
    expect(js.metadata).toEqual({ name: 'sweep' });
    expect((js.spec as Json).network).toEqual({ enableDNSHostnames: true });
    const [rj] = (js.spec as Json).replicatedJobs as Json[];
    expect(rj!.name).toBe('worker');
    expect(rj!.replicas).toBe(3);
    const job = (rj!.template as Json).spec as Json;
    expect(job).toMatchObject({
      completions: 4,
      parallelism: 2,
      completionMode: 'Indexed',
      backoffLimit: 0,
    });
    const pod = (job.template as Json).spec as Json;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' });
    expect(pod.volumes).toEqual([
      { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '16Gi' } },
    ]);
    const [c] = pod.containers as Json[];
    expect(c!.image).toBe('i');
    expect(c!.command).toEqual(['/bin/sh', '-c', 'run']);
    expect(c!.volumeMounts).toEqual([{ name: 'dshm', mountPath: '/dev/shm' }]);
    expect(c!.resources).toEqual({
      requests: { cpu: '500m', memory: '1536Mi' },
      limits: { cpu: '500m', memory: '1536Mi', 'nvidia.com/gpu': 2 },
    });
    expect((c!.env as Json[]).map((e) => e.name)).toEqual([
      'JOB_INDEX',
      'JOB_GLOBAL_INDEX',
      'GLOBAL_REPLICAS',
      'REPLICATED_JOB_NAME',
      'REPLICATED_JOB_REPLICAS',
    ]);
    expect(r.yaml).toContain('# RAM is written in GiB');
  });

  it('lists the groups in type-name order, so the global index matches the platform', () => {
    const text = readFixture('global-index-order');
    const names = ((parseYaml(exported(text).yaml) as Json).spec as Json).replicatedJobs as Json[];
    const listed = names.map((rj) => rj.name as string);
    expect(listed).toEqual([...listed].sort());
    const declared = analyze(text).expansion!.groups.map((g) => g.name);
    expect(declared).not.toEqual(listed); // the fixture declares them out of order
  });

  it('lists what has no JobSet counterpart in a comment at the top', () => {
    const text = `kind: AIchorManifest
apiVersion: "0.2.3"
name: Sweep v2
builder:
  image: img
  dockerfile: ./Dockerfile
spec:
  operator: jobset
  image: img
  command: python3 main.py
  timeout: 6h
  storage:
    sharedVolume: { mountPoint: /data, sizeGB: 16 }
  tensorboard: { enabled: true }
  types:
    worker:
      count: 2
      resources:
        cpus: 4
        ramRatio: 2
        cpuLimitRatio: 1
        extraSelectors: { cloud.google.com/gke-spot: "true" }
`;
    const r = exported(text);
    // timeout: 6h is each Job's activeDeadlineSeconds (21600): carried.
    expect(r.yaml).toContain('        activeDeadlineSeconds: 21600\n');
    expect(r.notCarried.map((n) => n.path)).toEqual([
      'builder',
      'spec.storage',
      'spec.tensorboard',
      'spec.types.worker.resources.cpuLimitRatio',
      'spec.types.worker.resources.extraSelectors',
    ]);
    const header = r.yaml.slice(0, r.yaml.indexOf('apiVersion:'));
    for (const n of r.notCarried) expect(header).toContain(`#   ${n.path}:\n#     ${n.reason}\n`);
    expect(r.name).toBe('sweep-v2');
  });

  it('keeps every name and key inside its comment line, whatever line breaks it holds', () => {
    // YAML escapes: the reader turns them into a line separator, NEL and carriage returns.
    const odd = String.raw`name: "run\u2028kind: Pod\x85x"
spec:
  "x\r---\rkind: Pod\r#": 1
`;
    const text = withTypes('    worker:\n      count: 2\n').replace('spec:\n', odd);
    expect(analyze(text).valid).toBe(true);
    const r = exported(text);
    const header = r.yaml.slice(0, r.yaml.indexOf('\napiVersion:'));
    // Every character any YAML reader takes for a line break is gone from the comments.
    expect(header).not.toMatch(/[\r\u0085\u2028\u2029]/);
    for (const line of header.split('\n')) expect(line === '' || line.startsWith('#')).toBe(true);
  });

  it('refuses an invalid manifest with its errors, and names another operator', () => {
    const bad = exportJobSet(analyze(withTypes('    worker:\n      count: -2\n')));
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid')
      expect(bad.errors[0]!.path).toEqual(['spec', 'types', 'worker', 'count']);
    const other = exportJobSet(
      analyze(readFixture('platform-main').replace('operator: jobset', 'operator: pytorch')),
    );
    expect(other).toEqual({ kind: 'not-jobset', operator: 'pytorch' });
  });
});

describe('the JobSet name, as the webhook checks it', () => {
  const groups = [{ name: 'rj', count: 101, completions: 1 }];
  it('ports the webhook cases (jobset-crd.md §5.1)', () => {
    expect(jobsetNameProblems('a'.repeat(62), groups)).not.toEqual([]);
    expect(
      jobsetNameProblems('a'.repeat(56), [{ name: 'rj', count: 1, completions: 1 }])[0],
    ).toMatch(/pod names of group "rj" have 69 characters/);
    expect(
      jobsetNameProblems('js', [{ name: 'username.llama65b', count: 1, completions: 1 }]),
    ).toEqual([]);
    expect(jobsetNameProblems('a'.repeat(64), [])[0]).toMatch(/64 characters/);
  });

  it('refuses what is not a DNS-1035 label', () => {
    for (const name of ['', 'My-Jobset', '1st', 'ends-', 'has_underscore', 'dots.in']) {
      expect(jobsetNameProblems(name, groups), name).not.toEqual([]);
    }
    expect(jobsetNameProblems('sweep-2', groups)).toEqual([]);
  });

  it('makes a default that fits every generated name', () => {
    const big = [{ name: 'worker-with-a-long-name', count: 1000, completions: 1000 }];
    const name = defaultJobSetName('Learning-rate sweep over the whole grid (A100, 80 GB)', big);
    expect(jobsetNameProblems(name, big)).toEqual([]);
    expect(generatedNameLengths(name, big[0]!.name, 1000, 1000).pod).toBeLessThanOrEqual(63);
    expect(defaultJobSetName(null, big)).toBe('experiment');
    expect(defaultJobSetName('42 — Été', [])).toBe('ete');
  });

  it('is refused with the reason, and nothing is exported', () => {
    const r = exportJobSet(analyze(readFixture('platform-main')), 'Not_Valid');
    expect(r.kind).toBe('bad-name');
    if (r.kind === 'bad-name') expect(r.problems[0]).toMatch(/DNS-1035/);
  });
});

describe(`against the JobSet CRD (${JOBSET_CRD})`, () => {
  it('a broken object is refused, so the check can fail', () => {
    const js = parseYaml(exported(readFixture('platform-main')).yaml) as Json;
    const rj = ((js.spec as Json).replicatedJobs as Json[])[0]!;
    (rj as Json).replicas = 'two';
    ((rj.template as Json).spec as Json).backoffLimit = 'none';
    (js.spec as Json).unknownField = 1;
    expect(validateOpenApi(js, crd()).length).toBe(3);
  });
});

describe('every platform example and template', () => {
  for (const id of TEMPLATE_IDS) {
    it(id, () => checkDesign(id, readFixture(id)));
  }
  it('global-index-order', () =>
    checkDesign('global-index-order', readFixture('global-index-order')));
});

const corpus = corpusFiles()
  .map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }))
  .filter((f) => /operator:\s*["']?jobset/.test(f.text));

describe.skipIf(corpus.length === 0)('every jobset manifest of the real corpus', () => {
  it('exports every valid one and refuses every invalid one with its errors', () => {
    let exportedCount = 0;
    for (const f of corpus) {
      const a = analyze(f.text);
      if (a.operator !== 'jobset') continue;
      const r = exportJobSet(a);
      if (a.valid) {
        // A valid design may still need a name shorter than the default: none does here.
        expect(r.kind, f.name).toBe('exported');
        checkDesign(f.name, f.text);
        exportedCount++;
      } else {
        expect(r.kind, f.name).toBe('invalid');
        if (r.kind === 'invalid') expect(r.errors.length, f.name).toBeGreaterThan(0);
      }
    }
    expect(exportedCount).toBeGreaterThan(30);
  });
});

const groupArb = fc.record(
  {
    count: fc.integer({ min: 0, max: 40 }),
    completions: fc.integer({ min: 0, max: 30 }),
    parallelisms: fc.integer({ min: 0, max: 12 }),
    cpus: fc.oneof(fc.integer({ min: 1, max: 96 }), fc.constantFrom(0.1, 0.25, 0.5, 1.5)),
    ram: fc.oneof(
      fc.record({ ramRatio: fc.constantFrom(1, 2, 3, 0.5, 1.1, 7.3) }),
      fc.record({ memory: fc.constantFrom(1, 8, 12.5, 300) }),
    ),
    shm: fc.constantFrom(0, 0, 8, 64),
    gpu: fc.option(
      fc.record({
        count: fc.integer({ min: 0, max: 8 }),
        product: fc.constantFrom(
          'NVIDIA-A100-SXM4-80GB',
          'NVIDIA-H100-80GB-HBM3',
          'nvidia-tesla-t4',
        ),
      }),
    ),
  },
  { requiredKeys: ['count', 'completions', 'parallelisms', 'cpus', 'ram'] },
);

type GroupGen = typeof groupArb extends fc.Arbitrary<infer T> ? T : never;

function designText(types: Record<string, GroupGen>): string {
  return withTypes(
    Object.entries(types)
      .map(([name, g]) => {
        const ram = 'ramRatio' in g.ram ? `ramRatio: ${g.ram.ramRatio}` : `memory: ${g.ram.memory}`;
        const gpu = g.gpu
          ? `\n        accelerators:\n          gpu:\n            count: ${g.gpu.count}\n            type: gpu\n            product: ${g.gpu.product}`
          : '';
        const shm = g.shm ? `\n        shmSizeGB: ${g.shm}` : '';
        return `    ${name}:\n      count: ${g.count}\n      completions: ${g.completions}\n      parallelisms: ${g.parallelisms}\n      resources:\n        cpus: ${g.cpus}\n        ${ram}${shm}${gpu}\n`;
      })
      .join(''),
  );
}

describe('random designs', () => {
  it('validate, number their pods as the platform does, and come back the same', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), groupArb, {
          minKeys: 1,
          maxKeys: 6,
        }),
        (types) => {
          const text = designText(types);
          if (!analyze(text).valid) return; // e.g. count x parallelisms beyond int32: not exportable
          checkDesign(Object.keys(types).join(','), text);
          checked++;
        },
      ),
      { numRuns: 150, seed: 14 },
    );
    // The invalid ones are passed over: most must still be checked, or the property says nothing.
    expect(checked).toBeGreaterThanOrEqual(100);
  });
});

describe('what Kubernetes reads, at the edges', () => {
  const containerOf = (yaml: string) =>
    (
      parseYaml(yaml) as {
        spec: {
          replicatedJobs: {
            template: {
              spec: {
                activeDeadlineSeconds?: number;
                template: {
                  spec: { containers: { resources: { requests: Record<string, unknown> } }[] };
                };
              };
            };
          }[];
        };
      }
    ).spec.replicatedJobs[0]!.template.spec;

  it('writes quantities in whole units, never 0, and says what it rounded', () => {
    const tiny = exported(
      withTypes('    w:\n      count: 1\n      resources: { cpus: 0.0005, ramRatio: 0.6 }\n'),
    );
    const req = containerOf(tiny.yaml).template.spec.containers[0]!.resources.requests;
    expect(req.cpu).toBe('1m');
    // 0.0003 GiB is not a whole number of bytes: rounded up to one.
    expect(req.memory).toBe(322123);
    expect(Number.isInteger(req.memory)).toBe(true);
    expect(tiny.notCarried.map((n) => n.path)).toEqual([
      'builder',
      'spec.types.w.resources.cpus',
      'spec.types.w.resources.ramRatio',
    ]);
    expect(tiny.notCarried[1]!.reason).toContain('written as 1m');
    const exact = exported(
      withTypes('    w:\n      count: 1\n      resources: { cpus: 0.25, ramRatio: 2 }\n'),
    );
    const r2 = containerOf(exact.yaml).template.spec.containers[0]!.resources.requests;
    expect(r2).toEqual({ cpu: '250m', memory: '512Mi' });
    expect(exact.notCarried.map((n) => n.path)).toEqual(['builder']);
  });

  it('reads rounded RAM back as the GB written', () => {
    const text = withTypes('    w:\n      count: 1\n      resources: { cpus: 1, ramRatio: 0.3 }\n');
    const back = importJobSet(exported(text).yaml);
    if (back.kind !== 'imported') throw new Error(back.reason);
    expect(analyze(back.manifest).expansion!.groups[0]!.pod.ramGB).toBe(0.3);
  });

  it('keeps a tiny RAM: 0.0001 CPUs x 0.001 GB per CPU is 108 bytes, never 0', () => {
    // Found by the fuzz: figures were kept to 6 decimals, so 1e-7 GB read as 0 (and every RAM
    // was cut to 6 decimals of a GB, up to 500 bytes under the request).
    const text = withTypes(
      '    w:\n      count: 1\n      resources: { cpus: 0.0001, ramRatio: 0.001 }\n',
    );
    const a = analyze(text);
    expect(a.expansion!.groups[0]!.pod.ramGB).toBe(1e-7);
    const pod = ((parseYaml(exported(text).yaml) as Json).spec as Json).replicatedJobs as Json[];
    const c = (
      ((((pod[0]!.template as Json).spec as Json).template as Json).spec as Json)
        .containers as Json[]
    )[0]!;
    expect((c.resources as Json).requests).toEqual({
      cpu: '1m',
      memory: Math.ceil(1e-7 * 2 ** 30),
    });
    const odd = withTypes(
      '    w:\n      count: 1\n      resources: { cpus: 3.3333333, ramRatio: 0.3333333333333333 }\n',
    );
    const js = parseYaml(exported(odd).yaml) as Json;
    const rj = ((js.spec as Json).replicatedJobs as Json[])[0]!;
    const mem = (
      (
        ((((rj.template as Json).spec as Json).template as Json).spec as Json).containers as Json[]
      )[0]!.resources as Json
    ).requests as Json;
    expect(mem.memory as number).toBeGreaterThanOrEqual(3.3333333 * 0.3333333333333333 * 2 ** 30);
  });

  it('refuses a GPU product that cannot be a label value; validate says so, with a fix', () => {
    const text = withTypes(
      '    w:\n      count: 1\n      resources:\n        cpus: 1\n        ramRatio: 1\n        accelerators: { gpu: { count: 1, type: gpu, product: "NVIDIA A100 80GB PCIe" } }\n',
    );
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === 'gpu-product-not-label')!;
    expect(d.severity).toBe('warning');
    expect(d.fixes?.[0]?.title).toBe('Use "NVIDIA-A100-80GB-PCIe"');
    const r = exportJobSet(a);
    expect(r.kind).toBe('refused');
    expect((r as unknown as { reasons: string[] }).reasons[0]).toContain(
      'spec.types.w.resources.accelerators.gpu.product "NVIDIA A100 80GB PCIe" cannot be the node selector',
    );
  });

  it('writes DEL, NEL and other controls in a command escaped: every reader reads it back', () => {
    const command = 'echo a\u0085b\u007fc\u2028d';
    const text = withTypes('    w:\n      count: 1\n').replace(
      'command: run',
      // Escaped in the manifest: raw, PyYAML would refuse DEL (and read NEL and LS as breaks).
      'command: "echo a\\x85b\\x7fc\\u2028d"',
    );
    const yaml = exported(text).yaml;
    expect(yaml).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    const spec = parseYaml(yaml) as {
      spec: {
        replicatedJobs: {
          template: { spec: { template: { spec: { containers: { command: string[] }[] } } } };
        }[];
      };
    };
    expect(spec.spec.replicatedJobs[0]!.template.spec.template.spec.containers[0]!.command[2]).toBe(
      command,
    );
  });

  it('advises a length that fits every group, and it does', () => {
    const groups = [
      { name: 'a-very-long-group-name', count: 1000, completions: 1000 },
      { name: 'b', count: 1, completions: 1 },
    ];
    const name = 'a-rather-long-experiment-name-for-the-cluster';
    const problems = jobsetNameProblems(name, groups);
    const advice = /at most (\d+) characters/.exec(problems[problems.length - 1]!)!;
    const fits = name.slice(0, Number(advice[1])).replace(/-+$/, '');
    expect(jobsetNameProblems(fits, groups)).toEqual([]);
  });

  it('gives every Job the experiment\u2019s time limit (timeout, else activeDeadlineSeconds)', () => {
    const text = readFixture('two-groups').replace(
      'spec:\n',
      'spec:\n  timeout: "2h"\n  activeDeadlineSeconds: 60\n',
    );
    const r = exported(text);
    for (const rj of (
      parseYaml(r.yaml) as {
        spec: { replicatedJobs: { template: { spec: { activeDeadlineSeconds?: number } } }[] };
      }
    ).spec.replicatedJobs) {
      expect(rj.template.spec.activeDeadlineSeconds).toBe(7200);
    }
    expect(r.notCarried.map((n) => n.path)).toEqual(['builder', 'spec.activeDeadlineSeconds']);
    const back = importJobSet(r.yaml);
    if (back.kind !== 'imported') throw new Error(back.reason);
    expect(back.manifest).toContain('activeDeadlineSeconds: 7200');
    expect(back.report).toEqual([]);
  });
});

describe('the 0.2.3 operators that run on JobSet (pytorch, xgboost, jax)', () => {
  /** Each pod's variables as the controller gives them: literal values, and labels resolved. */
  function podEnvs(jobset: Json): Map<string, Record<string, string>> {
    const rj = ((jobset.spec as Json).replicatedJobs as Json[])[0]!;
    const replicas = rj.replicas as number;
    const job = (rj.template as Json).spec as Json;
    const container = (((job.template as Json).spec as Json).containers as Json[])[0]!;
    const out = new Map<string, Record<string, string>>();
    for (let a = 0; a < replicas; a++) {
      const labels: Record<string, string> = {
        'jobset.sigs.k8s.io/replicatedjob-name': String(rj.name),
        'jobset.sigs.k8s.io/replicatedjob-replicas': String(replicas),
        'jobset.sigs.k8s.io/global-replicas': String(replicas),
        'jobset.sigs.k8s.io/job-index': String(a),
        'jobset.sigs.k8s.io/job-global-index': String(a),
      };
      const env: Record<string, string> = {};
      for (const e of container.env as Json[]) {
        const path = (((e.valueFrom as Json)?.fieldRef as Json)?.fieldPath as string) ?? null;
        const m = path ? /^metadata\.labels\['(.+)'\]$/.exec(path) : null;
        env[e.name as string] = m ? labels[m[1]!]! : String(e.value);
      }
      out.set(`worker-${a}-0`, env);
    }
    return out;
  }

  it.each([
    ['pytorch', { RANK: 'rank', MASTER_ADDR: 'host0', MASTER_PORT: '23456', WORLD_SIZE: 'n' }],
    ['xgboost', { RANK: 'rank', MASTER_ADDR: 'host0', WORKER_PORT: '9999', WORKER_ADDRS: 'rest' }],
    [
      'jax',
      {
        JAXOPERATOR_PROCESS_ID: 'rank',
        JAXOPERATOR_COORDINATOR_ADDRESS: 'host0:1234',
        JAXOPERATOR_NUM_PROCESSES: 'n',
      },
    ],
  ] as const)(
    'exports the %s template as a JobSet the API server accepts, each pod given its rank',
    (id, expected) => {
      const text = readFixture(id);
      // Precondition: the template is this operator's 0.2.3 shape, one `worker` type.
      expect(analyze(text).operator).toBe(id);
      const r = exported(text, 'run');
      const jobset = parseYaml(r.yaml) as Json;
      expect(validateOpenApi(jobset, crd()), id).toEqual([]);
      const envs = podEnvs(jobset);
      const n = envs.size;
      expect(n).toBe(analyze(text).expansion!.totals.pods);
      const host = (i: number) => `run-worker-${i}-0.run`;
      for (const [pod, env] of envs) {
        const rank = Number(/^worker-(\d+)-0$/.exec(pod)![1]);
        for (const [k, v] of Object.entries(expected)) {
          const want =
            v === 'rank'
              ? String(rank)
              : v === 'n'
                ? String(n)
                : v === 'host0'
                  ? host(0)
                  : v === 'host0:1234'
                    ? `${host(0)}:1234`
                    : v === 'rest'
                      ? Array.from({ length: n - 1 }, (_, i) => host(i + 1)).join(',')
                      : v;
          expect(env[k], `${id} ${pod} ${k}`).toBe(want);
        }
      }
    },
  );

  it('refuses the 0.2.2 shape (Master + Worker) and the operators that do not run on JobSet', () => {
    const master = withTypes('    Master: {count: 1}\n    Worker: {count: 2}\n').replace(
      'operator: jobset',
      'operator: pytorch',
    );
    expect(exportJobSet(analyze(master)).kind).toBe('not-jobset');
    expect(exportJobSet(analyze(readFixture('kuberay'))).kind).toBe('not-jobset');
    expect(exportJobSet(analyze(readFixture('vertexai'))).kind).toBe('not-jobset');
  });
});
