/**
 * A comparison of the current design with another (a draft, a link, a file or a template): the
 * other design, which side the current one is on, and the other's analysis, made by a worker of
 * its own. It is part of the link, so a colleague opens the same comparison.
 */
import type { StateCreator } from 'zustand';
import type { Analysis } from '../../core/ui.ts';
import type { DesignSettings } from '../../core/settings.ts';
import type { DesignerState } from '../store.ts';
import { designSettings } from './design.ts';

export interface OtherDesign {
  readonly text: string;
  readonly settings: DesignSettings;
  /** How the comparison names it: `Template: Hyperparameter sweep`, `"run-b.yaml"`, `Draft of 3 May`. */
  readonly label: string;
}

export interface Comparison {
  readonly other: OtherDesign;
  /** The current design is on the left (A); swapping puts it on the right. */
  readonly currentFirst: boolean;
}

export interface CompareSlice {
  readonly comparison: Comparison | null;
  readonly compareOpen: boolean;
  /** The other design's analysis, for `of` (dropped when the other design has changed since). */
  readonly otherAnalysis: { readonly of: OtherDesign; readonly analysis: Analysis } | null;
  startCompare(other: OtherDesign, currentFirst?: boolean): void;
  setCompareOpen(open: boolean): void;
  endCompare(): void;
  swapCompare(): void;
  /** The other design becomes the current one (one undo step); the current one is compared with it. */
  makeOtherCurrent(): void;
  setOtherAnalysis(of: OtherDesign, analysis: Analysis): void;
}

export const createCompareSlice: StateCreator<DesignerState, [], [], CompareSlice> = (
  set,
  get,
) => ({
  comparison: null,
  compareOpen: false,
  otherAnalysis: null,
  startCompare: (other, currentFirst = false) =>
    set({ comparison: { other, currentFirst }, compareOpen: true }),
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  endCompare: () => set({ comparison: null, compareOpen: false, otherAnalysis: null }),
  swapCompare: () =>
    set((s) =>
      s.comparison
        ? { comparison: { ...s.comparison, currentFirst: !s.comparison.currentFirst } }
        : s,
    ),
  makeOtherCurrent: () => {
    const s = get();
    if (!s.comparison) return;
    const previous: OtherDesign = {
      text: s.text,
      settings: designSettings(s),
      label: 'The design before',
    };
    const { other, currentFirst } = s.comparison;
    s.load(other.text, other.settings);
    // Each design keeps its side: the one that was the other is now the current one.
    set({ comparison: { other: previous, currentFirst: !currentFirst }, otherAnalysis: null });
  },
  setOtherAnalysis: (of, analysis) =>
    set((s) => (s.comparison?.other === of ? { otherAnalysis: { of, analysis } } : s)),
});
