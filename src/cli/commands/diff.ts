/** `jobset-designer diff`: what changing one design into another does. */
import type { Writable } from 'node:stream';
import { compareDesigns, diffLines } from '../../core/index.ts';
import { terminalText } from '../../core/safe.ts';
import type { Checked, Format } from '../formats.ts';
import { say, type Output } from '../output.ts';

/** The deltas between two designs, as text or JSON; 0 whatever they are, 2 when one is unreadable. */
export async function diffCommand(
  checked: readonly Checked[],
  format: Format,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const [a, b] = checked;
  if (a?.kind !== 'checked' || b?.kind !== 'checked') {
    for (const c of checked)
      if (c.kind === 'unreadable') say(stderr, `jobset-designer: ${c.reason}`);
    if (checked.length !== 2)
      say(stderr, 'jobset-designer: diff compares two designs, one file each');
    return 2;
  }
  // A side whose YAML cannot be read is not an empty design: say what is wrong with it.
  for (const side of [a, b]) {
    if (side.analysis.syntaxError) {
      const first = side.analysis.diagnostics.find((x) => x.severity === 'error');
      say(
        stderr,
        `jobset-designer: cannot compare ${side.design.name}: ${first ? `line ${first.line}: ${first.message}` : 'its YAML cannot be read'}`,
      );
      return 2;
    }
  }
  const d = compareDesigns(a.analysis, b.analysis);
  if (format === 'json') {
    await out.write(JSON.stringify({ a: a.design.name, b: b.design.name, ...d }, null, 2) + '\n');
  } else {
    await out.write(diffLines(d, a.design.name, b.design.name).map(terminalText).join('\n') + '\n');
  }
  return 0;
}
