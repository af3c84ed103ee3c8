// Importing a Kubernetes JobSet: what carries over becomes the manifest, everything else is
// reported item by item with its path.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../analyze.ts';
import { looksLikeJobSet } from './detect.ts';
import { importJobSet, placeOf } from './import.ts';
import { parseQuantity } from './quantity.ts';

const JOBSET = `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: pretrain
  namespace: research
spec:
  startupPolicy:
    startupPolicyOrder: InOrder
  failurePolicy:
    maxRestarts: 3
  coordinator:
    replicatedJob: workers
  replicatedJobs:
    - name: workers
      replicas: 4
      template:
        spec:
          completions: 2
          parallelism: 2
          template:
            spec:
              nodeSelector:
                nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
                cloud.google.com/gke-spot: "true"
              initContainers:
                - name: fetch
                  image: busybox
              containers:
                - name: main
                  image: registry/train:1
                  command: ["python3", "train.py", "--lr", "3e-4", "--name", "it's"]
                  env:
                    - name: WANDB_MODE
                      value: offline
                  resources:
                    requests: { cpu: 8000m, memory: 64Gi }
                    limits: { cpu: "8", memory: 64Gi, nvidia.com/gpu: "2" }
                  volumeMounts:
                    - { name: dshm, mountPath: /dev/shm }
                - name: sidecar
                  image: registry/log:1
              volumes:
                - name: dshm
                  emptyDir: { medium: Memory, sizeLimit: 32Gi }
    - name: driver
      dependsOn:
        - name: workers
          status: Ready
      template:
        spec:
          template:
            spec:
              containers:
                - name: main
                  image: registry/driver:1
                  command: ["/bin/bash", "-c", "python3 drive.py && echo done"]
                  resources:
                    limits: { cpu: 2, memory: 3G }
`;

