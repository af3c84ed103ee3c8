/** Messages for the user that are not about the manifest: a bad link, a rejected file. */
import type { StateCreator } from 'zustand';
import type { DesignerState } from '../store.ts';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
}

export interface NoticesSlice {
  readonly notices: readonly Notice[];
  /**
   * The address changed to another design while this one has edits: opened only when the user
   * says so (the newest change of address, if it changed several times).
   */
  readonly pendingLink: string | null;
  /** The pending link the user chose to open; persistence opens it (and clears this). */
  readonly acceptedLink: string | null;
  setPendingLink(fragment: string | null): void;
  answerPendingLink(open: boolean): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let next = 1;

export const createNoticesSlice: StateCreator<DesignerState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  notify: (text, tone = 'info') =>
    set((s) => ({ notices: [...s.notices.slice(-3), { id: next++, text, tone }] })),
  pendingLink: null,
  acceptedLink: null,
  setPendingLink: (fragment) => set({ pendingLink: fragment }),
  answerPendingLink: (open) =>
    set((s) => ({ pendingLink: null, acceptedLink: open ? s.pendingLink : null })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
