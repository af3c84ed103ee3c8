/** Reading the manifest's plain data for the form, whatever shape the YAML has. */

export type Json = Record<string, unknown>;

/** The value as a map, or an empty one when it is not a map. */
export const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** Plain text of a value for a field ('' when absent or not a scalar). */
export function textOf(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
