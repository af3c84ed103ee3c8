/**
 * Which file the manifest's `spec.command` runs, so that the generated program is that file: a
 * design whose command is `python3 -u train.py` gets `train.py`, not a `main.py` that no pod
 * would ever run. A command that names no Python script (a module, a shell script, none) keeps
 * `main.py`, and the advice says exactly what to change.
 */

export type CommandScript =
  /** The command runs this script (a relative path): the program is written there. */
  | { readonly kind: 'follows'; readonly path: string }
  /** The program is `main.py`; `advice` says what to change so that the pods run it. */
  | { readonly kind: 'change'; readonly path: 'main.py'; readonly advice: string };

/** A relative path of plain segments ending in `.py`: no `..`, no absolute path, no odd bytes. */
const SCRIPT =
  /(?:^|[\s'"=])((?:\.\/)?(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.py)(?=$|[\s'";&|)])/;
const MODULE = /(?:^|\s)-m\s+([A-Za-z_][A-Za-z0-9_.]*)/;

export function commandScript(command: string | null): CommandScript {
  const text = (command ?? '').trim();
  const script = SCRIPT.exec(text)?.[1];
  if (script && !script.split('/').includes('..')) {
    return { kind: 'follows', path: script.replace(/^\.\//, '') };
  }
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const module = MODULE.exec(text)?.[1];
  const advice = module
    ? `Your command runs the module ${module}: save main.py as ${module.replace(/\./g, '/')}.py (with jobset_env.py beside it), or change spec.command to "python3 -u main.py".`
    : text
      ? `Your command (${JSON.stringify(shown)}) names no Python script: change spec.command to "python3 -u main.py", or have it run main.py.`
      : 'The manifest has no command: set spec.command to "python3 -u main.py".';
  return { kind: 'change', path: 'main.py', advice };
}

/** The folder part of a relative path ('' for a file at the top). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}
