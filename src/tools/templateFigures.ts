/**
 * `virtual:template-figures`: the expansion of every template, computed by the core when the
 * app is built (the templates are part of the build), so the gallery draws its thumbnails
 * without running the core on the page's main thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { analyze } from '../core/analyze.ts';
import { CATALOG } from '../templates/catalog.ts';

const ID = 'virtual:template-figures';
const RESOLVED = `\0${ID}`;
const MANIFESTS = join(import.meta.dirname, '..', 'templates', 'manifests');

export function templateFigures(): Plugin {
  return {
    name: 'template-figures',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const figures: Record<string, unknown> = {};
      for (const { id: name } of CATALOG) {
        const file = join(MANIFESTS, `${name}.yaml`);
        this.addWatchFile(file);
        figures[name] = analyze(readFileSync(file, 'utf8')).expansion;
      }
      return `export default ${JSON.stringify(figures)};`;
    },
  };
}
