/** Jumping from a problem to its place in the manifest text. */

export const SOURCE_TEXTAREA_ID = 'manifest-yaml';

/** Selects `[start, end)` in the text area and scrolls it into view. */
export function revealInSource(start: number, end: number): void {
  const el = document.getElementById(SOURCE_TEXTAREA_ID);
  if (!(el instanceof HTMLTextAreaElement)) return;
  el.focus();
  el.setSelectionRange(start, Math.max(end, start));
  // Put the selected line near the top: a text area has no scrollIntoView for a range.
  const line = el.value.slice(0, start).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
  el.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
