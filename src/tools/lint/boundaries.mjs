/**
 * Boundaries by path, not by package list: every import is resolved against the importing
 * file, and the folder it lands in must be one its zone may read. A relative path that climbs
 * out (`'../../../src/app/x.ts'`), a Node module with or without `node:`, or a package the core
 * has not declared is reported where it is written.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * What each folder of `src/` may import: folders of `src/` (`self`: its own feature only), and
 * packages (`'*'`: any package that is not Node's; a list: only those). Node's modules only
 * where `node` is set. The layers read one way: core <- draw, worker, ui <- state <- features <- app.
 */
export const ZONES = {
  // The manifest's JSON schema is data the core reads and the page serves to the editor.
  core: { may: ['core'], packages: ['yaml'], files: ['public/manifest.schema.json'] },
  worker: { may: ['core', 'worker'], packages: '*' },
  // The drawings' colours and the one SVG writer: the page's exports and the CLI's pictures.
  draw: { may: ['core', 'draw'], packages: ['d3'] },
  ui: { may: ['core', 'ui', 'draw'], packages: '*' },
  state: { may: ['core', 'state', 'worker'], packages: '*' },
  templates: { may: ['core', 'templates'], packages: [] },
  features: { may: ['core', 'state', 'ui', 'draw', 'templates', 'self'], packages: '*' },
  app: {
    may: ['core', 'state', 'ui', 'draw', 'features', 'templates', 'worker', 'app'],
    packages: '*',
  },
  cli: { may: ['core', 'draw', 'cli'], packages: '*', node: true, files: ['package.json'] },
};

/** `src/<zone>/...` of a path, with the feature's folder; null outside `src/`. */
function placeOf(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] !== 'src' || rel.length < 3) return null;
  return { zone: rel[1], feature: rel[1] === 'features' ? rel[2] : null, rel: rel.join('/') };
}

const packageOf = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

/** Why `spec`, imported from `file`, crosses a boundary; null when it may. */
export function violation(file, spec, root) {
  const from = placeOf(file, root);
  const zone = from && ZONES[from.zone];
  if (!zone) return null;
  const name = `src/${from.zone}`;
  if (!spec.startsWith('.') && !spec.startsWith('/')) {
    if (NODE.has(spec) || NODE.has(packageOf(spec))) {
      return zone.node ? null : `${name} runs in the browser: no Node module ('${spec}').`;
    }
    const pkg = packageOf(spec);
    if (zone.packages === '*' || zone.packages.includes(pkg)) return null;
    return `${name} imports only ${zone.packages.length ? zone.packages.map((p) => `'${p}'`).join(', ') : 'no package'}: not '${spec}'.`;
  }
  const target = path.resolve(path.dirname(file), spec);
  const to = placeOf(target, root);
  if (!to) {
    const rel = path.relative(root, target).split(path.sep).join('/');
    return zone.files?.includes(rel) ? null : `${name} imports nothing outside src/ ('${spec}').`;
  }
  if (to.zone === from.zone && from.zone === 'features') {
    return to.feature === from.feature
      ? null
      : `A feature does not import another feature (${to.feature}): share through src/ui or src/state.`;
  }
  if (zone.may.includes(to.zone)) return null;
  return `${name} may import ${zone.may
    .filter((z) => z !== 'self')
    .map((z) => `src/${z}`)
    .join(', ')}: not src/${to.zone} ('${spec}').`;
}

/** The rule: every static import, re-export and dynamic import with a literal path. */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports stay within the boundaries of their folder of src/.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = violation(context.filename, source.value, root);
      if (why) context.report({ node: source, message: why });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { boundaries } };
