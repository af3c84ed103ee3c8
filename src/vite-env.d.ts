/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in builds for the e2e tests and the UI benchmark: installs window.__designerTestApi. */
  readonly VITE_TEST_API?: string;
}
