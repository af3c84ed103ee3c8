/**
 * The first visit: nothing saved in this browser and no design in the address. The build renders
 * that page ahead (app/firstPage.tsx, src/tools/firstPage.ts) with the default design's figures;
 * any other visit hides it before its first paint, and the app starts from the analysis it was
 * rendered from, after that paint.
 */
import type { Analysis } from '../core/ui.ts';
import { loadSaved, SAVED_KEY } from '../state/persist/storage.ts';

/** The element holding the analysis the first page was rendered from, as JSON. */
export const FIRST_ANALYSIS_ID = 'first-analysis';
/** Where the first visit's hint is remembered as dismissed (app/FirstRunHint.tsx). */
export const HINT_DISMISSED_KEY = 'jobset-designer:v1:hint-dismissed';
/** The attribute a visit that is not the first sets on the root element: the first page is hidden. */
export const RETURNING = 'data-returning';
/** The classic script the page runs before its first paint (its source: `firstPaintScript`). */
export const FIRST_PAINT_SCRIPT = 'first-paint.js';
/** The mark of the app's module in index.html, which `firstPaintScript` starts. */
export const APP_MODULE = 'data-app-module';

/** Read before the first save: the saved design, if any, and the address. */
export function isFirstVisit(): boolean {
  return loadSaved() === null && location.hash.length <= 1;
}

/**
 * The script that runs before the page's first paint (a classic one: the CSP allows no inline
 * script, and a module would run after a first paint only when it is not ready yet).
 * - Any visit but the first hides the first page. It is stricter than `isFirstVisit`: anything
 *   saved hides it, even what `loadSaved` would refuse, so the page never shows the default
 *   design's figures for another design; so does a dismissed hint, which the page shows.
 * - It starts the app's module after the first frame: on a slow machine that module holds the
 *   main thread for 100 ms and more, and a module ready before the first paint runs before it.
 *   The module is preloaded meanwhile (a `modulepreload` link marked `APP_MODULE`).
 */
export function firstPaintScript(): string {
  const returning = `document.documentElement.setAttribute(${JSON.stringify(RETURNING)},'')`;
  return (
    [
      `try{if(location.hash.length>1||localStorage.getItem(${JSON.stringify(SAVED_KEY)})!==null||localStorage.getItem(${JSON.stringify(HINT_DISMISSED_KEY)})!==null)${returning}}`,
      `catch(e){if(location.hash.length>1)${returning}}`,
      `(function(){var started=false;function start(){if(started)return;started=true;`,
      `var l=document.querySelector('link[${APP_MODULE}]'),s=document.createElement('script');`,
      `s.type='module';s.crossOrigin='';s.src=l.href;document.head.appendChild(s)}`,
      // A tab in the background draws no frame: the app starts after a short wait there.
      `requestAnimationFrame(function(){setTimeout(start)});setTimeout(start,100)})();`,
    ].join('\n') + '\n'
  );
}

/** The first page's analysis, once: the app starts from it rather than from no figures. */
export function takeFirstAnalysis(): Analysis | null {
  const el = document.getElementById(FIRST_ANALYSIS_ID);
  if (!el) return null;
  el.remove();
  try {
    return JSON.parse(el.textContent ?? '') as Analysis;
  } catch {
    return null;
  }
}
