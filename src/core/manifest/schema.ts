/**
 * The manifest's JSON Schema, one file for everyone: our own checker (schemaCheck.ts), the
 * editor (monaco-yaml) and users' own editors (published under public/).
 */
// The file lives in public/ so the app also serves it as-is at /manifest.schema.json, for
// editors such as VS Code's YAML extension.
import schemaJson from '../../../public/manifest.schema.json' with { type: 'json' };

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The subset of JSON Schema draft-07 that the checker understands; see schemaCheck.ts. */
export interface SchemaNode {
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minProperties?: number;
  readonly items?: SchemaNode;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly title?: string;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly examples?: readonly unknown[];
  readonly default?: unknown;
  /** A complete message used instead of the generated one when this node's value is invalid. */
  readonly errorMessage?: string;
  /** `warning` when the `pattern` is only inferred (a value outside it may still be accepted). */
  readonly 'x-patternSeverity'?: 'warning';
}

export const MANIFEST_SCHEMA = schemaJson as unknown as SchemaNode;

/** Keywords the checker implements; a test keeps the schema file within them. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'pattern',
  'minLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minProperties',
  'items',
  '$ref',
  'definitions',
  'if',
  'then',
  '$schema',
  'x-patternSeverity',
  '$id',
  'title',
  'description',
  'markdownDescription',
  'examples',
  'default',
  'errorMessage',
]);

/** The operators the platform accepts, as the schema lists them (jobset first). */
/**
 * The types the schema allows at `path` (a key under `spec.types` matches its map's
 * `additionalProperties`), or null where it says nothing. For choosing a fix that the checker
 * then accepts: a number field is fixed with a number.
 */
export function schemaTypesAt(
  root: SchemaNode,
  path: readonly (string | number)[],
): readonly JsonType[] | null {
  // Every node the path can lead to: a conditional branch (`if`/`then`: the jobset shape of a
  // group) is followed beside the node's own keywords.
  let nodes: SchemaNode[] = [root];
  for (const key of path) {
    const next: SchemaNode[] = [];
    for (const start of nodes) {
      for (const n of [resolve(root, start), resolve(root, resolve(root, start)?.then)]) {
        if (!n) continue;
        const child =
          typeof key === 'number'
            ? n.items
            : n.properties && Object.hasOwn(n.properties, key)
              ? n.properties[key]
              : typeof n.additionalProperties === 'object'
                ? n.additionalProperties
                : undefined;
        if (child) next.push(child);
      }
    }
    nodes = next;
  }
  const types = new Set<JsonType>();
  for (const n of nodes) {
    const t = resolve(root, n)?.type;
    if (t) for (const x of typeof t === 'string' ? [t] : t) types.add(x);
  }
  return types.size ? [...types] : null;
}

function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n?.$ref && i < 8; i++) {
    const name = /^#\/definitions\/(.+)$/.exec(n.$ref)?.[1];
    n =
      name && root.definitions && Object.hasOwn(root.definitions, name)
        ? root.definitions[name]
        : undefined;
  }
  return n;
}
