/** `jobset-designer rehearse`: a valid design's pods run as local processes (see ../rehearse.ts). */
import { textLines, type Checked } from '../formats.ts';
import { say } from '../output.ts';
import { rehearse, type RehearseIo, type RehearseOptions } from '../rehearse.ts';

/** The rehearsal's exit code; 2 for an invalid manifest, whose problems are said first. */
export async function rehearseCommand(
  c: Checked & { kind: 'checked' },
  options: RehearseOptions,
  io: RehearseIo,
): Promise<number> {
  if (!c.analysis.valid) {
    for (const line of textLines([c])) say(io.stderr, line);
    say(io.stderr, `${c.design.name}: invalid, not rehearsed`);
    return 2;
  }
  return rehearse(c.design, c.analysis, options, io);
}
