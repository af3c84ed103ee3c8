/**
 * The pod's one container as the manifest's: its image, its command (command and args as one
 * shell command) and its resources. The platform sets the variables and mounts itself, so the
 * container's own are reported, and so is a left-out variable its command still reads.
 */
import { COMPLETION_INDEX_VARIABLE, LABEL_VARIABLES, labelPath } from './labels.ts';
import { shellQuote } from '../quote.ts';
import { info, obj, warn, type ImportItem, type Json } from './importItem.ts';
import { readResources } from './importResources.ts';

/** What of the container the group takes; the names of the variables left out. */
export interface ReadContainer {
  readonly image: string | null;
  readonly resources: Json | null;
  readonly dropped: readonly string[];
}

/**
 * The container's keys: its image and resources are read (the command and args by `commandOf`);
 * its name, a mount of the `/dev/shm` volume (`shmVolumes`) and the variables the platform sets
 * for every pod carry over silently; anything else is reported.
 */
export function readContainer(
  c: Json,
  containerAt: string,
  shmVolumes: ReadonlySet<string>,
  report: ImportItem[],
): ReadContainer {
  let image: string | null = null;
  let resources: Json | null = null;
  let dropped: string[] = [];
  for (const [key, v] of Object.entries(c)) {
    const p = `${containerAt}.${key}`;
    switch (key) {
      case 'name':
        break;
      case 'image':
        if (typeof v === 'string') image = v;
        break;
      case 'command':
      case 'args':
        break;
      case 'env':
        dropped = readEnv(v, p, report);
        break;
      case 'volumeMounts':
        (Array.isArray(v) ? v : []).forEach((m, k) => {
          if (!shmVolumes.has(String(obj(m).name)))
            report.push(warn(`${p}[${k}]`, 'The manifest has no counterpart for this mount.'));
        });
        break;
      case 'resources':
        resources = readResources(obj(v), p, report);
        break;
      default:
        report.push(warn(p, 'The manifest has no counterpart for it.'));
    }
  }
  return { image, resources, dropped };
}

/**
 * The container's `env`: the manifest sets no variables of its own, so each one but those the
 * platform sets for every pod is reported, and its name returned (the command may read it).
 */
function readEnv(v: unknown, p: string, report: ImportItem[]): string[] {
  const dropped: string[] = [];
  (Array.isArray(v) ? v : []).forEach((e, k) => {
    if (!isPlatformVariable(obj(e))) {
      const n = obj(e).name;
      if (typeof n === 'string') dropped.push(n);
      const platform =
        typeof n === 'string' &&
        (n === COMPLETION_INDEX_VARIABLE || LABEL_VARIABLES.some(([x]) => x === n));
      report.push(
        warn(
          `${p}[${k}]`,
          platform
            ? `${n} is set here to a value of its own; the platform sets it for each pod, so this one is left out.`
            : `The manifest sets no environment variables${typeof n === 'string' ? `: ${n} is left out` : ''}.`,
        ),
      );
    }
  });
  return dropped;
}

/** A variable the platform sets as this one does: the completion index, or a pod label's value. */
function isPlatformVariable(e: Json): boolean {
  // Kubernetes sets it for Indexed Jobs; a literal value of one's own would hide the index.
  if (e.name === COMPLETION_INDEX_VARIABLE) return e.value === undefined;
  const label = LABEL_VARIABLES.find(([variable]) => variable === e.name)?.[1];
  if (label === undefined) return false;
  return obj(obj(e.valueFrom).fieldRef).fieldPath === labelPath(label);
}

/** A variable left out but still read by the command: the command would see it empty. */
export function warnDroppedVariablesRead(
  command: string | null,
  dropped: readonly string[],
  containerAt: string,
  report: ImportItem[],
): void {
  for (const n of dropped) {
    if (command !== null && new RegExp(`\\$(\\{${n}\\}|${n}(?![A-Za-z0-9_]))`).test(command)) {
      report.push(
        warn(
          `${containerAt}.command`,
          `The command reads $${n}, which is left out: write its value into the command, or set it in the image.`,
        ),
      );
    }
  }
}

/** The container's command and args as one shell command string, as the manifest writes it. */
export function commandOf(c: Json, at: string, report: ImportItem[]): string | null {
  const cmd = Array.isArray(c.command) ? c.command.map(String) : [];
  const args = Array.isArray(c.args) ? c.args.map(String) : [];
  const words = [...cmd, ...args];
  if (words.length === 0) return null;
  if (cmd.length === 0) {
    report.push(
      info(
        `${at}.args`,
        "Only args: the image's own entrypoint ran before them here, while the manifest's command replaces it. Put the entrypoint first in spec.command.",
      ),
    );
  }
  const [shell, flag, script, ...rest] = words;
  if (
    /^(\/(usr\/)?bin\/)?(ba|z|da)?sh$/.test(shell!) &&
    flag === '-c' &&
    script !== undefined &&
    rest.length === 0
  ) {
    return script;
  }
  report.push(
    info(
      `${at}.command`,
      'Command and args are joined into one shell command, quoted where needed.',
    ),
  );
  return words.map(shellQuote).join(' ');
}
