/** The shape of window.__designerTestApi, shared by the app and the e2e tests. */

export interface MarkerInfo {
  readonly message: string;
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly line: number;
  readonly column: number;
}

export interface DesignerTestApi {
  text(): string;
  version(): number;
  /** The document version the shown analysis is of. */
  analysisVersion?: () => number;
  /** The YAML editor's markers; empty until Monaco has loaded. */
  markers(): MarkerInfo[];
  /** Replaces the design (benchmarks load large designs this way). */
  load(text: string): void;
  /** Writes `insert` over the one character at `at`, as one edit of the YAML (its own undo step). */
  edit?: (at: number, insert: string) => void;
  /** Milliseconds each grid paint took, appended by the canvas (for the UI benchmark). */
  gridPaints: number[];
  /** Where pod `group-job-pod` is on screen now (its centre, in page pixels), from the live view. */
  gridCell?: (
    group: string,
    job: number,
    pod: number,
  ) => { x: number; y: number; size: number } | null;
  /** The text selected in the YAML editor; '' until Monaco has loaded. */
  editorSelection?: () => string;
  /** The bars the timeline painted last: what each stands for, where, and how high. */
  timelineBars?: { title: string; x: number; y: number; w: number; h: number }[];
  /** Where the whole grid is drawn inside its canvas now, and the canvas's size. */
  gridBounds?: () => {
    x: number;
    y: number;
    width: number;
    height: number;
    canvasWidth: number;
    canvasHeight: number;
  };
}

declare global {
  interface Window {
    __designerTestApi?: DesignerTestApi;
  }
}
