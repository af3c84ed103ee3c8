/** `jobset-designer json`: the manifest as JSON, as the platform reads it (merge keys resolved). */
import type { Writable } from 'node:stream';
import { jsonOf } from '../../core/index.ts';
import type { Checked } from '../formats.ts';
import { say, type Output } from '../output.ts';

/** The JSON on stdout (0 valid, 1 invalid); 1 and a message when the YAML cannot be read. */
export async function jsonCommand(
  c: Checked & { kind: 'checked' },
  out: Output,
  stderr: Writable,
): Promise<number> {
  const { design, analysis } = c;
  if (analysis.syntaxError) {
    say(
      stderr,
      `jobset-designer: ${design.name} has no JSON form: ${analysis.diagnostics[0]?.message ?? 'it cannot be read'}`,
    );
    return 1;
  }
  // The same bytes as the designer's "Download JSON".
  await out.write(jsonOf(analysis.data));
  return analysis.valid ? 0 : 1;
}
