/**
 * Reading a file the user opens, drops or pastes: `.yaml`, `.yml` or `.json`, or a rehearsal
 * record (`rehearsal.json`). Binary files, files over the size limit and files that are neither
 * are refused with a reason; the current design is not touched.
 */
// Parsing comes with the YAML library, loaded when a file is first opened, not with the page.
import { decodeManifest, isJobSet, looksLikeJobSet } from '../../core/ui.ts';
import { LIMITS } from '../../core/manifest/limits.ts';
import type { RehearsalRecord } from '../../core/record/record.ts';
import { isRecord, readRecord } from '../../core/record/read.ts';

/** A file larger than the core reads is refused before it is read. */
export const MAX_IMPORT_BYTES = LIMITS.maxChars;

export type Imported =
  | {
      readonly ok: true;
      readonly text: string;
      /** A Kubernetes JobSet, to offer for conversion rather than open as a manifest. */
      readonly jobset?: boolean;
      /** A rehearsal record, to show with its design rather than open as a manifest. */
      readonly rehearsal?: RehearsalRecord;
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
  if (text.length > LIMITS.maxChars) {
    return refuse(
      name,
      `it is ${text.length.toLocaleString('en-US')} characters, and a design is at most ${LIMITS.maxChars.toLocaleString('en-US')}`,
    );
  }
  const record = rehearsalIn(text);
  if (record)
    return record.ok
      ? { ok: true, text: '', rehearsal: record.record }
      : refuse(name, record.reason);
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

/** A rehearsal record read from JSON, or null when the text does not say it is one. */
function rehearsalIn(text: string): ReturnType<typeof readRecord> | null {
  if (!/^\s*\{/.test(text) || !text.includes('jobset-designer/rehearsal')) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const r = readRecord(data);
  return r.ok
    ? r
    : { ok: false, reason: `it is a rehearsal record the designer cannot read (${r.reason})` };
}

function looksLikeManifest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return 'kind' in data || 'spec' in data || 'apiVersion' in data;
}
