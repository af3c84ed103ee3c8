/** How the designer is laid out and where the user was sent: UI state, not part of the design. */
import type { StateCreator } from 'zustand';
import type { Path } from '../../core/diagnostics.ts';
import type { DesignerState } from '../store.ts';

export type EditorMode = 'yaml' | 'form' | 'both' | 'kubernetes' | 'program';

/** A request to show a place: the YAML editor selects the range, the form focuses the field. */
export interface RevealRequest {
  readonly target: 'yaml' | 'form';
  readonly start: number;
  readonly end: number;
  readonly path: Path;
  /** Makes a repeated request for the same place a new one. */
  readonly nonce: number;
}

/** A Kubernetes JobSet the user brought in (opened, dropped, pasted or in the editor), offered for conversion. */
export interface JobSetOffer {
  readonly text: string;
  /** How the dialog names where it came from: `"jobset.yaml"`, `The pasted text`. */
  readonly source: string;
}

export interface ViewSlice {
  /**
   * The design's link as autosave last wrote it into the address bar (`v2.…`); null when the
   * design is too large for a link, undefined until the first is written. Made once, read by all.
   */
  readonly link: string | null | undefined;
  setLink(link: string | null): void;
  readonly jobsetOffer: JobSetOffer | null;
  offerJobSet(offer: JobSetOffer | null): void;
  readonly editorMode: EditorMode;
  readonly reveal: RevealRequest | null;
  /** A form edit that could not be made (e.g. a name already taken), shown until the next edit. */
  readonly editError: string | null;
  /**
   * Groups opened or closed in the form by the user; the others follow the default (open for a
   * design of a few groups, closed to one line each for a large one).
   */
  readonly groupOpen: Readonly<Record<string, boolean>>;
  setGroupOpen(name: string, open: boolean): void;
  setEditorMode(mode: EditorMode): void;
  revealAt(request: Omit<RevealRequest, 'nonce'>): void;
  setEditError(message: string | null): void;
}

let nonce = 0;

export const createViewSlice: StateCreator<DesignerState, [], [], ViewSlice> = (set) => ({
  // Side by side only where both editors get a usable width.
  editorMode: typeof window !== 'undefined' && window.innerWidth >= 1700 ? 'both' : 'yaml',
  reveal: null,
  link: undefined,
  setLink: (link) => set({ link }),
  jobsetOffer: null,
  offerJobSet: (jobsetOffer) => set({ jobsetOffer }),
  editError: null,
  groupOpen: {},
  setEditorMode: (editorMode) => set({ editorMode }),
  revealAt: (request) =>
    set((s) => ({
      reveal: { ...request, nonce: ++nonce },
      // A place inside a group opens that group in the form.
      ...(request.target === 'form' && request.path[0] === 'spec' && request.path[1] === 'types'
        ? { groupOpen: { ...s.groupOpen, [String(request.path[2])]: true } }
        : {}),
      editorMode:
        s.editorMode === 'both' || s.editorMode === request.target ? s.editorMode : request.target,
    })),
  setEditError: (editError) => set({ editError }),
  setGroupOpen: (name, open) => set((s) => ({ groupOpen: { ...s.groupOpen, [name]: open } })),
});
