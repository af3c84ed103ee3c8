/**
 * `npm run shots`: screenshots of the designer to look at after a UI change, in Chromium against
 * a production build: 1440x900, 1280x720 and 900x1000, light and dark, with the default design,
 * a 1,000 x 1,000-pod design, the sweep on a 4-GPU cluster and a rehearsal with a failed pod. Written to `shots/` (not
 * committed). `SHOTS=default-1440x900-light` takes only the shots whose name contains it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './chromium.mjs';
import { generatedDesign, readFixture, REPO_ROOT } from '../fixtures/read.ts';
import { encodeDesign } from '../core/link/codec.ts';

const PORT = 4181;
const OUT = join(REPO_ROOT, 'shots');
const only = process.env.SHOTS ?? '';
const found = await findChromium();
if (!found) throw new Error(NO_CHROMIUM);
const executablePath = found.path;

const sizes: [number, number][] = [
  [1440, 900],
  [1280, 720],
  [900, 1000],
];
const designs: Record<string, (page: Page) => Promise<void>> = {
  default: async () => {},
  million: async (page) => load(page, generatedDesign(1, 1000, 1000, 10)),
  // Another operator: a Ray head and two-GPU workers, drawn as jobset's are, with the
  // assumptions beside the figures.
  kuberay: async (page) => load(page, readFixture('kuberay')),
  'kuberay-form': async (page) => {
    await load(page, readFixture('kuberay'));
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Form' })
      .click();
  },
  'pytorch-form': async (page) => {
    await load(page, readFixture('pytorch'));
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Form' })
      .click();
  },
  groups: async (page) => {
    await load(page, generatedDesign(1000, 2, 4, 2).replace('count: 2\n', 'count: -2\n'));
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Both' })
      .click();
    await page.getByRole('button', { name: 'Edit group-1', exact: true }).click();
  },
  kubernetes: async (page) => {
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Kubernetes' })
      .click();
    await page.locator('[data-testid="jobset-yaml"][data-ready="true"]').waitFor();
  },
  'kubernetes-million': async (page) => {
    await load(page, generatedDesign(1, 1000, 1000, 10));
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Kubernetes' })
      .click();
    await page.getByLabel('JobSet name').fill('Not_A_Name');
  },
  'jobset-offer': async (page) => {
    const jobset = readFixture('heterogeneous-pools');
    await load(page, jobset);
    const { exportJobSet } = await import('../core/k8s/export.ts');
    const { analyze } = await import('../core/analyze.ts');
    const r = exportJobSet(analyze(jobset), 'pools');
    if (r.kind !== 'exported') throw new Error(r.kind);
    await load(
      page,
      r.yaml.replace(
        '    - name: gpu-worker\n',
        '    - name: gpu-worker\n      dependsOn: [{ name: coordinator, status: Ready }]\n',
      ),
    );
    await page.getByRole('button', { name: 'Convert to an AIchor manifest…' }).click();
    await page.getByRole('dialog').waitFor();
  },
  program: async (page) => {
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Program' })
      .click();
    const view = page.getByRole('region', { name: 'Pod program' });
    await view.getByLabel('Group').selectOption('worker');
    await view.getByRole('button', { name: 'Add a sweep to worker' }).click();
    const values = view
      .getByRole('group', { name: 'Axis 1' })
      .getByLabel('Values, separated by commas');
    await values.fill('0.1, 0.01, 0.001');
    await values.press('Enter');
    await view.getByRole('button', { name: 'Add an axis' }).click();
    await view.getByRole('group', { name: 'Axis 2' }).getByLabel('Name').fill('2bad');
    await page.locator('[data-testid="jobset-yaml"][data-ready="true"]').waitFor();
  },
  'program-million': async (page) => {
    await load(page, generatedDesign(1, 1000, 1000, 10));
    await page
      .getByRole('group', { name: 'Editor view' })
      .getByRole('button', { name: 'Program' })
      .click();
    await page.locator('[data-testid="jobset-yaml"][data-ready="true"]').waitFor();
  },
  compare: async (page) => {
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare designs' });
    await dialog.getByLabel('A template').selectOption({ label: 'Hyperparameter sweep' });
    await dialog.getByRole('button', { name: 'Compare with this template' }).click();
    await dialog.locator('[data-testid="yaml-diff"][data-ready="true"]').waitFor();
  },
  rehearsal: async (page) => {
    // A real rehearsal of the default design: staggered starts, worker-3-0 fails.
    const { runCli } = await import('../cli/run.ts');
    const out = mkdtempSync(join(tmpdir(), 'jobset-shots-'));
    const command =
      'sleep 0.7; if [ "$REPLICATED_JOB_NAME-$JOB_INDEX" = worker-3 ]; then echo "boom: no data"; exit 3; fi';
    await runCli(
      ['rehearse', '-', '--out', out, '--command', command, '--stagger', '0.4'],
      readFixture('platform-main'),
    );
    const record = readFileSync(join(out, 'rehearsal.json'), 'utf8');
    rmSync(out, { recursive: true, force: true });
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'rehearsal.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, record);
    await page.getByRole('region', { name: 'Rehearsal' }).waitFor();
    await page.getByRole('application', { name: /Pod grid/ }).scrollIntoViewIfNeeded();
    const at = await page.evaluate(() => window.__designerTestApi!.gridCell!('worker', 3, 0));
    if (at) await page.mouse.click(at.x, at.y);
  },
  cluster: async (page) => {
    await load(page, readFixture('hyperparameter-sweep'));
    const side = page.getByRole('complementary', { name: 'Resources' });
    await side.getByText('Your cluster').click();
    await side.getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
    await page.getByRole('img', { name: /Timeline in hours/ }).scrollIntoViewIfNeeded();
  },
};

designs['cluster-waves'] = async (page) => {
  // 100 trials on 4 GPUs: more Jobs than lanes, so a lane per wave of trials that queue together.
  await load(page, readFixture('hyperparameter-sweep').replace('count: 16', 'count: 100'));
  const side = page.getByRole('complementary', { name: 'Resources' });
  await side.getByText('Your cluster').click();
  await side.getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
  await page.getByRole('img', { name: /Timeline in hours/ }).scrollIntoViewIfNeeded();
};

designs['never-finishes'] = async (page) => {
  // 16 trials that must all be up at once, on 4 GPUs: the run never finishes.
  await load(page, readFixture('hyperparameter-sweep'));
  const side = page.getByRole('complementary', { name: 'Resources' });
  await side.getByText('Your cluster').click();
  await side.getByLabel('Free GPUs: NVIDIA-A100-SXM4-80GB').fill('4');
  await side.getByRole('checkbox', { name: 'trial' }).check();
  await page.getByRole('list', { name: 'On your cluster' }).scrollIntoViewIfNeeded();
};

designs.form = async (page) => {
  await page
    .getByRole('group', { name: 'Editor view' })
    .getByRole('button', { name: 'Form' })
    .click();
};

designs['pending-link'] = async (page) => {
  // A design with edits, then another page changes the address: the designer asks first.
  await load(page, readFixture('two-groups'));
  await page.waitForTimeout(1200);
  const link = await encodeDesign({ text: readFixture('hyperparameter-sweep'), settings: {} });
  await page.evaluate((h) => (location.hash = h), link!);
  await page.getByRole('alert').filter({ hasText: 'The address now holds' }).waitFor();
};

async function load(page: Page, text: string) {
  await page.evaluate((t) => window.__designerTestApi!.load(t), text);
}

console.log('building (VITE_TEST_API=1)…');
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', 'dist-bench'], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, VITE_TEST_API: '1' },
});
if (build.status !== 0) process.exit(1);
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', 'dist-bench', '--host', '127.0.0.1', '--port', String(PORT)],
  { cwd: REPO_ROOT, stdio: 'ignore', detached: true },
);
process.on('exit', () => {
  try {
    process.kill(-server.pid!);
  } catch {
    // already gone
  }
});
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
  } catch {
    // not yet
  }
  await new Promise((r) => setTimeout(r, 100));
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
for (const [name, prepare] of Object.entries(designs)) {
  for (const [width, height] of sizes) {
    for (const scheme of ['light', 'dark'] as const) {
      const shot = `${name}-${width}x${height}-${scheme}`;
      if (only && !shot.includes(only)) continue;
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForFunction(() => !!window.__designerTestApi);
      await prepare(page);
      await page.waitForTimeout(1200);
      await page.screenshot({ path: join(OUT, `${shot}.png`) });
      await page.screenshot({ path: join(OUT, `${shot}-full.png`), fullPage: true });
      await page.close();
      console.log(`shots/${shot}.png`);
    }
  }
}
await browser.close();
process.exit(0);
