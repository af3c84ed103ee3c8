/** `jobset-designer validate`: each input's problems in the format asked for, then a summary. */
import type { Writable } from 'node:stream';
import { countBySeverity } from '../../core/index.ts';
import { terminalText } from '../../core/safe.ts';
import {
  exitCode,
  githubLines,
  jsonReport,
  sarifReport,
  summarize,
  summaryLine,
  textLines,
  type Checked,
  type Format,
} from '../formats.ts';
import { say, type Output } from '../output.ts';
import { diagnosticJson } from '../report.ts';

/** `many`: the report of several inputs (or a pattern); one file keeps the plain one. */
export async function validate(
  checked: readonly Checked[],
  format: Format,
  many: boolean,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const summary = summarize(checked);
  for (const c of checked) if (c.kind === 'unreadable') say(stderr, `jobset-designer: ${c.reason}`);
  // Text for a terminal or a CI log: no user text starts a line of its own (a GitHub command).
  const lines = (xs: string[]) =>
    xs.length ? out.write(xs.map(terminalText).join('\n') + '\n') : Promise.resolve(true);
  switch (format) {
    case 'text':
      await lines(textLines(checked));
      break;
    case 'github':
      await lines(githubLines(checked));
      break;
    case 'json': {
      const only = checked[0];
      if (!many && only?.kind !== 'checked') break; // said on stderr, as for text
      const report =
        !many && only?.kind === 'checked'
          ? {
              valid: only.analysis.valid,
              diagnostics: only.analysis.diagnostics.map(diagnosticJson),
            }
          : jsonReport(checked, summary);
      await out.write(JSON.stringify(report, null, 2) + '\n');
      break;
    }
    case 'sarif':
      await out.write(JSON.stringify(sarifReport(checked), null, 2) + '\n');
      break;
    case 'markdown':
      // Refused with a message when the arguments are read (validate has no Markdown report).
      throw new Error('validate writes no markdown');
  }
  // What a link's settings show (its sweeps, its cluster): said, never counted as problems.
  if (format === 'text') {
    for (const c of checked) {
      if (c.kind !== 'checked') continue;
      for (const f of c.analysis.findings) {
        say(stderr, `${c.design.name}: setting ${f.severity} ${f.code}: ${f.message}`);
      }
    }
  }
  const only = checked[0];
  if (!many && only?.kind === 'checked') {
    if (format === 'text') {
      const c = countBySeverity(only.analysis.diagnostics);
      say(
        stderr,
        `${only.design.name}: ${only.analysis.valid ? 'valid' : 'invalid'} (${c.error} error(s), ${c.warning} warning(s), ${c.info} info)`,
      );
    }
  } else if (many) say(stderr, `jobset-designer: ${summaryLine(summary)}`);
  return exitCode(summary);
}
