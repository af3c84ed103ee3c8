// The two editors on one text: YAML and form in sync, one history, nothing lost.
import { CURRENT_API_VERSION } from '../src/core/manifest/versions.ts';
import { readFixture } from '../src/fixtures/read.ts';
import {
  group,
  lineOf,
  markers,
  openDesigner,
  showProblemInForm,
  yamlCursorAtEndOfLine,
  yamlText,
} from './designer.ts';
import { expect, resource, test } from './fixtures.ts';

const main = readFixture('platform-main');

test('typing in the YAML updates the form and the figures', async ({ page }) => {
  await openDesigner(page);
  await yamlCursorAtEndOfLine(page, lineOf(main, 'count: 5'));
  await page.keyboard.press('Backspace');
  await page.keyboard.type('8');
  await expect(group(page, 'worker').getByLabel('Jobs (count)')).toHaveValue('8');
  await expect(resource(page, 'Total pods')).toHaveText('10');
  expect(await yamlText(page)).toBe(main.replace('count: 5', 'count: 8'));
});

test('a form edit changes one line of the YAML and keeps a comment two lines above', async ({
  page,
}) => {
  await openDesigner(page);
  // The user writes a comment above the worker group in the YAML...
  await yamlCursorAtEndOfLine(page, lineOf(main, '        ramRatio: 2'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText('    # the GPU pool');
  await expect
    .poll(() => yamlText(page))
    .toContain('    # the GPU pool\n    worker:\n      count: 5\n');
  // ...then edits the group in the form.
  await group(page, 'worker').getByLabel('Jobs (count)').fill('6');
  await expect
    .poll(() => yamlText(page))
    .toContain('    # the GPU pool\n    worker:\n      count: 6\n');
  const text = await yamlText(page);
  expect(text).toBe(
    main.replace(
      '    worker:\n      count: 5\n',
      '    # the GPU pool\n    worker:\n      count: 6\n',
    ),
  );
  await expect(resource(page, 'Total pods')).toHaveText('8');
});

test('an invalid group name is marked in the YAML and the form with the same message; the quick fix repairs it; undo brings it back', async ({
  page,
}) => {
  await openDesigner(page);
  const name = group(page, 'worker').getByLabel('Name');
  await name.fill('Worker');
  await name.press('Enter');
  const inline = group(page, 'Worker').locator('[data-code="type-name-invalid"]');
  await expect(inline).toBeVisible();
  const message = await inline.textContent();
  expect(message).toContain('Group name "Worker" is invalid');
  await expect
    .poll(async () => (await markers(page)).find((m) => m.code === 'type-name-invalid')?.message)
    .toBe(message);
  await expect(
    page.getByRole('region', { name: 'Manifest YAML' }).locator('.squiggly-error'),
  ).toHaveCount(1);
  const before = await yamlText(page);

  // Quick fix in the YAML editor: cursor on the name, Ctrl+. and Enter.
  await yamlCursorAtEndOfLine(page, lineOf(before, 'Worker:'));
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+.');
  await expect(page.getByText('Rename to "worker"')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => yamlText(page)).toBe(main);
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(
    'Valid: 0 errors, 0 warnings',
  );

  // Undo restores the text before the fix; redo the fix again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => yamlText(page)).toBe(before);
  await expect(group(page, 'Worker')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => yamlText(page)).toBe(main);
});

test('undo covers typing in both editors, a burst of typing being one step', async ({ page }) => {
  await openDesigner(page);
  await yamlCursorAtEndOfLine(page, lineOf(main, 'command: python3 -u main.py'));
  await page.keyboard.type(' --fast');
  await expect.poll(() => yamlText(page)).toContain('command: python3 -u main.py --fast');
  const cpus = group(page, 'master').getByLabel('CPUs per pod');
  await cpus.fill('12');
  await expect.poll(() => yamlText(page)).toContain('        cpus: 12\n');
  await page.keyboard.press('Control+z'); // in the form field: the form edit goes
  await expect.poll(() => yamlText(page)).toBe(main.replace('main.py', 'main.py --fast'));
  await expect(cpus).toHaveValue('1');
  await page.getByRole('button', { name: 'Undo' }).click(); // the whole typed word goes
  await expect.poll(() => yamlText(page)).toBe(main);
});

test('a syntax error keeps the form read-only on the last good design and loses nothing', async ({
  page,
}) => {
  await openDesigner(page);
  await yamlCursorAtEndOfLine(page, lineOf(main, 'count: 5'));
  await page.keyboard.type(' : x');
  const broken = main.replace('count: 5', 'count: 5 : x');
  await expect.poll(() => yamlText(page)).toBe(broken);
  const form = page.getByRole('form', { name: 'Manifest form' });
  await expect(form.getByRole('alert')).toContainText('Read-only');
  await expect(group(page, 'worker').getByLabel('Jobs (count)')).toBeDisabled();
  await expect(group(page, 'worker').getByLabel('Jobs (count)')).toHaveValue('5');
  await expect(form.getByRole('button', { name: /Go to line/ })).toBeVisible();
  // Nothing typed is lost: the text is exactly what the user wrote.
  expect(await yamlText(page)).toBe(broken);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await expect.poll(() => yamlText(page)).toBe(main);
  await expect(group(page, 'worker').getByLabel('Jobs (count)')).toBeEnabled();
});

test('builds the heterogeneous-pools example from an empty design with the form alone', async ({
  page,
}) => {
  await openDesigner(page, 'Both');
  await page.getByRole('button', { name: 'New design' }).click();
  const form = page.getByRole('form', { name: 'Manifest form' });
  await form.getByLabel('Operator').selectOption('jobset');
  await form.getByLabel('Command').fill('python3 main.py');
  // One Image field: the pods run it and the builder builds it.
  await form.getByLabel('Image', { exact: true }).fill('image');
  await form.getByLabel('Image', { exact: true }).press('Tab');
  // Every error the header counts is shown in the form: here, the missing groups.
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(/^Invalid: 1 error/);
  await expect(form.locator('#manifest-errors [data-code="missing-key"]')).toContainText('types');

  const pools: [string, number, number, number, boolean][] = [
    ['coordinator', 1, 4, 2, false],
    ['gpu-worker', 4, 8, 4, true],
    ['cpu-worker', 8, 16, 4, false],
  ];
  for (const [i, [name, count, cpus, ratio, gpu]] of pools.entries()) {
    await form.getByRole('button', { name: 'Add group' }).click();
    const fresh = group(page, `group-${i + 1}`);
    await fresh.getByLabel('Name').fill(name);
    await fresh.getByLabel('Name').press('Enter');
    const g = group(page, name);
    await g.getByLabel('Jobs (count)').fill(String(count));
    await g.getByLabel('CPUs per pod').fill(String(cpus));
    await g.getByLabel('RAM per CPU (GB, ramRatio)').fill(String(ratio));
    if (gpu) {
      await g.getByLabel('GPUs per pod').fill('1');
      await g.getByLabel('GPU product').fill('NVIDIA-A100-SXM4-80GB');
    }
  }
  await expect(resource(page, 'Peak concurrent pods')).toHaveText('13');
  await expect(resource(page, 'Peak GPUs')).toHaveText('4');
  await expect(page.getByRole('status', { name: 'Validation' })).toHaveText(
    'Valid: 0 errors, 0 warnings',
  );
  const text = await yamlText(page);
  // Keys in the order of the platform's examples, and the GPU's `type: gpu` written with it.
  expect(text).toContain(
    `kind: AIchorManifest\napiVersion: "${CURRENT_API_VERSION}"\nbuilder:\n  image: image\nspec:\n` +
      '  operator: jobset\n  image: image\n  command: python3 main.py\n  types:\n' +
      '    coordinator:\n      count: 1\n',
  );
  expect(text).toContain(
    'gpu:\n            count: 1\n            type: gpu\n            product: NVIDIA-A100-SXM4-80GB',
  );
});

test('switches a group between RAM per CPU and RAM per pod, converting the figure', async ({
  page,
}) => {
  await openDesigner(page);
  const g = group(page, 'worker');
  await g.getByLabel('RAM given as').selectOption('memory');
  await expect.poll(() => yamlText(page)).toContain('        cpus: 4\n        memory: 12\n');
  await expect(g.getByLabel('Memory per pod (GB)')).toHaveValue('12');
  await expect(resource(page, 'Peak RAM (GB)')).toHaveText('74');
});

test('the YAML editor documents fields on hover and completes keys from the schema', async ({
  page,
}) => {
  await openDesigner(page, 'YAML');
  const line = page.locator('.view-line', { hasText: 'ramRatio: 3' }).first();
  await line.getByText('ramRatio', { exact: true }).hover();
  await expect(page.locator('.monaco-hover:visible')).toContainText('GB of RAM per CPU');
  await yamlCursorAtEndOfLine(page, lineOf(main, 'count: 5'));
  await page.keyboard.press('Enter');
  await page.keyboard.type('complet');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('completions');
});

test('"Show in form" focuses the field of a problem', async ({ page }) => {
  await openDesigner(page);
  await group(page, 'worker').getByLabel('Jobs (count)').fill('-3');
  await showProblemInForm(page, 'out-of-range');
  await expect(group(page, 'worker').getByLabel('Jobs (count)')).toBeFocused();
});

test('a refused rename keeps what was typed, with the reason at the field, until it is fixed', async ({
  page,
}) => {
  await openDesigner(page);
  const name = group(page, 'worker-2').getByLabel('Name');
  await name.fill('worker');
  await name.press('Enter');
  // The typed value stays, the reason is shown at the field itself.
  await expect(name).toHaveValue('worker');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const reason = group(page, 'worker-2').getByRole('alert');
  await expect(reason).toHaveText('`worker` already exists.');
  await expect(reason).toBeVisible();
  await name.blur();
  await expect(name).toHaveValue('worker');
  expect(await yamlText(page)).toBe(main);
  // Fixing it applies the rename and clears the reason.
  await name.fill('worker-3');
  await name.press('Enter');
  await expect.poll(() => yamlText(page)).toBe(main.replace('    worker-2:', '    worker-3:'));
  await expect(group(page, 'worker-3').getByRole('alert')).toHaveCount(0);
});

test('emptying an optional field removes its key, so its default applies again', async ({
  page,
}) => {
  await openDesigner(page);
  const gpus = group(page, 'worker').getByLabel('GPUs per pod');
  await gpus.fill('');
  await gpus.blur();
  await expect.poll(() => yamlText(page)).toBe(main.replace('            count: 1\n', ''));
  await expect(resource(page, 'Peak GPUs')).toHaveText('0');
});
