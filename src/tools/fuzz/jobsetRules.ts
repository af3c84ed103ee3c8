/**
 * The export's oracle: the CRD's schema and the webhook's rules, written here from
 * jobset-crd.md §5 (names, label values, whole-unit quantities never below the request).
 */
import { crdSchema, validateOpenApi, type OpenApiNode } from '../../fixtures/openapi.ts';
import { JOBSET_CRD } from '../../fixtures/read.ts';
import type { Json } from './surfaceTypes.ts';

let schema: OpenApiNode | null | undefined;
function jobsetSchema(): OpenApiNode | null {
  if (schema === undefined) {
    try {
      schema = crdSchema(JOBSET_CRD, 'v1alpha2');
    } catch {
      schema = null;
    }
  }
  return schema;
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const isLabelValue = (v: string) => v.length <= 63 && LABEL_VALUE.test(v);
export const isDns1035 = (v: string) => v.length <= 63 && DNS1035.test(v);

/** A quantity in the whole units the export promises: cores, millicores, or bytes in binary units. */
function wholeQuantity(q: unknown): number | null {
  if (typeof q === 'number') return Number.isInteger(q) ? q : null;
  if (typeof q !== 'string') return null;
  const m = /^(\d+)(m|Ki|Mi|Gi)?$/.exec(q);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'm'
    ? n / 1000
    : m[2] === 'Ki'
      ? n * 1024
      : m[2] === 'Mi'
        ? n * 2 ** 20
        : m[2] === 'Gi'
          ? n * 2 ** 30
          : n;
}

/** Every rule the API server and the webhook apply that the export could break. */
export function jobsetProblems(
  js: Json,
  want: Map<string, { cpus: number; ramBytes: number; gpus: number }>,
): string[] {
  const out: string[] = [];
  const s = jobsetSchema();
  if (s) out.push(...validateOpenApi(js, s));
  const name = String((js.metadata as Json).name);
  if (!isDns1035(name)) out.push(`metadata.name ${JSON.stringify(name)} is not a DNS-1035 label`);
  const rjobs = (js.spec as Json).replicatedJobs as Json[];
  const names = new Set<string>();
  for (const rj of rjobs) {
    const rn = String(rj.name);
    if (names.has(rn)) out.push(`two replicatedJobs are named ${rn}`);
    names.add(rn);
    const replicas = rj.replicas as number;
    const job = (rj.template as Json).spec as Json;
    const c = job.completions as number;
    if (!isDns1035(`${name}-${rn}-${replicas - 1}`))
      out.push(`V7: Job name ${name}-${rn}-${replicas - 1} is not a DNS-1035 label`);
    if (`${name}-${rn}-${replicas - 1}-${c - 1}-abcde`.length > 63)
      out.push(`V8: pod names of ${rn} exceed 63 characters`);
    if (BigInt(job.parallelism as number) * BigInt(replicas) > 2147483647n)
      out.push(`V5: replicas x parallelism of ${rn} overflows int32`);
    const pod = (job.template as Json).spec as Json;
    for (const [k, v] of Object.entries((pod.nodeSelector as Json) ?? {}))
      if (typeof v !== 'string' || !isLabelValue(v))
        out.push(`nodeSelector ${k}: ${JSON.stringify(v)} is not a label value`);
    const g = want.get(rn);
    if (!g) {
      out.push(`replicatedJob ${rn} is no group of the design`);
      continue;
    }
    const res = ((pod.containers as Json[])[0]!.resources as Json) ?? {};
    for (const side of ['requests', 'limits'] as const) {
      const r = (res[side] as Json) ?? {};
      const cpu = wholeQuantity(r.cpu);
      const mem = wholeQuantity(r.memory);
      if (cpu === null || Math.round(cpu * 1000) !== cpu * 1000)
        out.push(`${rn} ${side}.cpu ${JSON.stringify(r.cpu)} is not whole cores or millicores`);
      else if (cpu < g.cpus - 1e-9 || cpu - g.cpus >= 0.001)
        out.push(
          `${rn} ${side}.cpu ${JSON.stringify(r.cpu)} is not the request ${g.cpus} rounded up`,
        );
      if (mem === null || !Number.isInteger(mem))
        out.push(`${rn} ${side}.memory ${JSON.stringify(r.memory)} is not whole bytes`);
      else if (mem < g.ramBytes * (1 - 1e-12) || mem - g.ramBytes >= 1 + g.ramBytes * 1e-12)
        out.push(
          `${rn} ${side}.memory ${JSON.stringify(r.memory)} is not ${g.ramBytes} bytes rounded up`,
        );
    }
    const gpus = ((res.limits as Json) ?? {})['nvidia.com/gpu'];
    if ((gpus ?? 0) !== g.gpus) out.push(`${rn} asks for ${String(gpus)} GPUs, not ${g.gpus}`);
  }
  return out;
}
