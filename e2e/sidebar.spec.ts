// The resource and cost sidebar: figures with their arithmetic, prices, the cluster simulation
// and lints with fixes.
import type { Page } from '@playwright/test';
import { readFixture } from '../src/fixtures/read.ts';
import { openDesigner, yamlText } from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Resources' });

test('shows the platform page figures with their arithmetic', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('resources-statement'));
  await expect(resource(page, 'Peak CPUs')).toHaveText('20');
  await expect(resource(page, 'Peak RAM (GB)')).toHaveText('60');
  await expect(resource(page, 'Peak CPUs')).toHaveAttribute(
    'title',
    /5 jobs x 1 at a time x 4 CPUs = 20/,
  );
  await expect(resource(page, 'Makespan (h)')).toHaveText('4');
  await expect(resource(page, 'CPU-hours')).toHaveText('80');
  await load(page, readFixture('heterogeneous-pools'));
  await expect(resource(page, 'Peak concurrent pods')).toHaveText('13');
});

test('prices change the cost; unset resources say so', async ({ page }) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('hyperparameter-sweep'));
  const before = await resource(page, 'Cost, requested').textContent();
  await sidebar(page).getByText('Prices (examples)').click();
  await sidebar(page).getByLabel('$ per GPU-hour: NVIDIA-A100-SXM4-80GB').fill('10');
  await expect(resource(page, 'Cost, requested')).not.toHaveText(before!);
  // 16 pods x 1 h x (4 CPUs x $0.04 + 8 GB x $0.005 + 1 GPU x $10) = $163.20
  await expect(resource(page, 'Cost, requested')).toHaveText('$163.20');
  await load(page, readFixture('two-groups'));
  await expect(resource(page, 'CPU-hours')).toHaveText('not set');
});

test('simulates the cluster: 16 one-GPU trials on 4 GPUs run as 4 waves of 4 and take 4 hours', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('hyperparameter-sweep'));
  await sidebar(page).getByText('Your cluster').click();
  await sidebar(page).getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
  const sim = sidebar(page).getByRole('group', { name: 'Simulated run' });
  await expect(sim).toContainText('On this cluster the design runs 4 h (unlimited: 1 h)');
  await expect(sim.getByRole('row', { name: /trial/ })).toContainText('12 pods');
  // The headline figures say which run they describe.
  await expect(resource(page, 'Makespan on your cluster (h)')).toHaveText('4');
  await expect(resource(page, 'Makespan, unlimited (h)')).toHaveText('1');
  // The timeline draws the run on the cluster: a lane per trial, the queued ones waiting
  // 1, 2 or 3 hours for a GPU before they run.
  await expect(page.getByRole('img', { name: /Timeline in hours/ })).toHaveAccessibleName(
    /on your cluster the design runs for 4 h \(1 h on an unlimited cluster\)/,
  );
  const queued = () =>
    page.evaluate(
      () =>
        window.__designerTestApi!.timelineBars?.filter((b) => b.title.startsWith('queued')) ?? [],
    );
  await expect.poll(async () => (await queued()).length).toBe(12);
  const waits = (await queued()).map((b) => b.title);
  expect(waits.filter((t) => t === 'queued 3 h for a GPU')).toHaveLength(4);
  // Hovering a queued trial says how long it waits.
  const timeline = page.getByRole('img', { name: /Timeline in hours/ });
  await timeline.scrollIntoViewIfNeeded();
  const box = (await timeline.boundingBox())!;
  const bar = (await queued()).find((b) => b.title === 'queued 1 h for a GPU')!;
  await page.mouse.move(box.x + bar.x + bar.w / 2, box.y + bar.y + bar.h / 2);
  await expect(page.getByRole('tooltip')).toHaveText('queued 1 h for a GPU');
  // And from the keyboard: the arrow keys step through the bars, each said as it is reached.
  await page.mouse.move(0, 0);
  await timeline.focus();
  let said = '';
  for (let i = 0; i < 12 && said !== 'queued 1 h for a GPU'; i++) {
    await page.keyboard.press('ArrowRight');
    said = (await page.getByRole('tooltip').textContent()) ?? '';
  }
  expect(said).toBe('queued 1 h for a GPU');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(sidebar(page).getByRole('img', { name: /\$ per hour over 4 hours/ })).toBeVisible();
});

