/**
 * Never losing work: the design (text and settings) is saved in local storage and written into
 * the address bar as a permalink within a second of every change, and restored on the next
 * visit. Opening a link while a different local design exists keeps the local one as a draft.
 * A bad link changes nothing but shows why.
 */
import { sameRef } from '../../core/record/record.ts';
import type { DesignSettings, Rehearsal } from '../../core/settings.ts';
import { decodeDesign, encodeDesign } from '../../core/link/codec.ts';
import { loadSaved, pushDraft, save } from './storage.ts';
import { designSettings } from '../slices/design.ts';
import { useDesigner } from '../store.ts';

const DELAY_MS = 300;
/** How long a write waits for the figures of the text at most: with DELAY_MS, under a second. */
const MAX_WAIT_MS = 600;
const PAINT_WAIT_MS = 100;

/**
 * A link holds only a reference to its rehearsal: when it names the one this browser keeps
 * whole (the same design reopened, a reload), the record stays.
 */
function withOwnRecord(settings: DesignSettings, own: Rehearsal | null): DesignSettings {
  const linked = settings.rehearsal;
  if (!linked || linked.record || !own?.record) return settings;
  return sameRef(linked.ref, own.ref) ? { ...settings, rehearsal: own } : settings;
}

export function startPersistence(defaultText: string): () => void {
  const store = useDesigner;
  const saved = loadSaved();
  store.getState().load(saved?.text ?? defaultText, saved?.settings, saved?.source);
  const p: Persisting = {
    defaultText,
    written: '',
    warned: false,
    cancel: () => {},
    generation: 0,
    changes: 0,
    fromLink: null,
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.text !== prev.text ||
      s.settingsVersion !== prev.settingsVersion ||
      s.source !== prev.source ||
      s.comparison !== prev.comparison
    )
      scheduleWrite(p);
  });
  // After a link is opened too: the link is written (and known to the views) even when opening
  // it changed nothing.
  // A reload keeps the address this tab last wrote, which may lag the last edits (the link is
  // written a moment after them, the storage as the page goes): the saved design is then the
  // newer one. Any other address is a link to open.
  const own = saved?.link !== undefined && location.hash.slice(1) === saved.link;
  if (own) p.written = saved.link!;
  if (location.hash.length > 1 && !own)
    void openLink(p, location.hash).then(() => scheduleWrite(p));
  else scheduleWrite(p);

  // A design with edits is replaced only when the user says so; the newest address waits for
  // the answer (a page changing it again and again asks once, and pushes no draft out).
  const onHash = () => {
    if (location.hash.slice(1) !== p.written && location.hash.length > 1)
      void openLink(p, location.hash, true);
  };
  const unsubscribeAnswer = store.subscribe((s) => {
    if (s.acceptedLink === null) return;
    const fragment = s.acceptedLink;
    s.answerPendingLink(false); // clears it: opened once
    void openLink(p, fragment);
  });
  const onHide = () => flushStorage(p);
  window.addEventListener('hashchange', onHash);
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    unsubscribeAnswer();
    p.cancel();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', onHide);
  };
}

/** What persisting keeps between events. */
interface Persisting {
  readonly defaultText: string;
  /** The link this tab last wrote into the address bar ('' when none). */
  written: string;
  /** Said once that the browser does not let the designer save. */
  warned: boolean;
  /** Stops the write waiting to be made. */
  cancel: () => void;
  /** Links being made: only the newest may be written. */
  generation: number;
  /** Changes of address: only the newest one's link may open or ask. */
  changes: number;
  /** The text the last link opened: a design still equal to it has no edits of this tab's. */
  fromLink: string | null;
}

function flushStorage(p: Persisting) {
  const s = useDesigner.getState();
  if (!save(s.text, designSettings(s), p.written, s.source) && !p.warned) {
    p.warned = true;
    s.notify(
      'This browser does not let the designer save: keep your link or download the manifest.',
      'error',
    );
  }
}

/**
 * Saves and writes the link a moment after the last change, once the figures of the text are
 * on screen: saving and encoding a large design take the main thread for tens of milliseconds,
 * which must not delay the figures the user waits for. Still within a second of the change.
 */
