/** Types of chromium.mjs, for the TypeScript that imports it (the Playwright config, the tools). */
export declare const CHROMIUM_ARGS: string[];
/** A browser that is there now, without unpacking anything. */
export declare function chromiumNow(): string;
export interface FoundChromium {
  readonly path: string;
  readonly source: string;
}
/** The browser to use, unpacking the bundled one on first use; null when there is none. */
export declare function findChromium(): Promise<FoundChromium | null>;
/** The one-line message when no browser is found. */
export declare const NO_CHROMIUM: string;
