/** Workloads as `kubectl get workloads -A -o yaml` lists them: each once, as last listed. */
import { list, obj, str, type Obj } from './data.ts';

export const itemsOf = (docs: readonly unknown[]) =>
  docs.flatMap((d) => (obj(d).kind === 'List' ? list(obj(d).items) : [d])).map(obj);

/**
 * The objects of the documents, each workload once: by `namespace/name`, the last listing (a
 * refreshed list added after the last one says how things are now). Objects with no name are
 * each their own.
 */
export function lastListings(docs: readonly unknown[]): Obj[] {
  const byName = new Map<string, Obj>();
  itemsOf(docs).forEach((w, i) => {
    const meta = obj(w.metadata);
    const name = str(meta.name);
    byName.set(name ? `${str(meta.namespace, 'default')}/${name}` : `\u0000${i}`, w);
  });
  return [...byName.values()];
}

/**
 * `spec.maximumExecutionTimeSeconds` as the API takes it (an int32, at least 1); null when it
 * is anything else.
 */
export function maxExecutionSeconds(v: unknown): number | null {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2 ** 31 - 1
    ? (v as number)
    : null;
}
