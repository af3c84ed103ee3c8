// Boundaries by path: each violation the review injected by hand is written into a file at the
// place it would break a boundary, and the lint must report it there; the same imports where
// they are allowed pass. With the rule turned off the same files pass, so these tests stand on it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/read.ts';
import { violation } from './boundaries.mjs';

const eslint = new ESLint({ cwd: REPO_ROOT });
const without = new ESLint({
  cwd: REPO_ROOT,
  overrideConfig: { rules: { 'local/boundaries': 'off' } },
});

/** The lines `local/boundaries` reports in `code` written at `file`. */
async function reported(code: string, file: string, lint = eslint) {
  const [r] = await lint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  const fatal = r!.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return r!.messages.filter((m) => m.ruleId === 'local/boundaries').map((m) => m.line);
}

const CORE_VIOLATIONS = [
  "import { num } from '../../ui/format.ts';",
  "import { readFileSync } from 'fs';",
  "import { join } from 'node:path';",
  "import * as d3 from 'd3';",
  "export { useDesigner } from '../../state/store.ts';",
  "export * from '../../features/canvas/CanvasArea.tsx';",
  "export const later = () => import('../../app/App.tsx');",
  "import { x } from '../../../e2e/designer.ts';",
].join('\n');

describe('boundaries by path', () => {
  it('reports each injected import in src/core on its line', async () => {
    expect(await reported(CORE_VIOLATIONS, 'src/core/sim/example.ts')).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('reports a feature that climbs out to the shell or into another feature, or reads Node', async () => {
    const code = [
      "import { App } from '../../../src/app/App.tsx';",
      "import { ClusterPanel } from '../sidebar/ClusterPanel.tsx';",
      "import { join } from 'node:path';",
      "import { useCopy } from '../../ui/useCopy.ts';",
      "import { useDesigner } from '../../state/store.ts';",
      "import { num } from '../../core/format.ts';",
      "import { TEMPLATES } from '../../templates/catalog.ts';",
      "import { Grid } from './Grid.tsx';",
      "import { select } from 'd3';",
      '',
    ].join('\n');
    expect(await reported(code, 'src/features/canvas/Example.tsx')).toEqual([1, 2, 3]);
  });

  it('keeps the CLI on the core, and shared UI off the store', async () => {
    const cli = "import { decodeDesign } from '../state/persist/codec.ts';\n";
    expect(await reported(cli, 'src/cli/example.ts')).toEqual([1]);
    const ui = "import { useDesigner } from '../state/store.ts';\n";
    expect(await reported(ui, 'src/ui/example.ts')).toEqual([1]);
  });

  it('passes what the core may read: itself, yaml, and the schema it serves', async () => {
    const code = [
      "import { parseDocument } from 'yaml';",
      "import { getOwn } from '../own.ts';",
      "import schema from '../../../public/manifest.schema.json';",
      '',
    ].join('\n');
    expect(await reported(code, 'src/core/manifest/example.ts')).toEqual([]);
  });

  it('stands on the rule: with it off, the same violations pass', async () => {
    expect(await reported(CORE_VIOLATIONS, 'src/core/sim/example.ts', without)).toEqual([]);
  });

  it('reports the DOM, timers and the process read as globals in src/core', async () => {
    const code = 'export const f = () => [window, setTimeout, process.env, performance.now()];\n';
    const [r] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/src/core/sim/example.ts` });
    const globals = r!.messages.filter((m) => m.ruleId === 'no-restricted-globals');
    expect(globals.map((m) => m.column)).toEqual([25, 33, 45, 58]);
  });

  it('says what the folder may import', () => {
    expect(violation(`${REPO_ROOT}/src/core/a.ts`, '../ui/x.ts', REPO_ROOT)).toBe(
      "src/core may import src/core: not src/ui ('../ui/x.ts').",
    );
    expect(violation(`${REPO_ROOT}/src/core/a.ts`, 'd3', REPO_ROOT)).toBe(
      "src/core imports only 'yaml': not 'd3'.",
    );
  });
});

describe('small units', () => {
  it('reports a function over 80 lines and a file over 400, blank lines and comments aside', async () => {
    const body = Array.from({ length: 81 }, (_, i) => `  n += ${i};`).join('\n');
    const long = `export function f(): number {\n  let n = 0;\n${body}\n  return n;\n}\n`;
    const [r] = await eslint.lintText(long, { filePath: `${REPO_ROOT}/src/core/sim/example.ts` });
    expect(r!.messages.map((m) => m.ruleId)).toContain('max-lines-per-function');
    // Blank lines and comments do not count: 60 lines of code in 200 lines is small.
    const airy = `export function f(): number {\n  let n = 0;\n${Array.from({ length: 60 }, (_, i) => `  // why ${i}\n\n  n += ${i};`).join('\n')}\n  return n;\n}\n`;
    const [a] = await eslint.lintText(airy, { filePath: `${REPO_ROOT}/src/core/sim/example.ts` });
    expect(a!.messages.filter((m) => m.ruleId?.startsWith('max-'))).toEqual([]);
    const file = Array.from({ length: 401 }, (_, i) => `export const c${i} = ${i};`).join('\n');
    const [b] = await eslint.lintText(`${file}\n`, {
      filePath: `${REPO_ROOT}/src/core/sim/example.ts`,
    });
    expect(b!.messages.map((m) => m.ruleId)).toContain('max-lines');
  });
});
