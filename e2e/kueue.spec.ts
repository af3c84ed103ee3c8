/**
 * The Kueue section: a cluster's queues pasted as kubectl prints them (two teams in a cohort,
 * src/fixtures/kueue/queues.yaml), and the verdict for designs that fit only by borrowing, can
 * never fit, or have more groups than a Workload may have PodSets; the link reopens it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDesign, gpuTrainers, KUEUE_FIXTURES, strictFifo } from '../src/fixtures/read.ts';
import { openDesigner, showView, yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

const QUEUES = readFileSync(join(KUEUE_FIXTURES, 'queues.yaml'), 'utf8');
const WORKLOADS = readFileSync(join(KUEUE_FIXTURES, 'workloads.yaml'), 'utf8');
/** team-b's workload, and ml/big waiting in team-a's queue since 11:00 for 23 A100s. */
const QUEUED = readFileSync(join(KUEUE_FIXTURES, 'queued.yaml'), 'utf8');

/** The whole design as an SVG, from the canvas toolbar. */
async function downloadSvg(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'SVG' }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
  await expect.poll(() => yamlText(page)).toBe(text);
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Kueue verdict' });

async function pasteQueues(page: Page, text: string) {
  await page.getByText('Kueue', { exact: true }).click();
  await page.getByLabel(/^Queues: paste/).fill(text);
}

test('borrowing, never and too many PodSets, each as Kueue decides; the link reopens the verdict', async ({
  page,
  browser,
  context,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, gpuTrainers(3));
  await pasteQueues(page, QUEUES);
  // 24 A100s: 16 nominal and 8 borrowed from team-b's idle ones.
  await expect(verdict(page)).toContainText('Admitted now in ml/main (ClusterQueue team-a)');
  await expect(verdict(page)).toContainText('Borrowing from its cohort: trainer on a100');
  await expect(
    verdict(page).getByRole('list', { name: 'PodSets' }).getByRole('listitem'),
  ).toHaveText(['trainer: 3 pods, a100, borrows']);
  // The open section, its fields and verdict, as axe reads them.
  const axe = await new AxeBuilder({ page }).include('.kueue').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );

  // The JobSet joins the LocalQueue, with the priority class asked for.
  await page.getByLabel('Priority class').fill('high');
  await showView(page, 'Kubernetes');
  const view = page.getByRole('region', { name: 'Kubernetes JobSet' });
  await expect(view.locator('.view-lines')).toContainText('kueue.x-k8s.io/queue-name: main');
  // The whole JobSet as copied: in the LocalQueue's namespace, with both labels.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await view.getByRole('button', { name: 'Copy YAML' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(
    'metadata:\n  name: experiment\n  namespace: ml\n  labels:\n    kueue.x-k8s.io/queue-name: main\n    kueue.x-k8s.io/priority-class: high\n',
  );
  await showView(page, 'YAML');

  // The link holds the queues: a colleague's browser shows the same verdict.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v2\./);
  await page.waitForTimeout(1200); // the link follows the last change within a second
  const link = page.url();
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await colleague.goto(link);
  await expect(verdict(colleague)).toContainText('Borrowing from its cohort: trainer on a100');
  await other.close();

  // 32 A100s: more than team-a could ever have (16 nominal + 8 borrowable).
  await load(page, gpuTrainers(4));
  await expect(verdict(page)).toContainText('Never, with these queues');
  await expect(verdict(page)).toContainText(
    'trainer needs 32 nvidia.com/gpu on flavor a100, at most 24 ever: 16 nominal + 8 borrowable',
  );
  await expect(verdict(page)).toContainText(
    'previously considered podsets requests (0) + current podset request (32) > maximum capacity (24)',
  );

  // 19 groups: one more than a Workload may have PodSets in Kueue v0.19.
  await load(page, generatedDesign(19, 1, 1, 1));
  await expect(verdict(page)).toContainText('Never: too many PodSets');
  await expect(verdict(page)).toContainText('Kueue v0.19 takes at most 18 per Workload');
});

