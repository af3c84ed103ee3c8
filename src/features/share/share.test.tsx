// Templates and Share: every example of the catalogue is offered and opens as the design (asking
// first over edits), and the Share menu offers its actions, warning before a manifest with errors
// is downloaded.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { CATALOG } from '../../templates/catalog.ts';
import { ShareMenu } from './ShareMenu.tsx';
import { TemplatesButton } from './TemplatesDialog.tsx';

describe('TemplatesDialog', () => {
  // Checked to fail: with the count expected from CATALOG.slice(1) (a catalogue one template
  // short of what the dialog lists), the listed 10 are not 9.
  it('lists every template of the catalogue, each with its line', async () => {
    loadDesign(template('two-groups'), {});
    const screen = await render(<TemplatesButton />);
    // Precondition: closed until asked for.
    expect(screen.getByRole('dialog', { name: 'Templates' }).query()).toBeNull();
    await screen.getByRole('button', { name: 'Templates' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Templates' });
    await expect.element(dialog).toBeVisible();
    expect(dialog.getByRole('listitem').elements()).toHaveLength(CATALOG.length);
    for (const t of CATALOG) {
      const button = dialog.getByRole('button', { name: t.title, exact: true });
      await expect.element(button).toBeVisible();
      await expect.element(button).toHaveAccessibleDescription(t.description);
      // Its thumbnail, drawn from the figures the build computed (no core on the main thread).
      const thumb = button.element().querySelector('img.thumb');
      expect(thumb, t.id).not.toBeNull();
      expect(thumb!.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    }
  });

  it('opens the chosen template as the design at once when there are no edits', async () => {
    loadDesign(template('two-groups'), {});
    const screen = await render(<TemplatesButton />);
    const opener = screen.getByRole('button', { name: 'Templates' });
    await opener.click();
    // Precondition: the design is not the sweep yet, and it has no edits (just loaded).
    expect(useDesigner.getState().text).not.toBe(template('hyperparameter-sweep'));
    expect(useDesigner.getState().lastOrigin).toBe('load');
    await screen.getByRole('button', { name: 'Hyperparameter sweep' }).click();
    expect(useDesigner.getState().text).toBe(template('hyperparameter-sweep'));
    expect(useDesigner.getState().source).toBe('Hyperparameter sweep');
    await expect.element(screen.getByRole('dialog', { name: 'Templates' })).not.toBeInTheDocument();
    await expect.element(opener).toHaveFocus();
  });

  it('asks before replacing edits: Cancel keeps them, Open template replaces them', async () => {
    loadDesign(template('hyperparameter-sweep'), {});
    const edited = template('hyperparameter-sweep').replace('count: 16', 'count: 6');
    useDesigner.getState().commit(edited, { origin: 'yaml' });
    const screen = await render(<TemplatesButton />);
    await screen.getByRole('button', { name: 'Templates' }).click();
    await screen.getByRole('button', { name: 'Two groups', exact: true }).click();
    const ask = screen.getByRole('dialog', { name: 'Open "Two groups"?' });
    await expect.element(ask).toHaveTextContent(/replaces your current design/);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(ask).not.toBeInTheDocument();
    expect(useDesigner.getState().text).toBe(edited);

    await screen.getByRole('button', { name: 'Two groups', exact: true }).click();
    await ask.getByRole('button', { name: 'Open template' }).click();
    expect(useDesigner.getState().text).toBe(template('two-groups'));
    // One undo step brings the edited design back.
    useDesigner.getState().undo();
    expect(useDesigner.getState().text).toBe(edited);
  });
});

describe('ShareMenu', () => {
  it('offers its actions, and asks before downloading a manifest with errors', async () => {
    const text = template('two-groups').replace('count: 4', 'count: -4');
    loadDesign(text, {});
    const errors = useDesigner
      .getState()
      .analysis!.diagnostics.filter((d) => d.severity === 'error');
    // Precondition: one error, on the count's line.
    const line = text.split('\n').findIndex((l) => l.includes('count: -4')) + 1;
    expect(errors.map((d) => d.line)).toEqual([line]);

    const screen = await render(<ShareMenu />);
    const share = screen.getByRole('button', { name: 'Share' });
    await expect.element(share).toHaveAttribute('aria-expanded', 'false');
    await share.click();
    const menu = screen.getByRole('dialog', { name: 'Share and export' });
    await expect.element(menu).toBeVisible();
    for (const action of ['Copy link', 'Download JSON', 'Copy YAML', 'Open file…']) {
      await expect.element(menu.getByRole('button', { name: action })).toBeVisible();
    }
    await expect.element(menu.getByRole('meter', { name: 'Link length' })).toBeInTheDocument();
    // The link's length, and what it means for chat tools.
    await expect.element(menu).toHaveTextContent(/\d[\d,]* characters\. \w/);

    await menu.getByRole('button', { name: 'Download manifest (1 error)' }).click();
    const ask = screen.getByRole('dialog', { name: 'Download a manifest with errors?' });
    await expect.element(ask).toHaveTextContent(new RegExp(`Line ${line}: count must be`));
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(ask).not.toBeInTheDocument();
  });
});
