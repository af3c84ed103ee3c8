/**
 * Following the keys of `spec.types` through text edits: the design settings of a group belong
 * to it by name, so a splice inside a group's key renames the group (and its settings follow),
 * and a splice that takes a key away removes the group. Spans shift with every edit in between,
 * so no parse is needed to know which key an edit touched.
 */
import type { TextEdit } from './text.ts';

export interface TrackedKey {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface KeyChanges {
  /** The keys after the edit, shifted; keys the edit made untraceable are left out. */
  readonly keys: readonly TrackedKey[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly removed: readonly string[];
}

export function trackKeys(keys: readonly TrackedKey[], text: string, edit: TextEdit): KeyChanges {
  const delta = edit.text.length - (edit.end - edit.start);
  const out: TrackedKey[] = [];
  const renamed: { from: string; to: string }[] = [];
  const removed: string[] = [];
  const pure = edit.start === edit.end;
  // Text typed at a key's edge continues the key when it could be part of a name.
  const namelike = pure && /^[^\s:#{}[\],"']+$/.test(edit.text);
  for (const k of keys) {
    const inside =
      (k.start < edit.start && edit.end < k.end) ||
      (k.start <= edit.start && edit.end <= k.end && (!pure || namelike));
    if (inside) {
      const end = k.end + delta;
      const name = keyName(text.slice(k.start, end));
      if (name === null) continue; // no longer one key: follow it no further
      if (name !== k.name) renamed.push({ from: k.name, to: name });
      out.push({ name, start: k.start, end });
    } else if (edit.end <= k.start) {
      out.push({ name: k.name, start: k.start + delta, end: k.end + delta });
    } else if (edit.start >= k.end) {
      out.push(k);
    } else if (edit.start <= k.start && edit.end >= k.end) {
      // The edit took the whole key away; the group stays only if the new text writes it again.
      const again = new RegExp(`(^|\\n)[ \\t]*["']?${escape(k.name)}["']?[ \\t]*:`).test(edit.text);
      if (!again) removed.push(k.name);
    }
    // A splice over part of a key and beyond: the key cannot be followed; its settings stay.
  }
  return { keys: out, renamed, removed };
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
