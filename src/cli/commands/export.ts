/** `jobset-designer export --to jobset`: the design as a Kubernetes JobSet. */
import type { Writable } from 'node:stream';
import { exportJobSet, queueMetadata } from '../../core/index.ts';
import { textLines, type Checked } from '../formats.ts';
import { say, type Output } from '../output.ts';

/** The JobSet on stdout (0); an invalid manifest's problems on stderr and nothing on stdout (1). */
export async function exportCommand(
  c: Checked & { kind: 'checked' },
  name: string | null,
  out: Output,
  stderr: Writable,
): Promise<number> {
  const r = exportJobSet(
    c.analysis,
    name ?? undefined,
    queueMetadata(c.analysis.kueue, c.design.settings.kueue),
  );
  switch (r.kind) {
    case 'exported':
      await out.write(r.yaml);
      return 0;
    case 'invalid':
      for (const line of textLines([c])) say(stderr, line);
      say(stderr, `${c.design.name}: invalid, not exported (${r.errors.length} error(s))`);
      return 1;
    case 'bad-name':
      for (const p of r.problems) say(stderr, `jobset-designer: JobSet name "${r.name}": ${p}`);
      return 2;
    case 'refused':
      for (const reason of r.reasons) say(stderr, `${c.design.name}: not exported: ${reason}`);
      return 1;
    case 'not-jobset':
      // Checked before: only jobset manifests reach the export.
      say(stderr, `jobset-designer: export needs spec.operator: jobset`);
      return 2;
  }
}
