// Each feature styles itself: its CSS sits in its folder and only that folder imports it, and
// the shell's stylesheet stays a shell's (no file over the 400 lines ESLint allows code).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/read.ts';

const SRC = join(REPO_ROOT, 'src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).map((f) => join(SRC, f));
const cssFiles = files.filter((f) => f.endsWith('.css'));
const sources = files.filter((f) => /\.tsx?$/.test(f));

/** Each `import './x.css'` in the sources, as [importer, stylesheet], both absolute. */
const cssImports = sources.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^import ['"](\.[^'"]+\.css)['"];/gm)].map(
    (m) => [file, resolve(dirname(file), m[1]!)] as const,
  ),
);
const featureOf = (file: string) => /src[\\/]features[\\/]([^\\/]+)/.exec(file)?.[1];

describe('stylesheets', () => {
  it('are one per feature, imported only from inside that feature', () => {
    const featureCss = cssFiles.filter(featureOf);
    expect(featureCss.length).toBeGreaterThan(5);
    const outside = cssImports.filter(
      ([from, css]) => featureOf(css) && featureOf(css) !== featureOf(from),
    );
    expect(outside.map(([from, css]) => `${relative(SRC, from)} -> ${relative(SRC, css)}`)).toEqual(
      [],
    );
    const unused = featureCss.filter((css) => !cssImports.some(([, c]) => c === css));
    expect(unused.map((c) => relative(SRC, c))).toEqual([]);
  });

  it('stay under 400 lines each', () => {
    expect(cssFiles.length).toBeGreaterThan(5);
    const long = cssFiles.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400);
    expect(long.map((f) => relative(SRC, f))).toEqual([]);
  });
});
