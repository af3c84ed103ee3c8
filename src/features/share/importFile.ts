/**
 * Reading a file the user opens, drops or pastes: `.yaml`, `.yml` or `.json`. Binary files,
 * files over the size limit and files that are not manifests are refused with a reason; the
 * current design is not touched.
 */
// Parsing comes with the YAML library, loaded when a file is first opened, not with the page.
import { decodeManifest, isJobSet, looksLikeJobSet } from '../../core/ui.ts';
import { LIMITS } from '../../core/manifest/limits.ts';

/** A file larger than the core reads is refused before it is read. */
export const MAX_IMPORT_BYTES = LIMITS.maxChars;

export type Imported =
  | {
      readonly ok: true;
      readonly text: string;
      /** A Kubernetes JobSet, to offer for conversion rather than open as a manifest. */
      readonly jobset?: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const refuse = (name: string, why: string): Imported => ({
  ok: false,
  reason: `"${name}" was not opened: ${why}. Your current design is unchanged.`,
});

export async function readDesignFile(file: File): Promise<Imported> {
  const name = file.name || 'the file';
  if (file.size > MAX_IMPORT_BYTES) {
    return refuse(
      name,
      `it is ${(file.size / 1e6).toFixed(1)} MB, and a manifest is at most ${MAX_IMPORT_BYTES / 1e6} MB`,
    );
  }
  const decoded = decodeManifest(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return refuse(name, decoded.reason);
  return await importText(decoded.text, name);
}

/** Reads a text as a design with the core's own parse (its limits, merge keys and duplicate keys). */
export async function importText(text: string, name: string): Promise<Imported> {
  // A JobSet file may hold several objects, which the manifest reader would refuse.
  if (looksLikeJobSet(text)) return { ok: true, text, jobset: true };
  const { parse, yamlOf } = await import('../../core/manifest/read.ts');
  const parsed = parse(text);
  const isJson = /\.json$/i.test(name);
  if (parsed.data === undefined || parsed.syntaxError) {
    if (isJson) {
      const first = parsed.diagnostics.find((d) => d.severity === 'error');
      return refuse(name, `it is not valid JSON (${first?.message ?? 'unreadable'})`);
    }
    // A manifest with a syntax error is still a manifest the user wants to fix.
    if (/AIchorManifest|^\s*spec:/m.test(text) && text.length <= LIMITS.maxChars) {
      return { ok: true, text };
    }
    return refuse(name, 'it is not YAML');
  }
  if (isJobSet(parsed.data))
    return { ok: true, text: isJson ? yamlOf(parsed.data) : text, jobset: true };
  if (!looksLikeManifest(parsed.data)) {
    return refuse(
      name,
      `it is ${isJson ? 'JSON, but ' : ''}not an AIchor manifest (no kind, apiVersion or spec)`,
    );
  }
  return { ok: true, text: isJson ? yamlOf(parsed.data) : text };
}

function looksLikeManifest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return 'kind' in data || 'spec' in data || 'apiVersion' in data;
}
