/**
 * The import's oracle: every field of the input JobSet is carried over or reported, and every
 * field the result adds or changes is reported where the input lacks it.
 */
import type { Json } from './surfaceTypes.ts';

/** Defaults the API server or the JobSet webhook writes into a field left out. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  'spec.network.enableDNSHostnames': true,
  completionMode: 'Indexed',
  parallelism: 1,
  completions: 1,
  replicas: 1,
};

/**
 * Every node of `v` by a path that names list items by their `name` when they have one, with
 * its place as written (`[2]`) and, for leaves, its value.
 */
function walk(
  v: unknown,
  visit: (path: string, at: string, leaf: boolean, value: unknown) => void,
  path = '',
  at = '',
) {
  const leaf = typeof v !== 'object' || v === null;
  visit(path, at, leaf, v);
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const name = (item as Json | null)?.name;
      walk(
        item,
        visit,
        `${path}${typeof name === 'string' ? `[name=${name}]` : `[${i}]`}`,
        `${at}[${i}]`,
      );
    });
  } else if (!leaf) {
    for (const [k, x] of Object.entries(v as Json))
      walk(x, visit, path ? `${path}.${k}` : k, at ? `${at}.${k}` : k);
  }
}

function leaves(v: unknown, out: Map<string, { at: string; value: unknown }>) {
  walk(v, (path, at, leaf, value) => leaf && out.set(path, { at, value }));
}

const quantityPath = /\.resources\.(requests|limits)\.|\.sizeLimit$/;
function sameValue(path: string, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (quantityPath.test(path)) {
    const qa = quantity(a);
    return qa !== null && qa === quantity(b);
  }
  return false;
}

/** Any quantity (`1.5`, `1G`, `1536Mi`) in base units: the oracle's own reading. */
function quantity(q: unknown): number | null {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return null;
  const unit: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Math.round(Number(m[1]) * (m[2] ? unit[m[2]]! : 1) * 1e6) / 1e6;
}

/**
 * What of `input` (a JobSet) is neither in `result` (its import, exported again) nor covered by
 * a report item, or what `result` adds or changes with no item where the input lacks it.
 */
export function unaccounted(
  input: Json,
  result: Json,
  report: readonly { readonly path: string }[],
): string | null {
  const js = input;
  const again = result;
  // A container's command and args are one argv in Kubernetes: a word on either covers both.
  const unit = (p: string) => p.replace(/\.(command|args)(\[\d+\])?$/, '.argv');
  const reported = (at: string) =>
    report.some(
      (i) =>
        at === i.path ||
        at.startsWith(`${i.path}.`) ||
        at.startsWith(`${i.path}[`) ||
        (unit(at) !== at && unit(at) === unit(i.path)),
    );
  const before = new Map<string, { at: string; value: unknown }>();
  leaves(js, before);
  const after = new Map<string, { at: string; value: unknown }>();
  leaves(again, after);
  for (const [path, { at, value }] of before) {
    const now = after.get(path);
    if (now && sameValue(path, value, now.value)) continue;
    // No GPU asked for is the same as a limit of 0 GPUs.
    if (!now && path.endsWith('.nvidia.com/gpu') && quantity(value) === 0) continue;
    if (!reported(at))
      return `${at} (${JSON.stringify(value)}) is ${now ? `changed to ${JSON.stringify(now.value)}` : 'dropped'} with no word`;
  }
  const where = new Map<string, string>();
  walk(js, (path, at) => where.set(path, at));
  for (const [path, { value }] of after) {
    if (before.has(path)) continue;
    // The platform's variables: every pod gets them whatever the JobSet said.
    if (
      /\.env\[name=(JOB_INDEX|JOB_GLOBAL_INDEX|GLOBAL_REPLICAS|REPLICATED_JOB_NAME|REPLICATED_JOB_REPLICAS)\]/.test(
        path,
      )
    )
      continue;
    const last = path.replace(/^.*\./, '');
    if (
      Object.hasOwn(DEFAULTS, path)
        ? DEFAULTS[path] === value
        : Object.hasOwn(DEFAULTS, last) && DEFAULTS[last] === value
    )
      continue;
    // Its place in the input: the deepest node the input has, then the rest of the path.
    let head = path;
    while (head && !where.has(head)) head = head.replace(/(\.[^.[]*|\[[^\]]*\])$/, '');
    const at = (where.get(head) ?? '') + path.slice(head.length).replace(/\[name=[^\]]*\]/g, '[0]');
    if (!reported(at)) return `${at} = ${JSON.stringify(value)} is added with no word`;
  }
  return null;
}
