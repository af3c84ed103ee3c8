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
  let written = '';
  let warned = false;

  const flushStorage = () => {
    const s = store.getState();
    if (!save(s.text, designSettings(s), written, s.source) && !warned) {
      warned = true;
      s.notify(
        'This browser does not let the designer save: keep your link or download the manifest.',
        'error',
      );
    }
  };

  let timer = 0;
  let generation = 0;
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      flushStorage();
      const s = store.getState();
      const mine = ++generation;
      const c = s.comparison;
      const compare = c ? { ...c.other, currentFirst: c.currentFirst } : undefined;
      void encodeDesign({
        text: s.text,
        settings: designSettings(s),
        ...(compare ? { compare } : {}),
      }).then((link) => {
        if (mine !== generation) return; // a newer change is on its way
        store.getState().setLink(link);
        if (link === null) {
          history.replaceState(null, '', location.pathname);
          written = '';
          return;
        }
        written = link;
        history.replaceState(null, '', `#${link}`);
      });
    }, DELAY_MS);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.text !== prev.text ||
      s.settingsVersion !== prev.settingsVersion ||
      s.source !== prev.source ||
      s.comparison !== prev.comparison
    )
      schedule();
  });

  // The text the last link opened: a design still equal to it has no edits of this tab's.
  let fromLink: string | null = null;
  const edited = (text: string) => text.trim() !== '' && text !== defaultText && text !== fromLink;

  /**
   * Opens a link. With `ask`, a valid link that would replace a design with edits waits for the
   * user's answer (the address goes back to the design shown meanwhile).
   */
  let changes = 0; // changes of address: only the newest one's link may open or ask
  const openLink = async (fragment: string, ask = false) => {
    const mine = ++changes;
    const r = await decodeDesign(fragment);
    if (mine !== changes) return; // the address changed again while this one was read
    const s = store.getState();
    if (!r.ok) {
      s.notify(r.reason, 'error');
      if (written) history.replaceState(null, '', `#${written}`);
      return;
    }
    if (ask && r.design.text !== s.text && edited(s.text)) {
      s.setPendingLink(fragment);
      if (written) history.replaceState(null, '', `#${written}`);
      return;
    }
    if (r.design.text !== s.text) {
      if (s.text.trim() && s.text !== defaultText) {
        const kept = pushDraft({
          text: s.text,
          settings: designSettings(s),
          savedAt: Date.now(),
          edited: edited(s.text),
        });
        s.notify(
          kept
            ? 'Opened the design from the link. Your previous design is kept in Drafts.'
            : 'Opened the design from the link. Your previous design could not be kept as a draft (the browser\u2019s storage is full): Undo brings it back in this tab.',
          kept ? 'info' : 'error',
        );
      }
      s.load(r.design.text, r.design.settings);
      fromLink = r.design.text;
    } else s.applySettings(withOwnRecord(r.design.settings, s.rehearsal));
    const c = r.design.compare;
    if (c) {
      s.startCompare({ text: c.text, settings: c.settings, label: c.label }, c.currentFirst);
    }
  };
  // After a link is opened too: the link is written (and known to the views) even when opening
  // it changed nothing.
  // A reload keeps the address this tab last wrote, which may lag the last edits (the link is
  // written a moment after them, the storage as the page goes): the saved design is then the
  // newer one. Any other address is a link to open.
  const own = saved?.link !== undefined && location.hash.slice(1) === saved.link;
  if (own) written = saved.link!;
  if (location.hash.length > 1 && !own) void openLink(location.hash).then(schedule);
  else schedule();

  // A design with edits is replaced only when the user says so; the newest address waits for
  // the answer (a page changing it again and again asks once, and pushes no draft out).
  const onHash = () => {
    if (location.hash.slice(1) !== written && location.hash.length > 1)
      void openLink(location.hash, true);
  };
  const unsubscribeAnswer = store.subscribe((s) => {
    if (s.acceptedLink === null) return;
    const fragment = s.acceptedLink;
    s.answerPendingLink(false); // clears it: opened once
    void openLink(fragment);
  });
  const onHide = () => flushStorage();
  window.addEventListener('hashchange', onHash);
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    unsubscribeAnswer();
    window.clearTimeout(timer);
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', onHide);
  };
}
