/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in builds for the e2e tests and the UI benchmark: installs window.__designerTestApi. */
  readonly VITE_TEST_API?: string;
}

/** Every template's expansion, computed when the app is built (src/tools/templateFigures.ts). */
declare module 'virtual:template-figures' {
  import type { Expansion } from './core/ui.ts';
  const figures: Readonly<Record<string, Expansion | null>>;
  export default figures;
}
