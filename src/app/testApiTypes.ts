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
  /** The YAML editor's markers; empty until Monaco has loaded. */
  markers(): MarkerInfo[];
  /** Replaces the design (benchmarks load large designs this way). */
  load(text: string): void;
  /** Milliseconds each grid paint took, appended by the canvas (for the UI benchmark). */
  gridPaints: number[];
}

declare global {
  interface Window {
    __designerTestApi?: DesignerTestApi;
  }
}