describe('importJobSet', () => {
  const r = importJobSet(JOBSET);
  if (r.kind !== 'imported') throw new Error(r.reason);
  const a = analyze(r.manifest);

  it('brings the groups, their figures and resources into a manifest that validates', () => {
    expect(a.valid, a.diagnostics.map((d) => d.message).join('; ')).toBe(true);
    const figures = Object.fromEntries(a.expansion!.groups.map((g) => [g.name, g]));
    expect(figures.workers).toMatchObject({ count: 4, completions: 2, parallelisms: 2 });
    expect(figures.workers!.pod).toEqual({
      cpus: 8,
      ramGB: 64,
      gpus: 2,
      gpuProduct: 'NVIDIA-H100-80GB-HBM3',
    });
    // replicas, completions and parallelism default to 1; 3G is 3·10^9 bytes, in GiB.
    expect(figures.driver).toMatchObject({ count: 1, completions: 1, parallelisms: 1 });
    expect(figures.driver!.pod.ramGB).toBeCloseTo(2.793968, 5);
    expect(r.manifest).toContain('shmSizeGB: 32');
    expect(r.manifest).toContain('name: pretrain');
    expect(r.manifest).toContain('apiVersion: "0.2.3"');
  });

  it("keeps the first group's image and command, with the command quoted as a shell would", () => {
    expect(r.manifest).toContain('image: registry/train:1');
    expect(r.manifest).toContain(`command: "python3 train.py --lr 3e-4 --name 'it'\\\\''s'"`);
  });

  it('reports everything that did not carry over, with its path', () => {
    const paths = r.report.map((i) => i.path);
    const rj0 = 'spec.replicatedJobs[0]';
    const pod0 = `${rj0}.template.spec.template.spec`;
    expect(paths).toEqual(
      expect.arrayContaining([
        'metadata.namespace',
        'spec.startupPolicy',
        'spec.failurePolicy',
        'spec.coordinator',
        `${pod0}.nodeSelector.cloud.google.com/gke-spot`,
        `${pod0}.initContainers`,
        `${pod0}.containers[1]`,
        `${pod0}.containers[0].env[0]`,
        'spec.replicatedJobs[1].dependsOn',
        'spec.replicatedJobs[1].template.spec.template.spec.containers[0].image',
        'spec.replicatedJobs[1].template.spec.template.spec.containers[0].command',
      ]),
    );
    // What carries over is not reported: the GPU product, the /dev/shm volume and its mount.
    expect(paths).not.toContain(`${pod0}.nodeSelector.nvidia.com/gpu.product`);
    expect(paths.filter((p) => p.includes('volume'))).toEqual([]);
  });

  it('warns that JOB_GLOBAL_INDEX numbers groups by name when the list is not in name order', () => {
    const order = r.report.find((i) => i.path === 'spec.replicatedJobs');
    expect(order?.severity).toBe('warning');
    expect(order?.message).toMatch(/listed workers, driver.*name order \(driver, workers\)/);
  });

  it('says nothing of the order when the list is in name order', () => {
    const sorted = importJobSet(JOBSET.replace('name: driver', 'name: zdriver'));
    if (sorted.kind !== 'imported') throw new Error('not imported');
    expect(sorted.report.some((i) => /JOB_GLOBAL_INDEX/.test(i.message))).toBe(false);
  });

  it('takes the JobSet out of a file of several objects, and reports the others', () => {
    const multi = importJobSet(
      `apiVersion: v1\nkind: Namespace\nmetadata: { name: x }\n---\n${JOBSET}`,
    );
    expect(multi.kind).toBe('imported');
    if (multi.kind === 'imported') {
      expect(multi.report[0]).toMatchObject({ path: '(document 1)' });
      expect(multi.report[0]!.message).toMatch(/Namespace/);
    }
  });

  it('refuses what is not a JobSet, and YAML it cannot read', () => {
    expect(importJobSet('kind: AIchorManifest\napiVersion: "0.2.3"\n').kind).toBe('not-jobset');
    expect(importJobSet('').kind).toBe('not-jobset');
    expect(importJobSet('kind: JobSet\napiVersion: jobset.x-k8s.io/v1alpha2\nspec: [\n').kind).toBe(
      'unreadable',
    );
  });

  it('says an alias to no anchor, or an alias bomb, cannot be read, instead of throwing', () => {
    const head = 'kind: JobSet\napiVersion: jobset.x-k8s.io/v1alpha2\nmetadata: {name: a}\n';
    const dangling = importJobSet(`${head}spec: *nothing\n`);
    expect(dangling.kind).toBe('unreadable');
    if (dangling.kind === 'unreadable') expect(dangling.reason).toContain('nothing');
    const lines = ['a0: &a0 [x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    expect(importJobSet(`${head}${lines.join('\n')}\nspec: *a11\n`).kind).toBe('unreadable');
  });

  it('keeps a wrong figure as written, so the manifest says what is wrong at its place', () => {
    const bad = importJobSet(JOBSET.replace('replicas: 4', 'replicas: "four"'));
    if (bad.kind !== 'imported') throw new Error('not imported');
    const d = analyze(bad.manifest).diagnostics.find((x) => x.severity === 'error');
    expect(d?.path).toEqual(['spec', 'types', 'workers', 'count']);
  });
});

describe('looksLikeJobSet', () => {
  it('recognises a JobSet by its apiVersion and kind', () => {
    expect(looksLikeJobSet(JOBSET)).toBe(true);
    expect(looksLikeJobSet('kind: JobSet\napiVersion: batch/v1\n')).toBe(false);
    expect(looksLikeJobSet('kind: AIchorManifest\napiVersion: "0.2.3"\n')).toBe(false);
  });
});

describe('parseQuantity', () => {
  it('reads the forms Kubernetes writes', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('8Gi')).toBe(8 * 2 ** 30);
    expect(parseQuantity('3G')).toBe(3e9);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity('4 cores')).toBeNull();
  });
});