test('100 trials on 4 GPUs: a lane per wave of queued trials, each wait in its tooltip', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  await load(page, readFixture('hyperparameter-sweep').replace('count: 16', 'count: 100'));
  await sidebar(page).getByText('Your cluster').click();
  await sidebar(page).getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
  const timeline = page.getByRole('img', { name: /Timeline in hours/ });
  await expect(timeline).toHaveAccessibleName(/on your cluster the design runs for 25 h/);
  const bars = () => page.evaluate(() => window.__designerTestApi!.timelineBars ?? []);
  // Before: one band "Job 0-99 (100 Jobs)" with no wait drawn. Now every wave of 4 waits its turn.
  // (The lanes in view: the timeline scrolls past its 420 px.)
  const waits = async () =>
    (await bars()).filter((b) => b.title.includes('queued')).map((b) => b.title);
  await expect.poll(async () => (await waits()).length).toBeGreaterThanOrEqual(12);
  expect((await waits()).slice(0, 3)).toEqual([
    'Jobs 4–7: queued 1 h for a GPU',
    'Jobs 8–11: queued 2 h for a GPU',
    'Jobs 12–15: queued 3 h for a GPU',
  ]);
  await timeline.scrollIntoViewIfNeeded();
  const box = (await timeline.boundingBox())!;
  const bar = (await bars()).find((b) => b.title === 'Jobs 8–11: queued 2 h for a GPU')!;
  expect(bar).toBeTruthy();
  await page.mouse.move(box.x + bar.x + bar.w / 2, box.y + bar.y + bar.h / 2);
  await expect(page.getByRole('tooltip')).toHaveText('Jobs 8–11: queued 2 h for a GPU');
  const run = (await bars()).find((b) => b.title === 'Jobs 8–11: run 2–3 h')!;
  await page.mouse.move(box.x + run.x + run.w / 2, box.y + run.y + run.h / 2);
  await expect(page.getByRole('tooltip')).toHaveText('Jobs 8–11: run 2–3 h');
  // The $ per hour chart's labels all fit in it (its 25h at the right edge was cut).
  const chart = sidebar(page).getByRole('img', { name: /\$ per hour over 25 hours/ });
  await expect(chart).toBeVisible();
  const outside = await chart.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].flatMap((t) => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5 ? [t.textContent] : [];
    });
  });
  expect(outside).toEqual([]);
});

test('a synchronous group the cluster cannot hold is a cluster finding, never a manifest error; its fix is undoable', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
  await load(page, text);
  const status = page.getByRole('status', { name: 'Validation' });
  await expect(status).toHaveText('Valid: 0 errors, 0 warnings');
  await sidebar(page).getByText('Your cluster').click();
  await sidebar(page).getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('6');
  await sidebar(page).getByRole('checkbox', { name: 'trial' }).check();
  const findings = sidebar(page).getByRole('list', { name: 'Cluster findings' });
  await expect(findings).toContainText(
    'runs synchronously but the cluster holds only 6 of its 8 pods',
  );
  // The manifest did not change: it stays valid, and Download says no error.
  await expect(status).toHaveText('Valid: 0 errors, 0 warnings');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('button', { name: 'Download manifest', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  // The Problems list shows it as its own kind.
  await status.click();
  const problems = page.getByRole('dialog', { name: 'Problems' });
  await expect(problems.getByRole('list', { name: 'Cluster findings' })).toContainText(
    'synchronous',
  );
  await page.keyboard.press('Escape');
  // What the views show: no meaningless axis, the group labelled in full.
  const sim = sidebar(page).getByRole('group', { name: 'Simulated run' });
  await expect(sim.getByRole('row', { name: /trial/ })).toContainText('never starts');
  await expect(sim.getByRole('row', { name: /trial/ })).toContainText('all 8 pods, forever');
  await expect(sidebar(page).getByRole('img', { name: /\$ per hour over 1 hours/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Timeline in hours/ })).toHaveAccessibleName(
    /on your cluster the design never finishes/,
  );
  // And where the run is drawn: the finding right above the timeline, with its fix.
  const atRun = page.getByRole('list', { name: 'On your cluster' });
  await expect(atRun).toContainText(
    'runs synchronously but the cluster holds only 6 of its 8 pods',
  );
  await expect(atRun.getByRole('button', { name: /^Set count to 6/ })).toBeVisible();
  // The fix edits the YAML, and undo takes it back.
  await findings.getByRole('button', { name: 'Set count to 6 (fits the cluster)' }).click();
  await expect.poll(() => yamlText(page)).toBe(text.replace('count: 8', 'count: 6'));
  await expect(findings).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(text);
});

test('fixes a partly empty last wave from the sidebar', async ({ page }) => {
  await openDesigner(page, 'YAML');
  const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 101');
  await load(page, text);
  await expect(sidebar(page).getByRole('note')).toContainText(
    'group "processor", because its last wave is only partly full',
  );
  await sidebar(page)
    .getByRole('button', { name: 'Set completions to 104 (26 full waves)' })
    .click();
  await expect
    .poll(() => yamlText(page))
    .toBe(text.replace('completions: 101', 'completions: 104'));
});
