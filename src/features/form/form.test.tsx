// The manifest form: a field changed is one small edit of the YAML text (comments, the other
// lines and the key order kept, a new key where the platform's examples put it), and while the
// YAML does not parse the form shows the last readable design, read-only.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { analyseNow, loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { ManifestForm } from './ManifestForm.tsx';

const text = () => useDesigner.getState().text;

async function renderForm() {
  const screen = await render(<ManifestForm />);
  const form = screen.getByRole('form', { name: 'Manifest form' });
  await expect.element(form).toBeVisible();
  return {
    form,
    group: (name: string) => form.getByRole('group', { name, exact: true }),
  };
}

describe('ManifestForm', () => {
  it('writes a group’s count into the YAML, keeping the comments around it', async () => {
    // The workers with a comment on their key and one at the end of the count's line.
    const commented = template('two-groups').replace(
      '    worker:\n      count: 4\n',
      '    worker: # the GPU pool\n      count: 4 # one per node\n',
    );
    expect(commented).not.toBe(template('two-groups'));
    loadDesign(commented);
    const { group } = await renderForm();
    const count = group('worker').getByLabelText('Jobs (count)');
    // Precondition: the form shows the workers' count from the text.
    await expect.element(count).toHaveValue(4);

    await count.fill('6');
    // Exactly one figure of the text changed. Checked: with `fill('4')` (no change) this failed.
    await expect
      .poll(text)
      .toBe(commented.replace('count: 4 # one per node', 'count: 6 # one per node'));
    expect(useDesigner.getState().lastOrigin).toBe('form');
  });

  it('puts a new key where the platform’s examples have it, after count', async () => {
    const main = template('platform-main');
    loadDesign(main);
    const { group } = await renderForm();
    const completions = group('worker').getByLabelText('Pods per Job (completions)');
    // Precondition: the workers have no `completions` yet (the field is empty).
    expect(main).not.toContain('completions');
    await expect.element(completions).toHaveValue(null);

    await completions.fill('2');
    // Would fail if the key went to the end of the group (after `resources`) or elsewhere.
    await expect
      .poll(text)
      .toBe(
        main.replace(
          '    worker:\n      count: 5\n',
          '    worker:\n      count: 5\n      completions: 2\n',
        ),
      );
  });

  it('is read-only on the last readable design while the YAML has a syntax error', async () => {
    const main = template('platform-main');
    loadDesign(main);
    const { form, group } = await renderForm();
    const count = group('worker').getByLabelText('Jobs (count)');
    // Precondition: a readable design, the fields enabled, no banner.
    await expect.element(count).toBeEnabled();
    await expect.element(form.getByRole('alert')).not.toBeInTheDocument();

    const broken = main.replace('count: 5', 'count: 5 : x');
    useDesigner.getState().commit(broken, { origin: 'yaml' });
    analyseNow();
    // Would fail if the form dropped the last good design or let it be edited.
    await expect.element(form.getByRole('alert')).toHaveTextContent(/^Read-only/);
    await expect.element(form.getByRole('button', { name: /^Go to line \d+$/ })).toBeVisible();
    await expect.element(count).toBeDisabled();
    await expect.element(count).toHaveValue(5);
    expect(text()).toBe(broken); // nothing the user typed is lost
  });
});
