/**
 * `jobset-designer render` draws what the designer exports: the SVG downloaded from the page
 * (canvas toolbar, whole design) and the command's SVG of the same manifest are the same bytes.
 */
import { readFileSync } from 'node:fs';
import { readFixture } from '../src/fixtures/read.ts';
import { runCliProcess } from './cli.ts';
import { openDesigner, yamlText } from './designer.ts';
import { expect, test } from './fixtures.ts';

for (const name of ['mixed-concurrency', 'hyperparameter-sweep', 'platform-main']) {
  test(`${name}: the page's SVG export and the command's are the same picture`, async ({
    page,
  }) => {
    const text = readFixture(name).replace(
      'kind: AIchorManifest',
      `kind: AIchorManifest\nname: ${name} run`,
    );
    await openDesigner(page, 'YAML');
    await page.evaluate((t) => window.__designerTestApi!.load(t), text);
    await expect.poll(() => yamlText(page)).toBe(text);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'SVG' }).click(),
    ]);
    const fromPage = readFileSync((await file.path())!, 'utf8');
    expect(fromPage).toContain(`>${name} run<`);
    const r = runCliProcess(['render', '-'], { input: text });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fromPage);
  });
}