describe('import says what it drops or defaults', () => {
  const jobset = (
    job: string,
    pod: string,
    container: string,
  ) => `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: { name: run }
spec:
  replicatedJobs:
    - name: trainer
      replicas: 2
      template:
        spec:
          completions: 1
          parallelism: 1
${job}          template:
            spec:
${pod}              containers:
                - name: main
                  image: img
${container}`;
  const imported = (text: string) => {
    const r = importJobSet(text);
    if (r.kind !== 'imported') throw new Error(r.reason);
    return r;
  };
  const messages = (text: string) =>
    imported(text).report.map((i) => `${i.severity} ${i.path}: ${i.message}`);

  it('reports a missing backoffLimit, restarts, pod names and variables it leaves out', () => {
    const m = messages(
      jobset(
        '',
        '              hostname: chief\n              restartPolicy: OnFailure\n',
        '                  command: ["/bin/sh", "-c", "torchrun --master_addr=$MASTER_ADDR --rdzv ${MASTER_PORT} train.py"]\n' +
          '                  env:\n                    - { name: MASTER_ADDR, value: trainer-0-0 }\n                    - { name: MASTER_PORT, value: "29500" }\n' +
          '                    - { name: JOB_COMPLETION_INDEX, value: "0" }\n' +
          '                  resources: { requests: { cpu: "0", nvidia.com/gpu: 0.5 } }\n',
      ),
    ).join('\n');
    expect(m).toContain(
      'spec.replicatedJobs[0].template.spec.backoffLimit: Not set, so Kubernetes retries a failed pod up to 6 times',
    );
    expect(m).toContain('template.spec.template.spec.hostname: The platform names pods itself');
    expect(m).toContain(
      'template.spec.template.spec.restartPolicy: OnFailure: a failed container is restarted in its pod here',
    );
    expect(m).toContain('JOB_COMPLETION_INDEX is set here to a value of its own');
    expect(m).toContain('The command reads $MASTER_ADDR, which is left out');
    expect(m).toContain('The command reads $MASTER_PORT, which is left out');
    expect(m).toContain('A CPU request of 0 is no figure the manifest takes');
    expect(m).toContain('0.5 GPUs is not a whole number of GPUs');
  });

  it('says an args-only container loses the image entrypoint (info)', () => {
    const r = imported(
      jobset(
        '          backoffLimit: 0\n',
        '              restartPolicy: Never\n',
        '                  args: ["--epochs", "3"]\n',
      ),
    );
    expect(r.report).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        path: expect.stringMatching(/containers\[0\]\.args$/),
      }),
    );
  });

  it('keeps a replicatedJob named __proto__ as a group (which the manifest checks then refuse)', () => {
    const text = jobset(
      '          backoffLimit: 0\n',
      '              restartPolicy: Never\n',
      '                  command: ["/bin/sh", "-c", "run"]\n',
    ).replace('name: trainer', 'name: __proto__');
    const r = imported(text);
    expect(r.manifest).toContain('__proto__:');
    const a = analyze(r.manifest);
    expect(a.valid).toBe(false);
    expect(a.diagnostics.some((d) => d.code === 'type-name-invalid')).toBe(true);
  });
});

describe('report places', () => {
  it('name the group, the container and the variable', () => {
    const jobs = [
      {
        name: 'trainer',
        template: {
          spec: {
            template: {
              spec: { containers: [{ name: 'main', env: [{ name: 'MASTER_ADDR', value: 'x' }] }] },
            },
          },
        },
      },
    ];
    expect(
      placeOf('spec.replicatedJobs[0].template.spec.template.spec.containers[0].env[0]', jobs),
    ).toBe('group "trainer" › container "main" › variable MASTER_ADDR');
    expect(placeOf('spec.replicatedJobs[0].template.spec.backoffLimit', jobs)).toBe(
      'group "trainer" › Job › backoffLimit',
    );
    expect(placeOf('spec.replicatedJobs[0].template.spec.template.spec.hostname', jobs)).toBe(
      'group "trainer" › pod › hostname',
    );
    expect(placeOf('metadata.labels', jobs)).toBe('metadata.labels');
  });
});

