/**
 * The first visit's page, in `index.html`: the app rendered by React on the server with the
 * default design and its figures (app/firstPage.tsx, run by the same core), shown at the page's
 * first paint, inert until the app mounts over it. Beside it: the analysis it was rendered from,
 * as JSON, for the app to start from, and the script that hides it on any other visit and starts
 * the app after the first paint.
 */
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import {
  APP_MODULE,
  FIRST_ANALYSIS_ID,
  FIRST_PAINT_SCRIPT,
  firstPaintScript,
} from '../app/firstVisit.ts';

const ROOT = '<div id="root"></div>';

/** What app/firstPage.tsx renders (its module needs Vite to load: CSS and raw imports). */
interface FirstPage {
  readonly html: string;
  readonly analysis: unknown;
}

/** JSON inside a script element: nothing in it can end the element or open markup. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function firstPage(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'first-page',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        // Only the designer's page (the bench's floor page is built beside it).
        if (!html.includes(ROOT)) return html;
        const page = await render(config);
        // A function, so that nothing in the page is read as a replacement pattern (`$&`).
        const script = `<script src="${config.base}${FIRST_PAINT_SCRIPT}"></script>`;
        return startAfterFirstPaint(html, script).replace(
          ROOT,
          () =>
            `<div id="root"><div class="first-page" inert>${page.html}</div></div>` +
            `<script type="application/json" id="${FIRST_ANALYSIS_ID}">${scriptJson(page.analysis)}</script>`,
        );
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: FIRST_PAINT_SCRIPT, source: firstPaintScript() });
    },
  };
}

/**
 * The app's module is started by the first paint's script (app/firstVisit.ts): the module tag
 * Vite wrote becomes a preload of the same file, marked for that script, which the first-load
 * budget counts like the tag. That script and the styles, which the first paint waits for, are
 * asked for first, ahead of the app's dozen modules.
 */
function startAfterFirstPaint(html: string, script: string): string {
  const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
  const src = tag.exec(html)?.[1];
  if (!src) throw new Error("first-page: the app's module tag is not in index.html");
  const styles = html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  return html
    .replace(/\s*<link rel="stylesheet"[^>]*>/g, '')
    .replace(tag, `<link rel="modulepreload" crossorigin href="${src}" ${APP_MODULE}>`)
    .replace('</title>', () => `</title>\n    ${[...styles, script].join('\n    ')}`);
}

/** Renders the page with Vite's own module loading (the app imports CSS and raw files). */
async function render(config: ResolvedConfig): Promise<FirstPage> {
  const server = await createServer({
    configFile: config.configFile ?? false,
    root: config.root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const m = (await server.ssrLoadModule('/src/app/firstPage.tsx')) as {
      renderFirstPage: () => FirstPage;
    };
    return m.renderFirstPage();
  } finally {
    await server.close();
  }
}
