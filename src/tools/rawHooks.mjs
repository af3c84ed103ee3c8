// The module hooks behind rawImports.mjs: `x.py?raw` resolves to the file, and loads as a
// module whose default export is the file's text.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const RAW = '?raw';

export async function resolve(specifier, context, next) {
  if (!specifier.endsWith(RAW)) return next(specifier, context);
  const resolved = await next(specifier.slice(0, -RAW.length), context);
  return { url: `${resolved.url}${RAW}`, shortCircuit: true };
}

export async function load(url, context, next) {
  if (!url.endsWith(RAW)) return next(url, context);
  const text = await readFile(fileURLToPath(url.slice(0, -RAW.length)), 'utf8');
  return {
    format: 'module',
    source: `export default ${JSON.stringify(text)};`,
    shortCircuit: true,
  };
}
