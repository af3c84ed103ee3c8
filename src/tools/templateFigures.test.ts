// The figures the build computes for the gallery are the core's figures of each template.
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { readFixture } from '../fixtures/read.ts';
import { CATALOG } from '../templates/catalog.ts';
import { templateFigures } from './templateFigures.ts';

describe('virtual:template-figures', () => {
  it("holds every template's expansion, as the core computes it", () => {
    const plugin = templateFigures();
    const resolve = plugin.resolveId as (id: string) => string | null;
    const id = resolve('virtual:template-figures');
    expect(id).toBe('\0virtual:template-figures');
    expect(resolve('./other.ts')).toBeNull();
    const watched: string[] = [];
    const load = plugin.load as (this: unknown, id: string) => string | null;
    const code = load.call({ addWatchFile: (f: string) => watched.push(f) }, id!)!;
    const figures = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(figures)).toEqual(CATALOG.map((t) => t.id));
    expect(watched).toHaveLength(CATALOG.length);
    for (const { id: name } of CATALOG) {
      const expansion = analyze(readFixture(name)).expansion;
      expect(expansion, name).not.toBeNull();
      expect(figures[name], name).toEqual(JSON.parse(JSON.stringify(expansion)));
    }
  });
});
