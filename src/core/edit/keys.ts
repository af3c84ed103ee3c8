/**
 * Following the keys of `spec.types` through text edits. The design settings of a group belong
 * to it by name, so an edit inside a group's key renames the group (and its settings follow),
 * and an edit that takes a key away removes the group (and its settings go). Spans shift with
 * every edit in between, so no parse is needed to know which key an edit touched.
 *
 * Each key knows the name its settings are kept under (`owner`). While a key is renamed through
 * a name another group has (`worker-2` -> `worker` -> `worker-3`), its settings stay under its
 * old name rather than overwrite the other group's, and move once its name is its own again.
 */
import { lineStart, type TextEdit } from './text.ts';

export interface TrackedKey {
  /** The name the key reads as now. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** The name the group's settings are kept under (the key's name, unless that is taken). */
  readonly owner: string;
}

export interface KeyChanges {
  /** The keys after the edits, shifted; keys the edits made untraceable are left out. */
  readonly keys: readonly TrackedKey[];
  /** Settings to move, in order: from the owner name to the new one. */
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  /** Owners whose groups the edits removed: their settings go. */
  readonly removed: readonly string[];
}

/** Keys found by the core in a text, before any edit. */
export function keysOf(spans: readonly { name: string; start: number; end: number }[]) {
  return spans.map((s): TrackedKey => ({ ...s, owner: s.name }));
}

/**
 * The keys after `edits`, each a splice of the text before all of them, applied from the last
 * to the first (as an editor reports the changes of one keystroke, several with multi-cursor).
 */
export function trackKeys(
  keys: readonly TrackedKey[],
  before: string,
  edits: readonly TextEdit[],
): KeyChanges {
  const moved: { from: string; to: string }[] = [];
  const removed: string[] = [];
  let text = before;
  let current = keys;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const next = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    current = step(current, text, next, edit, moved, removed);
    text = next;
  }
  // A key renamed through a taken name gets its settings once its name is free again.
  const out = current.map((k) => {
    if (k.owner === k.name || taken(current, k, k.name)) return k;
    moved.push({ from: k.owner, to: k.name });
    return { ...k, owner: k.name };
  });
  return { keys: out, moved, removed };
}

function step(
  keys: readonly TrackedKey[],
  before: string,
  after: string,
  edit: TextEdit,
  moved: { from: string; to: string }[],
  removed: string[],
): TrackedKey[] {
  const delta = edit.text.length - (edit.end - edit.start);
  const out: TrackedKey[] = [];
  const pure = edit.start === edit.end;
  // Text typed at a key's edge continues the key when it could be part of a name.
  const namelike = pure && /^[^\s:#{}[\],"']+$/.test(edit.text);
  for (const k of keys) {
    const inside =
      (k.start < edit.start && edit.end < k.end) ||
      (k.start <= edit.start && edit.end <= k.end && (!pure || namelike));
    if (inside) {
      const end = k.end + delta;
      const name = keyName(after.slice(k.start, end));
      if (name === null) continue; // no longer one key: follow it no further
      out.push({ ...k, name, end });
    } else if (edit.end <= k.start) {
      out.push({ ...k, start: k.start + delta, end: k.end + delta });
    } else if (edit.start >= k.end) {
      out.push(k);
    } else if (edit.start <= k.start && edit.end >= k.end) {
      // The edit took the whole key away; the group stays only if the new text writes it again
      // at the same indentation (a move, a paste of the same design).
      const column = k.start - lineStart(before, k.start);
      const again = new RegExp(`(^|\\n)[ \\t]{${column}}["']?${escape(k.name)}["']?[ \\t]*:`).test(
        edit.text,
      );
      if (!again) removed.push(k.owner);
    }
    // A splice over part of a key and beyond: the key cannot be followed; its settings stay.
  }
  // Settings follow a renamed key to its new name, unless another group has that name.
  return out.map((k) => {
    if (k.name === k.owner || taken(out, k, k.name)) return k;
    moved.push({ from: k.owner, to: k.name });
    return { ...k, owner: k.name };
  });
}

/** True when another key reads as `name`, or keeps its settings under it. */
function taken(keys: readonly TrackedKey[], self: TrackedKey, name: string): boolean {
  return keys.some((o) => o !== self && (o.name === name || o.owner === name));
}

/** The name a key's text reads as, or null when it is not one plain or quoted key. */
export function keyName(source: string): string | null {
  const s = source.trim();
  if (/[\n\r]/.test(s)) return null;
  if (s.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) return null;
    try {
      return JSON.parse(s) as string;
    } catch {
      return null;
    }
  }
  if (s.startsWith("'")) {
    return /^'(?:[^']|'')*'$/.test(s) ? s.slice(1, -1).replaceAll("''", "'") : null;
  }
  if (/[:#]\s|^[-?]\s|[{}[\],]/.test(s) || s.endsWith(':')) return null;
  return s;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
