// "How to read this": opened from its button or the ? key (never while typing), it explains the
// grid; Esc or Close shuts it and focus goes back to where the user was.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { HelpButton } from './HelpDialog.tsx';

describe('HelpButton', () => {
  // Checked to fail: with the click on the button left out (a button that opens nothing), the
  // dialog stays hidden and `toBeVisible` fails.
  it('opens from its button, explains the grid, and Esc gives focus back to the button', async () => {
    const screen = await render(<HelpButton />);
    const button = screen.getByRole('button', { name: 'How to read this' });
    const help = screen.getByRole('dialog', { name: 'How to read this', includeHidden: true });
    // Precondition: the help is in the page but closed.
    await expect.element(help).not.toBeVisible();
    await button.click();
    await expect.element(help).toBeVisible();
    await expect.element(help).toHaveTextContent(/Each row is a Job/);
    await expect.element(help).toHaveTextContent(/JOB_COMPLETION_INDEX/);
    await userEvent.keyboard('{Escape}');
    await expect.element(help).not.toBeVisible();
    await expect.element(button).toHaveFocus();
  });

  it('opens on ? outside text fields, never while typing in one', async () => {
    const screen = await render(
      <>
        <label>
          Notes <input type="text" />
        </label>
        <HelpButton />
      </>,
    );
    const help = screen.getByRole('dialog', { name: 'How to read this', includeHidden: true });
    const field = screen.getByRole('textbox', { name: 'Notes' });
    // Typed into a field, ? is a character.
    await field.click();
    await userEvent.keyboard('?');
    await expect.element(field).toHaveValue('?');
    await expect.element(help).not.toBeVisible();
    // Elsewhere it is the shortcut.
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('?');
    await expect.element(help).toBeVisible();
  });

  it('closes with its Close button, focus back on the help button', async () => {
    const screen = await render(<HelpButton />);
    const button = screen.getByRole('button', { name: 'How to read this' });
    const help = screen.getByRole('dialog', { name: 'How to read this', includeHidden: true });
    await button.click();
    await expect.element(help).toBeVisible();
    // Precondition: focus moved into the dialog.
    expect(help.element().contains(document.activeElement)).toBe(true);
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.element(help).not.toBeVisible();
    await expect.element(button).toHaveFocus();
  });
});
