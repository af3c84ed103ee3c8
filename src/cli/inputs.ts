/**
 * What a command reads: a file, standard input (`-`) or a design link (the designer's whole
 * address, or just its `#v2.…` fragment), which brings the design's settings along. Links are
 * decoded with the designer's own codec, files with the core's decoder.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { decodeManifest, type DesignSettings } from '../core/index.ts';
import { decodeDesign, fragmentOf } from '../core/link/codec.ts';

export interface Design {
  /** How messages name it: the path as given, `<stdin>` or `<link>`. */
  readonly name: string;
  /** The path as given when it is a file (null for standard input and links): where it is. */
  readonly file: string | null;
  readonly text: string;
  readonly settings: DesignSettings;
}

/** The input cannot be read: a one-line reason, and exit code 2. */
export class Unreadable extends Error {}

/** A link rather than a file: an address, or a fragment that is not also the name of a file. */
export function isLink(arg: string, dir: string): boolean {
  if (/^https?:\/\//i.test(arg)) return true;
  // A bare fragment: `#v2.…`, or `v2.` and a payload no file name has (`v1.yaml` is a file).
  if (/^#v\d+\./.test(arg)) return true;
  return (
    /^v\d+\.[A-Za-z0-9_-]{16,}(\.[A-Za-z0-9_-]*)?$/.test(arg) && !existsSync(resolve(dir, arg))
  );
}

/** Reads `arg`; relative paths start at `dir`. */
export async function readDesign(arg: string, stdin: Readable, dir: string): Promise<Design> {
  if (isLink(arg, dir)) return readLink(arg);
  const bytes =
    arg === '-' ? await readAll(stdin) : await readFile(resolve(dir, arg)).catch(fileError(arg));
  const decoded = decodeManifest(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  if (!decoded.ok) throw new Unreadable(`cannot read ${arg}: ${decoded.reason}`);
  return {
    name: arg === '-' ? '<stdin>' : arg,
    file: arg === '-' ? null : arg,
    text: decoded.text,
    settings: {},
  };
}

async function readLink(arg: string): Promise<Design> {
  const fragment = fragmentOf(arg);
  if (!fragment) throw new Unreadable('the link holds no design (it has nothing after #)');
  const r = await decodeDesign(fragment);
  if (!r.ok) throw new Unreadable(`cannot open the link: ${r.cause}`);
  return { name: '<link>', file: null, text: r.design.text, settings: r.design.settings };
}

async function readAll(stdin: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function fileError(file: string) {
  return (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code;
    const known: Record<string, string> = {
      ENOENT: 'no such file',
      EISDIR: 'it is a directory',
      EACCES: 'permission denied',
    };
    const why = (code && known[code]) ?? (err instanceof Error ? err.message : String(err));
    throw new Unreadable(`cannot read ${file}: ${why}`);
  };
}
