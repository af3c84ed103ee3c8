/** The manifest's data as JSON text: what "Download JSON" saves and `jobset-designer json` prints. */
export function jsonOf(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}