describe('what the fuzz found the import kept quiet about', () => {
  const base = (pod: string, resources: string) => `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: { name: run }
spec:
  replicatedJobs:
    - name: worker
      replicas: 1
      template:
        spec:
          backoffLimit: 0
          completionMode: Indexed
          template:
            spec:
${pod}              containers:
                - name: main
                  image: i
                  command: [/bin/sh, -c, run]
                  resources:
${resources}`;

  const items = (text: string) => {
    const r = importJobSet(text);
    if (r.kind !== 'imported') throw new Error(r.reason);
    return r.report.map((i) => `${i.severity} ${i.path}: ${i.message}`);
  };

  it('says when restartPolicy is left to JobSet (OnFailure), and not when it is Never', () => {
    const limits =
      '                    limits: { cpu: 1, memory: 1Gi }\n                    requests: { cpu: 1, memory: 1Gi }\n';
    const never = items(base('              restartPolicy: Never\n', limits));
    expect(never.filter((i) => i.includes('restartPolicy'))).toEqual([]);
    const unset = items(base('', limits));
    expect(unset.filter((i) => i.includes('restartPolicy'))).toEqual([
      expect.stringMatching(
        /^warning spec\.replicatedJobs\[0\]\.template\.spec\.template\.spec\.restartPolicy: Not set, so JobSet makes it OnFailure/,
      ),
    ]);
  });

  it('says when requests have no limits (the platform limits a pod to its request)', () => {
    const r = items(
      base(
        '              restartPolicy: Never\n',
        '                    requests: { cpu: 2, memory: 4Gi }\n',
      ),
    );
    expect(r.filter((i) => i.includes('.limits.'))).toEqual([
      expect.stringMatching(/^info .*containers\[0\]\.resources\.limits\.cpu: No limit/),
      expect.stringMatching(/^info .*containers\[0\]\.resources\.limits\.memory: No limit/),
    ]);
  });

  it('says when a GPU product selector goes with no GPU asked for', () => {
    const r = items(
      base(
        '              restartPolicy: Never\n              nodeSelector: { nvidia.com/gpu.product: Tesla-T4 }\n',
        '                    limits: { cpu: 1, memory: 1Gi, nvidia.com/gpu: 0 }\n',
      ),
    );
    expect(r.filter((i) => i.includes('nodeSelector'))).toEqual([
      expect.stringMatching(
        /^warning .*nodeSelector\.nvidia\.com\/gpu\.product: No GPU is asked for/,
      ),
    ]);
  });
});

describe('hostile names in what the import writes', () => {
  it('keeps a JobSet name with NEL, LS or CR inside its header comment (Python reads no extra key)', () => {
    const name = 'run\u0085injected: 1\u2028x\ry';
    const text = `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: { name: ${JSON.stringify(name)
      .replace(/\u0085/g, '\\N')
      .replace(/\u2028/g, '\\L')} }
spec:
  replicatedJobs:
    - name: w
      template:
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers: [{ name: c, image: i, command: [/bin/sh, -c, run] }]
`;
    const r = importJobSet(text);
    if (r.kind !== 'imported') throw new Error(r.reason);
    expect(r.name).toBe(name);
    const header = r.manifest.slice(0, r.manifest.indexOf('kind:'));
    expect(header).not.toMatch(/[\r\u0085\u2028\u2029]/);
    expect(analyze(r.manifest).diagnostics.map((d) => d.code)).not.toContain('line-break-differs');
    expect(Object.keys(parseYaml(r.manifest) as object)).not.toContain('injected');
  });
});

describe('numbers the platform reads as numbers', () => {
  it('writes a tiny RAM as a plain decimal: 1e-7 is text to YAML 1.1', () => {
    const text = `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: { name: run }
spec:
  replicatedJobs:
    - name: w
      template:
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: c
                  image: i
                  command: [/bin/sh, -c, run]
                  resources:
                    requests: { cpu: 3, memory: 108 }
                    limits: { cpu: 3, memory: 108 }
`;
    const r = importJobSet(text);
    if (r.kind !== 'imported') throw new Error(r.reason);
    expect(r.manifest).not.toMatch(/\de-\d/);
    const a = analyze(r.manifest);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('yaml11-reading');
    // 108 bytes read back as the shortest GB that exports as 108 bytes again.
    expect(r.manifest).toContain('memory: 0.0000001\n');
    expect(a.expansion!.groups[0]!.pod.ramGB).toBe(1e-7);
  });
});
