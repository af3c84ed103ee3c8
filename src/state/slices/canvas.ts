/** The canvas's state: the selected and hovered pod, and the group the editors point at. */
import type { StateCreator } from 'zustand';
import type { DesignerState } from '../store.ts';

/** A pod by group name (stable across edits that reorder groups), Job and pod index. */
export interface PodSelection {
  readonly group: string;
  readonly job: number;
  readonly pod: number;
}

export interface CanvasSlice {
  readonly selected: PodSelection | null;
  readonly hovered: PodSelection | null;
  /** The group whose YAML or form the user is in: its grid is highlighted. */
  readonly focusedGroup: string | null;
  readonly detailsOpen: boolean;
  /** Counts the times details were asked for (click, Enter): each time they come into view. */
  readonly detailsAsked: number;
  readonly tableView: boolean;
  select(pod: PodSelection | null, openDetails?: boolean): void;
  hover(pod: PodSelection | null): void;
  focusGroup(name: string | null): void;
  setDetailsOpen(open: boolean): void;
  setTableView(on: boolean): void;
}

export const createCanvasSlice: StateCreator<DesignerState, [], [], CanvasSlice> = (set) => ({
  selected: null,
  hovered: null,
  focusedGroup: null,
  detailsOpen: false,
  detailsAsked: 0,
  tableView: false,
  select: (selected, openDetails) =>
    set((s) => ({
      selected,
      detailsOpen: selected ? (openDetails ?? s.detailsOpen) : false,
      detailsAsked: selected && openDetails ? s.detailsAsked + 1 : s.detailsAsked,
    })),
  hover: (hovered) =>
    set((s) =>
      s.hovered?.group === hovered?.group &&
      s.hovered?.job === hovered?.job &&
      s.hovered?.pod === hovered?.pod
        ? s
        : { hovered },
    ),
  focusGroup: (focusedGroup) =>
    set((s) => (s.focusedGroup === focusedGroup ? s : { focusedGroup })),
  setDetailsOpen: (detailsOpen) => set({ detailsOpen }),
  setTableView: (tableView) => set({ tableView }),
});
