// Every operator the platform runs gets pods, peak, cost and a timeline (SEMANTICS.md "Other
// operators"): each file pasted as a user would, its figures read where the user reads them.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readFixture } from '../src/fixtures/read.ts';
import { expect, resource, test } from './fixtures.ts';
import { clickCell, openDesigner, pasteOnPage, showView, yamlText } from './designer.ts';

const HEAD = [
  'kind: AIchorManifest',
  'builder: {image: image, dockerfile: ./Dockerfile, context: .}',
];

const PYTORCH_022 = [
  ...HEAD,
  'apiVersion: "0.2.2"',
  'spec:',
  '  operator: pytorch',
  '  image: image',
  '  command: python3 -u main.py',
  '  types:',
  '    Master:',
  '      count: 1',
  '      resources: {cpus: 4, ramRatio: 3, accelerators: {gpu: {count: 1, type: gpu, product: NVIDIA-A100-SXM4-80GB}}}',
  '    Worker:',
  '      count: 3',
  '      resources: {cpus: 4, ramRatio: 3, accelerators: {gpu: {count: 1, type: gpu, product: NVIDIA-A100-SXM4-80GB}}}',
  '',
].join('\n');

const KUBERAY = [
  ...HEAD,
  'apiVersion: "0.2.3"',
  'spec:',
  '  operator: kuberay',
  '  image: image',
  '  command: python3 -u main.py',
  '  types:',
  '    Head:',
  '      resources: {cpus: 2, ramRatio: 2}',
  '    Workers:',
  '      - name: cpu-workers',
  '        count: 4',
  '        resources: {cpus: 8, ramRatio: 2}',
  '      - name: gpu-workers',
  '        count: 2',
  '        resources: {cpus: 8, ramRatio: 4, accelerators: {gpu: {count: 2, type: gpu, product: NVIDIA-H100-80GB-HBM3}}}',
  '',
].join('\n');

const VERTEXAI = [
  ...HEAD,
  'apiVersion: "0.2.3"',
  'spec:',
  '  operator: vertexai',
  '  image: image',
  '  command: python3 -u main.py',
  '  types:',
  '    workerPoolSpecs:',
  '      - machineSpec: {machineType: n1-standard-8, acceleratorType: NVIDIA_TESLA_T4, acceleratorCount: 1}',
  '        replicaCount: 1',
  '      - machineSpec: {machineType: n1-standard-4}',
  '        replicaCount: 2',
  '',
].join('\n');

const SLURM = [
  'kind: AIchorManifest',
  'spec:',
  '  operator: slurm',
  '  command: ./train.sh',
  '  types:',
  '    job:',
  '      ntasks: 4',
  '      nodes: 2',
  '      cpus_per_task: 2',
  '      memory_per_cpu: 4G',
  '      gres: gpu:1',
  '      time: 12:00:00',
  '',
].join('\n');

/** Pastes a manifest and waits until the designer shows it. */
async function paste(page: Page, text: string, operator: string) {
  await openDesigner(page, 'YAML');
  await pasteOnPage(page, text);
  await expect.poll(() => yamlText(page)).toContain(`operator: ${operator}`);
}

const cases = [
  {
    name: 'a pytorch 0.2.2 file (Master + Worker)',
    text: PYTORCH_022,
    operator: 'pytorch',
    pods: '4',
    gpus: '4',
    cpus: '16',
  },
  {
    name: 'a kuberay file with two worker pools',
    text: KUBERAY,
    operator: 'kuberay',
    pods: '7',
    gpus: '4',
    cpus: '50',
  },
  {
    name: 'a vertexai file with two pools',
    text: VERTEXAI,
    operator: 'vertexai',
    pods: '3',
    gpus: '1',
    cpus: '16',
  },
  { name: 'a slurm file', text: SLURM, operator: 'slurm', pods: '4', gpus: '2', cpus: '8' },
];

