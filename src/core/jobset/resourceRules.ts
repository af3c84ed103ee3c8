/**
 * The rules on a group's `resources` (SEMANTICS.md): a block left out or without its CPUs or
 * RAM, RAM given twice, and the GPU block, whose product must be one the platform offers,
 * written so that a node label can hold it.
 */
import { q } from '../quote.ts';
import { isObject } from '../own.ts';
import type { Path } from '../diagnostics.ts';
import { distance } from '../manifest/suggest.ts';
import { GPU_PRODUCTS } from './products.ts';
import { labelValueProblem } from './names.ts';
import { names, type GroupCheck } from './groupCheck.ts';

/**
 * Rules on the group's `resources` block: it is there (an info when not, as the figures then
 * leave the group out), complete, says RAM once, and its GPUs are well asked for.
 */
export function resourceRules(c: GroupCheck, anyResources: boolean): void {
  const { g, raw, base, source, out } = c;
  const path = [...base, 'resources'];
  if (!g.resources.set) {
    out.push(
      source.diagnostic(
        'info',
        'resources-not-set',
        anyResources
          ? `Group ${q(g.name)} has no \`resources\`: its CPU, RAM and GPU requests are not set, so the totals cover only the other groups. Add \`resources: { cpus: 1, ramRatio: 2 }\` or similar.`
          : `Group ${q(g.name)} has no \`resources\`, and no group has: the design's CPU, RAM and GPU figures are not set. Add \`resources: { cpus: 1, ramRatio: 2 }\` or similar to each group.`,
        base,
        source.spanFor(base, 'key'),
      ),
    );
    return;
  }
  const res = isObject(raw.resources) ? raw.resources : {};
  // A block without CPUs or RAM leaves the design's figures partial: say which, here.
  const noCpus = !('cpus' in res);
  const noRam = !('ramRatio' in res) && !('memory' in res);
  if (noCpus || noRam) {
    const what = noCpus && noRam ? 'CPUs and RAM' : noCpus ? 'CPUs' : 'RAM';
    const add = [noCpus && '`cpus: 1`', noRam && '`ramRatio: 2` (GB per CPU)']
      .filter(Boolean)
      .join(' and ');
    out.push(
      source.diagnostic(
        'warning',
        'resources-incomplete',
        `Group ${q(g.name)} has \`resources\` without its ${what}${noRam && !noCpus ? ' (`ramRatio` or `memory`)' : ''}: ${noCpus && noRam ? 'they are' : 'it is'} not set, so the design's totals are partial. Add ${add}.`,
        path,
        source.spanFor(path, 'key'),
      ),
    );
  }
  if ('ramRatio' in res && 'memory' in res) {
    out.push(
      source.diagnostic(
        'warning',
        'ram-ratio-and-memory',
        `Group ${q(g.name)} sets both \`ramRatio\` and \`memory\`; the designer uses ramRatio (cpus x ramRatio GB). Keep only one.`,
        [...path, 'memory'],
        source.spanFor([...path, 'memory'], 'key'),
      ),
    );
  }
  const acc = isObject(res.accelerators) ? res.accelerators : {};
  if (isObject(acc.gpu)) gpuRules(c, [...path, 'accelerators', 'gpu']);
}

/**
 * Rules on the group's GPU block (at `gpuPath`): GPUs asked for without a product, a product
 * no node can match, and a product named for no GPU at all.
 */
function gpuRules(c: GroupCheck, gpuPath: Path): void {
  const { g, source, out } = c;
  const count = g.resources.gpus ?? 0;
  if (count > 0 && g.resources.gpuProduct === null) {
    out.push(
      source.diagnostic(
        'warning',
        'gpu-product-missing',
        `Group ${q(g.name)} asks for ${count} GPU(s) per pod without a \`product\`; the platform cannot tell which GPU to schedule. Add e.g. \`product: NVIDIA-A100-SXM4-80GB\`.`,
        gpuPath,
        source.spanFor(gpuPath, 'key'),
      ),
    );
  }
  const product = g.resources.gpuProduct;
  if (product !== null) productRules(c, product, gpuPath);
  if (count === 0 && g.resources.gpuProduct !== null && g.resources.gpus !== null) {
    out.push(
      source.diagnostic(
        'warning',
        'gpu-product-unused',
        `Group ${q(g.name)} names GPU product ${q(g.resources.gpuProduct)} but asks for 0 GPUs, so no GPU is requested. Set \`count\` to the GPUs per pod, or remove the gpu block.`,
        [...gpuPath, 'product'],
        source.spanFor([...gpuPath, 'product']),
      ),
    );
  }
}

/**
 * Rules on how the GPU product is written: nodes are selected by their label
 * nvidia.com/gpu.product, so a product must be a label value, and should be one the platform
 * offers (the closest known ones are offered as fixes).
 */
function productRules(c: GroupCheck, product: string, gpuPath: Path): void {
  const { g, source, out } = c;
  const notLabel = labelValueProblem(product);
  if (notLabel) {
    const fixed = product
      .replace(/[^-A-Za-z0-9_.]+/g, '-')
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    out.push(
      source.diagnostic(
        'warning',
        'gpu-product-not-label',
        `GPU product ${q(product)} of group ${q(g.name)} cannot be a Kubernetes label value (${notLabel}): nodes are selected by the label nvidia.com/gpu.product, so no node can match it, and a JobSet export is refused.${fixed && !labelValueProblem(fixed) ? ` Products are written with hyphens, e.g. ${q(fixed)}.` : ''}`,
        [...gpuPath, 'product'],
        source.spanFor([...gpuPath, 'product']),
        fixed && !labelValueProblem(fixed)
          ? {
              title: `Use ${q(fixed)}`,
              op: 'set',
              path: [...names(gpuPath), 'product'],
              value: fixed,
            }
          : undefined,
      ),
    );
  } else if (!GPU_PRODUCTS.includes(product)) {
    const near = nearestProducts(product);
    out.push(
      source.diagnostic(
        'warning',
        'gpu-product-unknown',
        `GPU product ${q(product)} of group ${q(g.name)} is not one the platform is known to offer${near.length ? `; did you mean ${near.map((x) => q(x)).join(' or ')}?` : '.'} Pods asking for a product no node has never start.`,
        [...gpuPath, 'product'],
        source.spanFor([...gpuPath, 'product']),
        near.map((x) => ({
          title: `Use ${q(x)}`,
          op: 'set' as const,
          path: [...names(gpuPath), 'product'],
          value: x,
        })),
      ),
    );
  }
}

/** The known GPU products closest to `product` (by their letters and digits), best first. */
function nearestProducts(product: string): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const p = norm(product);
  return GPU_PRODUCTS.map((name) => {
    const n = norm(name);
    // A product named inside another ("A100" in "NVIDIA-A100-SXM4-80GB") is close.
    const score = n.includes(p) || p.includes(n) ? 0 : distance(p, n);
    return { name, score };
  })
    .filter((x) => x.score <= Math.max(2, Math.floor(p.length / 3)))
    .sort((a, b) => a.score - b.score || a.name.length - b.name.length)
    .slice(0, 2)
    .map((x) => x.name);
}
