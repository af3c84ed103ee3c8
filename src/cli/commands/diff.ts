/** `jobset-designer diff`: what changing one design into another does. */
import type { Writable } from 'node:stream';
import { compareDesigns, diffLines, diffMarkdown, type MarkdownLinks } from '../../core/index.ts';
import { encodeDesign, type SharedDesign } from '../../core/link/codec.ts';
import type { Design } from '../inputs.ts';
import { terminalText } from '../../core/safe.ts';
import type { Checked, Format } from '../formats.ts';
import { say, type Output } from '../output.ts';

/**
 * The deltas between two designs, as text, JSON or Markdown (a pull-request comment, with links
 * into the designer at `designerUrl`); 0 whatever they are, 2 when one is unreadable.
 */
export async function diffCommand(
  checked: readonly Checked[],
  format: Format,
  designerUrl: string | null,
  names: { readonly a: string | null; readonly b: string | null },
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
  // What each side is called: as given (`--name-a "main:manifest.yaml"` for standard input).
  const [nameA, nameB] = [names.a ?? a.design.name, names.b ?? b.design.name];
  if (format === 'markdown') {
    const links = designerUrl ? await linksOf(designerUrl, a.design, b.design, nameA) : null;
    await out.write(diffMarkdown(d, nameA, nameB, links));
  } else if (format === 'json') {
    await out.write(JSON.stringify({ a: nameA, b: nameB, ...d }, null, 2) + '\n');
  } else {
    await out.write(diffLines(d, nameA, nameB).map(terminalText).join('\n') + '\n');
  }
  return 0;
}

/** Past this, a link is left out: a GitHub comment holds 65,536 characters, three links with it. */
const MAX_LINK_CHARS = 20_000;

/** Links that open a, b, and b compared with a, in the designer at `base`. */
async function linksOf(base: string, a: Design, b: Design, nameA: string): Promise<MarkdownLinks> {
  const link = async (design: SharedDesign) => {
    const fragment = await encodeDesign(design);
    const url = fragment && `${base}#${fragment}`;
    return url && url.length <= MAX_LINK_CHARS ? url : null;
  };
  return {
    a: await link({ text: a.text, settings: a.settings }),
    b: await link({ text: b.text, settings: b.settings }),
    compare: await link({
      text: b.text,
      settings: b.settings,
      compare: { text: a.text, settings: a.settings, label: nameA, currentFirst: false },
    }),
  };
}
