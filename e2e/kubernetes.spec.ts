// The design as a Kubernetes JobSet, and a JobSet brought in: the Kubernetes view (live JobSet,
// its name, what did not carry over, copy and download) and pasting, dropping or typing a JobSet.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../src/core/analyze.ts';
import { exportJobSet } from '../src/core/k8s/export.ts';
import { readFixture } from '../src/fixtures/read.ts';
import {
  dropFile,
  lineOf,
  openDesigner,
  pasteOnPage,
  yamlCursorAtEndOfLine,
  yamlText,
  focusYaml,
  showView,
} from './designer.ts';
import { expect, test } from './fixtures.ts';

const main = readFixture('platform-main');

/** The JobSet the core exports for a fixture: what a user would have copied from the view. */
function jobsetOf(name: string, jobsetName: string): string {
  const r = exportJobSet(analyze(readFixture(name)), jobsetName);
  if (r.kind !== 'exported') throw new Error(r.kind);
  return r.yaml;
}

async function openKubernetesView(page: Page) {
  await openDesigner(page, 'YAML');
  await showView(page, 'Kubernetes');
  const view = page.getByRole('region', { name: 'Kubernetes JobSet' });
  await expect(view.locator('[data-testid="jobset-yaml"][data-ready="true"]')).toBeVisible();
  return view;
}

test('the Kubernetes view shows the live JobSet, its name, and what did not carry over', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = await openKubernetesView(page);
  const code = view.locator('.view-lines');
  await expect(code).toContainText('kind: JobSet');
  await expect(code).toContainText('apiVersion: jobset.x-k8s.io/v1alpha2');
  await expect(view.getByText(/RAM is written in GiB/)).toBeVisible();
  await expect(view.getByRole('region', { name: 'Not carried over (1)' })).toContainText('builder');

  const name = view.getByLabel('JobSet name');
  await expect(name).toHaveAttribute('placeholder', 'experiment');
  await name.fill('lr-sweep');
  await expect(code).toContainText('name: lr-sweep');

  // Copy and download give the same JobSet, named after it.
  await view.getByRole('button', { name: 'Copy YAML' }).click();
  await expect(view.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lr-sweep.jobset.yaml');
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toBe(copied);
  const jobset = parseYaml(saved) as {
    metadata: { name: string };
    spec: { replicatedJobs: { name: string }[] };
  };
  expect(jobset.metadata.name).toBe('lr-sweep');
  expect(jobset.spec.replicatedJobs.map((r) => r.name)).toEqual(['master', 'worker', 'worker-2']);

  // A name Kubernetes would refuse is said at the field, and nothing can be taken away.
  await name.fill('LR_sweep');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(view.getByRole('alert')).toContainText('DNS-1035');
  await expect(view.getByRole('button', { name: 'Download' })).toBeDisabled();

  // The name is part of the design: it comes back after a reload, and undo takes it back.
  await name.fill('lr-sweep-2');
  await expect(code).toContainText('name: lr-sweep-2');
  await page.waitForTimeout(1200); // saved within a second of the last edit
  await page.reload();
  await showView(page, 'Kubernetes');
  await expect(page.getByLabel('JobSet name')).toHaveValue('lr-sweep-2');
});

test('an invalid manifest is not exported, and each error is a click from its place', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await yamlCursorAtEndOfLine(page, lineOf(main, 'count: 5'));
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-5');
  await showView(page, 'Kubernetes');
  const view = page.getByRole('region', { name: 'Kubernetes JobSet' });
  await expect(view).toContainText('An invalid manifest is not exported');
  await view.getByRole('button', { name: `Line ${lineOf(main, 'count: 5')}` }).click();
  await expect(page.getByRole('region', { name: 'Manifest YAML' })).toBeVisible();
  expect(await page.evaluate(() => window.__designerTestApi!.editorSelection!())).toBe('-5');
});

test('a pasted JobSet is offered for conversion with its report, and undo brings the design back', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const before = await yamlText(page);
  const jobset = jobsetOf('heterogeneous-pools', 'pools').replace(
    '    - name: gpu-worker\n',
    '    - name: gpu-worker\n      dependsOn:\n        - { name: coordinator, status: Ready }\n',
  );
  await pasteOnPage(page, jobset);
  const dialog = page.getByRole('dialog', { name: 'Convert this Kubernetes JobSet?' });
  await expect(dialog).toContainText('The pasted text is a Kubernetes JobSet (pools)');
  // The group by its name; the exact path is the place's title.
  const report = dialog.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('group "gpu-worker" › dependsOn');
  await expect(report.getByTitle('spec.replicatedJobs[2].dependsOn')).toBeVisible();
  await dialog.getByRole('button', { name: 'Convert to an AIchor manifest' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => yamlText(page)).toContain('kind: AIchorManifest');
  const converted = await yamlText(page);
  expect(converted).toContain('name: pools');
  expect(Object.keys((parseYaml(converted) as { spec: { types: object } }).spec.types)).toEqual([
    'coordinator',
    'cpu-worker',
    'gpu-worker',
  ]);
  await expect(page.getByRole('status', { name: 'Validation' })).toContainText('Valid');
  await expect(page.getByText(/Converted the JobSet "pools".*dependsOn/)).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(before);
});

test('a dropped JobSet file can be declined, leaving the design as it was', async ({ page }) => {
  await openDesigner(page, 'YAML');
  const before = await yamlText(page);
  await dropFile(page, 'jobset.yaml', jobsetOf('two-groups', 'two'));
  const dialog = page.getByRole('dialog', { name: 'Convert this Kubernetes JobSet?' });
  await expect(dialog).toContainText('"jobset.yaml" is a Kubernetes JobSet');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await yamlText(page)).toBe(before);
});

test('a JobSet pasted into the YAML editor is recognised and converted', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDesigner(page, 'YAML');
  const jobset = jobsetOf('two-groups', 'two');
  await page.evaluate((t) => navigator.clipboard.writeText(t), jobset);
  await focusYaml(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect.poll(() => yamlText(page)).toBe(jobset);
  await page.getByRole('button', { name: 'Convert to an AIchor manifest…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert this Kubernetes JobSet?' });
  await expect(dialog).toContainText('The text in the editor is a Kubernetes JobSet (two)');
  await expect(dialog).toContainText('Everything in the JobSet carries over.');
  await dialog.getByRole('button', { name: 'Convert to an AIchor manifest' }).click();
  await expect.poll(() => yamlText(page)).toContain('kind: AIchorManifest');
  await expect(page.getByRole('button', { name: 'Convert to an AIchor manifest…' })).toBeHidden();
});
