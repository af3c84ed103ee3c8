/** True when a key or a paste lands where the user types (a field, an editor): shortcuts stand back. */
export function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    !!target.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor',
    )
  );
}
