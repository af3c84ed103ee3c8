/**
 * Autosave in local storage, versioned, tolerant of garbage: the current design, and drafts (a
 * local design that a link would otherwise have replaced). A failing storage (full, disabled)
 * never breaks editing.
 */
import type { DesignSettings } from '../../core/settings.ts';
import { sanitizeSettings, withoutRecord } from '../../core/link/codec.ts';

/** Where the current design is saved (the first page's script reads it too: app/firstVisit.ts). */
export const SAVED_KEY = 'jobset-designer:v1:design';
const DRAFTS = 'jobset-designer:v1:drafts';
const MAX_DRAFTS = 10;

export interface Saved {
  readonly text: string;
  readonly settings: DesignSettings;
  readonly savedAt: number;
  /** The link the address bar held when it was saved (the design, up to its last edits). */
  readonly link?: string;
  /**
   * True for a design edited here (its only copy is this draft); false for one that came from a
   * link or a file unchanged (the link or the file has it too).
   */
  readonly edited?: boolean;
  /** Where the design came from (a template's title, a file's name): the title until it has a name. */
  readonly source?: string;
}

/** A source is shown as a title: one line, of a length a title bar holds. */
const MAX_SOURCE = 200;

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function asSaved(v: unknown): Saved | null {
  const o = v as { text?: unknown; settings?: unknown; savedAt?: unknown } | null;
  if (!o || typeof o.text !== 'string') return null;
  return {
    text: o.text,
    settings: sanitizeSettings(o.settings),
    savedAt: typeof o.savedAt === 'number' ? o.savedAt : 0,
    ...(typeof (o as { link?: unknown }).link === 'string' && {
      link: (o as { link: string }).link,
    }),
    ...(typeof (o as { source?: unknown }).source === 'string' && {
      source: (o as { source: string }).source.replace(/\s+/g, ' ').slice(0, MAX_SOURCE),
    }),
    // Drafts saved before the flag existed are kept as edits: never dropped to make room.
    edited: (o as { edited?: unknown }).edited !== false,
  };
}

export function loadSaved(): Saved | null {
  return asSaved(read(SAVED_KEY));
}

/**
 * Saves the design; false when the browser refused (storage full or disabled). A rehearsal record too large for what the browser has left is dropped
 * rather than the design (its reference stays): the design always comes first.
 */
export function save(
  text: string,
  settings: DesignSettings,
  link = '',
  source: string | null = null,
): boolean {
  const write = (s: DesignSettings) => {
    try {
      localStorage.setItem(
        SAVED_KEY,
        JSON.stringify({
          text,
          settings: s,
          savedAt: Date.now(),
          ...(link && { link }),
          ...(source && { source }),
        }),
      );
      return true;
    } catch {
      return false;
    }
  };
  return write(settings) || (settings.rehearsal?.record ? write(withoutRecord(settings)) : false);
}

export function loadDrafts(): Saved[] {
  const v = read(DRAFTS);
  return Array.isArray(v) ? v.map(asSaved).filter((d): d is Saved => d !== null) : [];
}

/**
 * Keeps a design as a draft (a rehearsal goes with it only as its reference); false when the
 * browser refused (storage full or disabled). Past MAX_DRAFTS, room is made by dropping the
 * oldest drafts that came unchanged from a link or a file; an edited draft is never dropped to
 * make room (whoever changes the address many times over cannot push a design out).
 */
export function pushDraft(d: Saved): boolean {
  const drafts = loadDrafts().filter((x) => x.text !== d.text);
  drafts.unshift({ ...d, settings: withoutRecord(d.settings) });
  for (let i = drafts.length - 1; drafts.length > MAX_DRAFTS && i >= 0; i--)
    if (drafts[i]!.edited === false) drafts.splice(i, 1);
  try {
    localStorage.setItem(DRAFTS, JSON.stringify(drafts));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(index: number): void {
  const drafts = loadDrafts();
  drafts.splice(index, 1);
  try {
    localStorage.setItem(DRAFTS, JSON.stringify(drafts));
  } catch {
    // ignore
  }
}
