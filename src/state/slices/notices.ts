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
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let next = 1;

export const createNoticesSlice: StateCreator<DesignerState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  notify: (text, tone = 'info') =>
    set((s) => ({ notices: [...s.notices.slice(-3), { id: next++, text, tone }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
