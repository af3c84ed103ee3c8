/** `jobset-designer pods`: every pod of a design as one JSON line, streamed. */
import type { Writable } from 'node:stream';
import { allPods, type Analysis } from '../../core/index.ts';
import type { Args } from '../args.ts';
import type { Checked } from '../formats.ts';
import { say, type Output } from '../output.ts';
import { podJson } from '../report.ts';

/** The pods (of `--type`'s group, at most `--limit`); 2 for a group the design does not have. */
export async function podsCommand(
  c: Checked & { kind: 'checked' },
  args: Args,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const { design, analysis } = c;
  const names = analysis.expansion?.groups.map((g) => g.name) ?? [];
  if (args.type !== null && !names.includes(args.type)) {
    say(
      stderr,
      `jobset-designer: no group "${args.type}" in ${design.name} (groups: ${names.join(', ') || 'none'})`,
    );
    return 2;
  }
  if (!analysis.expansion) {
    say(stderr, 'jobset-designer: no pods to list: no jobset design could be read');
  }
  await streamPods(analysis, args, out);
  return analysis.valid ? 0 : 1;
}

/** Pods as JSON lines, in 64 KB chunks that wait for the pipe to drain: memory stays flat. */
async function streamPods(analysis: Analysis, args: Args, out: Output): Promise<void> {
  if (!analysis.expansion || !analysis.schedule) return;
  let chunk = '';
  let n = 0;
  for (const pod of allPods(analysis.expansion, analysis.schedule.plan, args.type ?? undefined)) {
    if (n++ >= args.limit) break;
    chunk += JSON.stringify(podJson(pod)) + '\n';
    if (chunk.length >= 65_536) {
      if (!(await out.write(chunk))) return;
      chunk = '';
    }
  }
  if (chunk) await out.write(chunk);
}
