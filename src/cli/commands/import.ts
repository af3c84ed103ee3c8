/** `jobset-designer import`: a Kubernetes JobSet as an AIchor manifest. */
import type { Writable } from 'node:stream';
import { importJobSet } from '../../core/index.ts';
import type { Design } from '../inputs.ts';
import { say, type Output } from '../output.ts';

/** The AIchor manifest on stdout and what did not carry over on stderr (0); not a JobSet (2). */
export async function importCommand(
  design: Design,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const r = importJobSet(design.text);
  if (r.kind !== 'imported') {
    say(stderr, `jobset-designer: cannot import ${design.name}: ${r.reason}`);
    return 2;
  }
  for (const item of r.report) {
    // The place as a person names it, then the exact path in the JobSet.
    const path = item.place !== item.path ? ` [${item.path}]` : '';
    say(stderr, `${design.name}: ${item.severity} ${item.place}: ${item.message}${path}`);
  }
  say(
    stderr,
    `${design.name}: imported${r.report.length ? `; ${r.report.length} item(s) did not carry over as they were` : ', everything carried over'}`,
  );
  await out.write(r.manifest);
  return 0;
}