function scheduleWrite(p: Persisting) {
  p.cancel();
  p.cancel = waitThenWrite(p);
}

/** Waits DELAY_MS, then for the figures of the text painted (MAX_WAIT_MS at most), then writes. */
function waitThenWrite(p: Persisting): () => void {
  const timers: number[] = [];
  let unsubscribe = () => {};
  let over = false;
  const cancel = () => {
    over = true;
    timers.forEach((t) => window.clearTimeout(t));
    unsubscribe();
  };
  const run = () => {
    if (over) return;
    cancel();
    write(p);
  };
  const analysed = () => {
    const s = useDesigner.getState();
    return s.analysisVersion >= s.version;
  };
  // After the next frame, so the result's render is painted first (no frames in a hidden tab).
  const afterPaint = () => {
    requestAnimationFrame(() => timers.push(window.setTimeout(run, 0)));
    timers.push(window.setTimeout(run, PAINT_WAIT_MS));
  };
  timers.push(
    window.setTimeout(() => {
      if (analysed()) return run();
      timers.push(window.setTimeout(run, MAX_WAIT_MS));
      unsubscribe = useDesigner.subscribe(() => {
        if (!analysed()) return;
        unsubscribe();
        afterPaint();
      });
    }, DELAY_MS),
  );
  return cancel;
}

function write(p: Persisting) {
  flushStorage(p);
  const s = useDesigner.getState();
  const mine = ++p.generation;
  const c = s.comparison;
  const compare = c ? { ...c.other, currentFirst: c.currentFirst } : undefined;
  void encodeDesign({
    text: s.text,
    settings: designSettings(s),
    ...(compare ? { compare } : {}),
  }).then((link) => {
    if (mine !== p.generation) return; // a newer change is on its way
    p.written = writeLink(link);
  });
}

const edited = (p: Persisting, text: string) =>
  text.trim() !== '' && text !== p.defaultText && text !== p.fromLink;

/**
 * Opens a link. With `ask`, a valid link that would replace a design with edits waits for the
 * user's answer (the address goes back to the design shown meanwhile).
 */
async function openLink(p: Persisting, fragment: string, ask = false) {
  const mine = ++p.changes;
  const r = await decodeDesign(fragment);
  if (mine !== p.changes) return; // the address changed again while this one was read
  const s = useDesigner.getState();
  if (!r.ok) {
    s.notify(r.reason, 'error');
    if (p.written) history.replaceState(null, '', `#${p.written}`);
    return;
  }
  if (ask && r.design.text !== s.text && edited(p, s.text)) {
    s.setPendingLink(fragment);
    if (p.written) history.replaceState(null, '', `#${p.written}`);
    return;
  }
  if (r.design.text !== s.text) {
    if (s.text.trim() && s.text !== p.defaultText) keepAsDraft(s.text, edited(p, s.text));
    s.load(r.design.text, r.design.settings);
    p.fromLink = r.design.text;
  } else s.applySettings(withOwnRecord(r.design.settings, s.rehearsal));
  const c = r.design.compare;
  if (c) s.startCompare({ text: c.text, settings: c.settings, label: c.label }, c.currentFirst);
}

/** The link in the address bar (none when the design is too large for one): what was written. */
function writeLink(link: string | null): string {
  useDesigner.getState().setLink(link);
  history.replaceState(null, '', link === null ? location.pathname : `#${link}`);
  return link ?? '';
}

/** The design a link replaces, kept in Drafts (and said so), or said to be kept only by Undo. */
function keepAsDraft(text: string, edited: boolean) {
  const s = useDesigner.getState();
  const kept = pushDraft({ text, settings: designSettings(s), savedAt: Date.now(), edited });
  s.notify(
    kept
      ? 'Opened the design from the link. Your previous design is kept in Drafts.'
      : 'Opened the design from the link. Your previous design could not be kept as a draft (the browser\u2019s storage is full): Undo brings it back in this tab.',
    kept ? 'info' : 'error',
  );
}
