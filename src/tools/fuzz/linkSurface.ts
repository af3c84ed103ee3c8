/** Links: a design's link, damaged; it opens exactly the design, or is refused, never another. */
import { isDeepStrictEqual } from 'node:util';
import { decodeDesign, encodeDesign } from '../../core/link/codec.ts';
import { designText, genGroups, genSettings } from './designs.ts';
import type { Rng } from './mutate.ts';
import type { SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function damage(link: string, rng: Rng): string {
  const at = rng.int(link.length);
  switch (rng.int(6)) {
    case 0:
      return link.slice(0, at) + rng.pick([...B64]) + link.slice(at + 1);
    case 1:
      return link.slice(0, at);
    case 2:
      return link.slice(0, at) + link.slice(at + 1);
    case 3:
      return link.slice(0, at) + rng.pick([...B64, '.', '%', ' ', 'é']) + link.slice(at);
    case 4: {
      const b = rng.int(link.length);
      const [i, j] = at < b ? [at, b] : [b, at];
      return link.slice(0, i) + link[j] + link.slice(i + 1, j) + link[i] + link.slice(j + 1);
    }
    default:
      return rng.pick(['v1.', 'v3.', 'V2.', 'v2..', '']) + link.replace(/^v2\./, '');
  }
}

export async function linkCase({ rng, sources }: SurfaceContext): Promise<SurfaceResult> {
  const groups = genGroups(rng);
  const text = rng.next() < 0.5 ? designText(groups) : rng.pick(sources);
  const design = { text, settings: genSettings(rng, groups) };
  const link = (await encodeDesign(design))!;
  const original = await decodeDesign(link);
  if (!original.ok) return { problem: `a fresh link is refused: ${original.reason}`, input: link };
  if (original.design.text !== text)
    return { problem: 'a fresh link opens another text', input: link };
  if (!isDeepStrictEqual(original.design.settings, design.settings))
    return {
      problem: `a fresh link opens other settings: ${JSON.stringify(original.design.settings).slice(0, 300)}`,
      input: link,
    };
  let damaged = link;
  for (let n = 1 + rng.int(rng.next() < 0.8 ? 1 : 3); n > 0; n--) damaged = damage(damaged, rng);
  const opened = await decodeDesign(damaged);
  if (!opened.ok) {
    const cut = link.startsWith(damaged) && damaged !== link;
    if (cut && !/cut short|does not hold|newer version/.test(opened.cause))
      return { problem: `a cut link is called "${opened.cause}"`, input: damaged };
    return { problem: null, input: damaged };
  }
  if (!isDeepStrictEqual(opened.design, original.design))
    return { problem: 'a damaged link opens another design', input: damaged };
  return { problem: null, input: damaged };
}
