/** `jobset-designer expand`: the design's figures per group and in total, as JSON. */
import type { Analysis } from '../../core/index.ts';
import type { Output } from '../output.ts';
import { expandJson } from '../report.ts';

/** The figures on stdout; 0 for a valid manifest, 1 for an invalid one. */
export async function expandCommand(analysis: Analysis, out: Output): Promise<number> {
  await out.write(JSON.stringify(expandJson(analysis), null, 2) + '\n');
  return analysis.valid ? 0 : 1;
}
