// The plain YAML editor (the text area shown until the code editor loads, or if it cannot):
// what is typed becomes the design's text, a burst of typing is one undo step, and a change made
// elsewhere (a template, an undo) shows in it.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { loadDesign, template } from '../../fixtures/designer.tsx';
import { useDesigner } from '../../state/store.ts';
import { PlainYamlEditor } from './PlainYamlEditor.tsx';

const LABEL = 'Manifest YAML (plain text)';

/** Puts the caret right after the first occurrence of `after` in the text area. */
function caretAfter(area: HTMLTextAreaElement, after: string) {
  const at = area.value.indexOf(after) + after.length;
  area.focus();
  area.setSelectionRange(at, at);
}

describe('PlainYamlEditor', () => {
  it('shows the design’s text, and what is typed becomes the design’s text', async () => {
    const text = template('two-groups');
    loadDesign(text);
    const screen = await render(<PlainYamlEditor note="Loading the code editor…" />);
    const area = screen.getByRole('textbox', { name: LABEL });
    // Precondition: the editor shows the design as loaded.
    await expect.element(area).toHaveValue(text);
    await expect.element(screen.getByText('Loading the code editor…')).toBeVisible();
    const version = useDesigner.getState().version;

    // Typing a digit after `count: 4` of the workers makes it 40, in the store's text.
    caretAfter(area.element() as HTMLTextAreaElement, 'worker:\n      count: 4');
    await userEvent.keyboard('0');
    // Would fail if the text area did not commit its change to the store.
    expect(useDesigner.getState().text).toBe(text.replace('count: 4', 'count: 40'));
    expect(useDesigner.getState().version).toBe(version + 1);
    expect(useDesigner.getState().lastOrigin).toBe('yaml');
    await expect.element(area).toHaveValue(useDesigner.getState().text);
  });

  it('makes a word typed one undo step, and shows the text undo brings back', async () => {
    const text = template('two-groups');
    loadDesign(text);
    const screen = await render(<PlainYamlEditor note="" />);
    const area = screen.getByRole('textbox', { name: LABEL });
    await expect.element(area).toHaveValue(text);
    const steps = useDesigner.getState().past.length;

    caretAfter(area.element() as HTMLTextAreaElement, 'count: 1');
    await userEvent.keyboard('  # the coordinator');
    const typed = text.replace('count: 1', 'count: 1  # the coordinator');
    // Precondition: every key reached the store, as one step of the history.
    // Checked: with the keys typed outside the text area (focus on the body) this failed.
    expect(useDesigner.getState().text).toBe(typed);
    expect(useDesigner.getState().past.length).toBe(steps + 1);

    useDesigner.getState().undo();
    await expect.element(area).toHaveValue(text);
    expect(useDesigner.getState().text).toBe(text);
  });

  it('follows a design loaded elsewhere', async () => {
    loadDesign(template('two-groups'));
    const screen = await render(<PlainYamlEditor note="" />);
    const area = screen.getByRole('textbox', { name: LABEL });
    // Precondition: the two templates differ, and the first is shown.
    expect(template('hyperparameter-sweep')).not.toBe(template('two-groups'));
    await expect.element(area).toHaveValue(template('two-groups'));
    loadDesign(template('hyperparameter-sweep'));
    await expect.element(area).toHaveValue(template('hyperparameter-sweep'));
  });
});
