/**
 * What became of groups an edit lost sight of. A paste over the whole manifest is one splice of
 * everything (and its smallest splice may cut through keys), so keys cannot always be followed
 * through it. Read both texts instead: a group still written keeps its settings; a group gone
 * while a new key holds exactly the same body (the same data, whatever the indentation or key order) was
 * renamed by the paste, and its settings go with it; any other is removed. Only one-to-one
 * matches are renames: two new groups with the body of one old one are not.
 */
import { parse } from '../manifest/parse.ts';

export interface Settled {
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly removed: readonly string[];
}

/**
 * The fate of the groups `lost` (names of `before`) in `after`; null when `after` cannot be read
 * (a syntax error): nothing is decided on a half-read text.
 */
export function settleGroups(
  before: string,
  after: string,
  lost: readonly string[],
): Settled | null {
  if (lost.length === 0) return { renamed: [], removed: [] };
  const now = bodies(after);
  if (now === null) return null;
  const old = bodies(before) ?? new Map<string, string>();
  const added = [...now.keys()].filter((name) => !old.has(name));
  const renamed: { from: string; to: string }[] = [];
  const removed: string[] = [];
  for (const from of lost) {
    if (now.has(from)) continue;
    const body = old.get(from);
    const same = body === undefined ? [] : added.filter((to) => now.get(to) === body);
    const twins = [...old.values()].filter((b) => b === body).length;
    if (same.length === 1 && twins === 1) renamed.push({ from, to: same[0]! });
    else removed.push(from);
  }
  return { renamed, removed };
}

/** Each group of `spec.types` with its body as canonical JSON; null when the text has a syntax error. */
function bodies(text: string): Map<string, string> | null {
  const parsed = parse(text);
  if (parsed.syntaxError) return null;
  const data = parsed.data as { spec?: { types?: unknown } } | null | undefined;
  const types = data?.spec?.types;
  const out = new Map<string, string>();
  if (typeof types !== 'object' || types === null || Array.isArray(types)) return out;
  for (const [name, body] of Object.entries(types)) out.set(name, canonical(body));
  return out;
}

/** JSON with every map's keys in order: the same data written in another key order is equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
