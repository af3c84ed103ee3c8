import { slug } from '../core/slug.ts';

/** Saves a blob as a file through a temporary link (no server round trip). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a design's name: `My design!` -> `my-design`. */
export function fileStem(designName: string): string {
  return slug(designName) || 'design';
}