for (const c of cases) {
  test(`${c.name}: its pods, peak GPUs, cost and timeline`, async ({ page }) => {
    await paste(page, c.text, c.operator);
    // Precondition: the old "jobset only" words are gone, and the grid is drawn.
    await expect(page.getByText(/covers jobset only|cannot be drawn/)).toHaveCount(0);
    await expect(page.getByRole('application', { name: /Pod grid/ })).toBeVisible();
    await expect(resource(page, 'Total pods')).toHaveText(c.pods);
    await expect(resource(page, 'Peak CPUs')).toHaveText(c.cpus);
    await expect(resource(page, 'Peak GPUs')).toHaveText(c.gpus);
    await expect(resource(page, 'Cost, requested')).toHaveText(/^\$\d/);
    await expect(
      page.getByRole('img', { name: /Timeline in hours: the design runs for/ }),
    ).toBeVisible();
  });
}

test('a pytorch pod gives its rank, world size and coordinator; the sidebar says how pods are named', async ({
  page,
}) => {
  await paste(page, PYTORCH_022, 'pytorch');
  await expect(page.getByRole('list', { name: 'What these figures assume' })).toContainText(
    'Kubeflow',
  );
  await clickCell(page, 'Worker', 2, 0);
  const vars = page.getByRole('table', { name: 'Injected variables' });
  await expect(vars.getByRole('row', { name: /^RANK/ })).toContainText('3');
  await expect(vars.getByRole('row', { name: /^WORLD_SIZE/ })).toContainText('4');
  await expect(vars.getByRole('row', { name: /^MASTER_ADDR/ })).toContainText('-master-0');
  await expect(page.locator('.pod-name')).toHaveText('worker-2');
});

test('kuberay: the submitter pod is said not to be counted, beside the figures', async ({
  page,
}) => {
  await paste(page, KUBERAY, 'kuberay');
  await expect(page.getByRole('list', { name: 'What these figures assume' })).toContainText(
    'submitter pod',
  );
});

test('slurm: an unquoted time is a warning whose fix quotes it', async ({ page }) => {
  await paste(page, SLURM, 'slurm');
  await page.getByRole('status', { name: 'Validation' }).click();
  const problem = page
    .getByRole('dialog', { name: 'Problems' })
    .getByRole('listitem')
    .filter({ hasText: 'slurm-time-number' });
  await expect(problem).toContainText('43200');
  await problem.getByRole('button', { name: 'Quote it: "12:00:00"', exact: true }).click();
  await expect.poll(() => yamlText(page)).toContain('time: "12:00:00"');
});