test("with the cluster's workloads, a design that waits says when it would start, and the timeline shows the wait", async ({
  page,
}) => {
  // The designer's clock: 12:30 UTC, half an hour after team-b's workload was admitted.
  await page.clock.setFixedTime(new Date('2026-12-07T12:30:00Z'));
  await openDesigner(page, 'YAML');
  await load(page, gpuTrainers(3));
  await pasteQueues(page, QUEUES);
  await expect(verdict(page)).toContainText('Admitted now');
  const timeline = page.getByRole('img', { name: /Timeline in hours/ });
  await expect(timeline).not.toHaveAccessibleName(/before the run/);
  // team-b's workload holds 10 A100s from 12:00 for at most two hours (src/fixtures/kueue).
  await page.getByLabel(/^Workloads, admitted and pending/).fill(WORKLOADS);
  await expect(verdict(page)).toContainText('Waits for quota');
  await expect(verdict(page)).toContainText('22 free now');
  await expect(verdict(page)).toContainText(
    'Starts: expected at 2026-12-07 14:00 UTC, once 1 workload(s) have ended',
  );
  // The timeline: the hour and a half in the queue before the run, from now.
  await expect(timeline).toHaveAccessibleName(
    /; before the run, Kueue queue: waits 1 h 30 min, until 14:00 UTC$/,
  );
  const svg = await downloadSvg(page);
  expect(svg).toContain('>Kueue queue: waits 1 h 30 min, until 14:00 UTC<');
  expect(svg).toContain('>now<');

  // A StrictFIFO queue with ml/big (23 A100s, an hour) waiting since 11:00: 8 A100s would fit
  // now, but wait for ml/big, admitted at 14:00 and done at 15:00.
  await load(page, gpuTrainers(1));
  await page.getByLabel(/^Queues: paste/).fill(strictFifo(QUEUES));
  await page.getByLabel(/^Workloads, admitted and pending/).fill(QUEUED);
  await expect(verdict(page)).toContainText('Waits for its turn');
  await expect(verdict(page)).toContainText('pending workloads ahead of it take the quota first');
  await expect(verdict(page)).toContainText(
    'Starts: expected at 2026-12-07 15:00 UTC, once 2 workload(s) have ended (the last: ml/big), and 1 pending workload(s) ahead of it admitted (ml/big).',
  );
  await expect(verdict(page)).toContainText('1 admitted and 1 pending workload(s) counted.');
  await expect(timeline).toHaveAccessibleName(/waits 2 h 30 min, until 15:00 UTC$/);
});

test('queues read from a file, workloads dropped on their field, or a queue set up in the form', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, gpuTrainers(3));
  const design = await yamlText(page);
  await page.getByText('Kueue', { exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Read the queues from files' }).click(),
  ]);
  // Two files, the first without a final newline: they join as two documents.
  const [flavors, rest] = [
    QUEUES.slice(0, QUEUES.indexOf('---\n')),
    QUEUES.slice(QUEUES.indexOf('---\n') + 4),
  ];
  await chooser.setFiles([
    { name: 'flavor.yaml', mimeType: 'application/yaml', buffer: Buffer.from(flavors.trimEnd()) },
    { name: 'queues.yaml', mimeType: 'application/yaml', buffer: Buffer.from(rest) },
  ]);
  await expect(verdict(page)).toContainText('Borrowing from its cohort: trainer on a100');
  // Dropped on the workloads' field, the file is workloads, not a design to open.
  const files = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'workloads.yaml', { type: 'application/yaml' }));
    return dt;
  }, WORKLOADS);
  await page
    .getByLabel(/^Workloads, admitted and pending/)
    .dispatchEvent('drop', { dataTransfer: files });
  await expect(verdict(page)).toContainText('Waits for quota');
  expect(await yamlText(page)).toBe(design);

  // The form starts from the design: one flavor of its GPU product, its 24 GPUs at once.
  await page.getByText('Or set up a queue in a form').click();
  await expect(page.getByRole('group', { name: 'Flavor nvidia-a100-sxm4-80gb' })).toBeVisible();
  await expect(page.getByLabel('GPUs', { exact: true })).toHaveValue('24');
  // Queues are there already: the form replaces them only when asked to.
  await page.getByRole('button', { name: 'Write these queues' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the queues?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const pasted = await page.getByLabel(/^Queues: paste/).inputValue();
  expect(pasted).toContain('kind: ClusterQueue\nmetadata: { name: team-a }');
  await page.getByRole('button', { name: 'Write these queues' }).click();
  await dialog.getByRole('button', { name: 'Replace them' }).click();
  await expect(page.getByLabel(/^Queues: paste/)).toHaveValue(
    /kind: ClusterQueue\nmetadata:\n {2}name: team\n/,
  );
  await expect(verdict(page)).toContainText('Admitted now in default/main (ClusterQueue team)');
  // Fewer GPUs than the design runs at once, and no cohort to borrow from: never.
  await page.getByLabel('GPUs', { exact: true }).fill('16');
  await page.getByRole('button', { name: 'Write these queues' }).click();
  await dialog.getByRole('button', { name: 'Replace them' }).click();
  await expect(verdict(page)).toContainText('Never, with these queues');
  const axe = await new AxeBuilder({ page }).include('.kueue').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );
});

test('queues that cannot be used are named at their place, and the design is left alone', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const before = await yamlText(page);
  await pasteQueues(page, QUEUES.replace('- name: h100', '- name: h200'));
  const problems = page.getByRole('list', { name: 'Problems in the queues' });
  await expect(problems).toContainText(
    'ClusterQueue team-a: spec.resourceGroups[0].flavors[1].name: ResourceFlavor h200 is not in the files',
  );
  await page.getByLabel(/^Queues: paste/).fill('kind: ClusterQueue\nspec: [unclosed\n');
  await expect(problems).toContainText(/^line \d+: /);
  expect(await yamlText(page)).toBe(before);
});