test('axe finds nothing with another operator drawn', async ({ page }) => {
  await paste(page, KUBERAY, 'kuberay');
  await expect(page.getByRole('application', { name: /Pod grid/ })).toBeVisible();
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('the form edits a pytorch file: replicas, not pods per Job, and the figures follow', async ({
  page,
}) => {
  await paste(page, PYTORCH_022, 'pytorch');
  await showView(page, 'Form');
  const worker = page
    .getByRole('form', { name: 'Manifest form' })
    .getByRole('group', { name: 'Worker', exact: true });
  const count = worker.getByLabel('Replicas (count)');
  await expect(count).toHaveValue('3');
  // A replica is one pod: the jobset fields are not offered, nor a new group of another name.
  await expect(worker.getByLabel('Pods per Job (completions)')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add group' })).toHaveCount(0);
  await count.fill('7');
  await count.press('Enter');
  await expect(resource(page, 'Total pods')).toHaveText('8');
  await expect.poll(() => yamlText(page)).toMatch(/Worker:\n\s+count: 7/);
});

test('the Program view says it serves jobset designs, naming this one', async ({ page }) => {
  await paste(page, KUBERAY, 'kuberay');
  await showView(page, 'Program');
  await expect(page.getByText('The pod program serves jobset designs')).toContainText(
    'uses kuberay',
  );
});

test('the operator switch in the form offers to carry the groups over, and keeps them', async ({
  page,
}) => {
  await paste(page, PYTORCH_022, 'pytorch');
  await showView(page, 'Form');
  await expect(resource(page, 'Total pods')).toHaveText('4');
  await page.getByLabel('Operator').selectOption('jobset');
  const dialog = page.getByRole('dialog', { name: 'Switch to jobset?' });
  await expect(dialog).toContainText('Master → master');
  await dialog.getByRole('button', { name: 'Switch, carrying the groups over' }).click();
  await expect.poll(() => yamlText(page)).toContain('operator: jobset');
  const form = page.getByRole('form', { name: 'Manifest form' });
  await expect(form.getByRole('group', { name: 'master', exact: true })).toBeVisible();
  await expect(form.getByRole('group', { name: 'worker', exact: true })).toBeVisible();
  await expect(resource(page, 'Total pods')).toHaveText('4');
  await expect(resource(page, 'Peak GPUs')).toHaveText('4');
  // One undo step brings the pytorch design back.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect.poll(() => yamlText(page)).toBe(PYTORCH_022);
});

test("the form edits Ray's worker pools, Vertex AI's pools and Slurm's job, and the figures follow", async ({
  page,
}) => {
  await paste(page, KUBERAY, 'kuberay');
  await showView(page, 'Form');
  const form = page.getByRole('form', { name: 'Manifest form' });
  const gpuPool = form.getByRole('group', { name: 'gpu-workers', exact: true });
  await expect(gpuPool.getByLabel('Replicas (count)')).toHaveValue('2');
  await gpuPool.getByLabel('Replicas (count)').fill('5');
  await expect(resource(page, 'Total pods')).toHaveText('10');
  await expect.poll(() => yamlText(page)).toMatch(/- name: gpu-workers\n\s+count: 5/);

  await paste(page, VERTEXAI, 'vertexai');
  await showView(page, 'Form');
  const pool1 = form.getByRole('group', { name: 'workerpool1', exact: true });
  await pool1.getByLabel('Replicas (replicaCount)').fill('4');
  await expect(resource(page, 'Total pods')).toHaveText('5');

  await paste(page, SLURM, 'slurm');
  await showView(page, 'Form');
  const job = form.getByRole('group', { name: 'job', exact: true });
  await job.getByLabel('Tasks (ntasks)').fill('6');
  await expect(resource(page, 'Total pods')).toHaveText('6');
  // A time typed in the form is written as Slurm's text, quoted where PyYAML would read a number.
  const time = job.getByLabel('Time limit');
  await time.fill('2:00:00');
  await expect.poll(() => yamlText(page)).toContain('time: "2:00:00"');
});

test('the Kubernetes view exports a pytorch 0.2.3 design as a JobSet with its ranks; kuberay is said not to be', async ({
  page,
}) => {
  await paste(page, readFixture('pytorch'), 'pytorch');
  await showView(page, 'Kubernetes');
  const view = page.getByRole('region', { name: 'Kubernetes JobSet' });
  await expect(view.locator('[data-testid="jobset-yaml"][data-ready="true"]')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download' }).click(),
  ]);
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toContain('kind: JobSet');
  expect(saved).toMatch(/name: MASTER_ADDR\s+value: experiment-worker-0-0\.experiment/);
  expect(saved).toMatch(
    /name: RANK\s+valueFrom:\s+fieldRef:\s+fieldPath: "metadata\.labels\['jobset\.sigs\.k8s\.io\/job-global-index'\]"/,
  );
  await paste(page, KUBERAY, 'kuberay');
  await showView(page, 'Kubernetes');
  await expect(page.getByText(/Only a jobset manifest becomes a JobSet/)).toContainText(
    'uses kuberay',
  );
});

test('a distributed run is synchronous on your cluster by default: its pods wait for each other', async ({
  page,
}) => {
  await paste(page, PYTORCH_022, 'pytorch');
  const side = page.getByRole('complementary', { name: 'Resources' });
  await side.getByText('Your cluster').click();
  await side.getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('3');
  // Precondition: nothing was ticked by the user; the run's groups are synchronous all the same.
  await expect(side.getByRole('checkbox', { name: 'Worker' })).toBeChecked();
  await expect(side.getByRole('checkbox', { name: 'Master' })).toBeChecked();
  await expect(side.getByRole('list', { name: 'Cluster findings' })).toContainText(
    'runs synchronously',
  );
  // Unticking one group keeps the other as it was.
  await side.getByRole('checkbox', { name: 'Master' }).uncheck();
  await expect(side.getByRole('checkbox', { name: 'Worker' })).toBeChecked();
  await expect(side.getByRole('checkbox', { name: 'Master' })).not.toBeChecked();
});
