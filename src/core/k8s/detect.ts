/**
 * Is it a Kubernetes JobSet? Cheap enough for the main thread (no YAML library): the app asks it
 * of every pasted, dropped or opened text before it decides to offer a conversion.
 */
import { JOBSET_KIND } from './labels.ts';

/** True for plain data that is a JobSet of any version of its API. */
export function isJobSet(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const { kind, apiVersion } = data as Record<string, unknown>;
  return (
    kind === JOBSET_KIND &&
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('jobset.x-k8s.io/')
  );
}

/**
 * A cheap look at the text, for the main thread: top-level `kind: JobSet` and a JobSet
 * `apiVersion`. `importJobSet` reads it properly.
 */
export function looksLikeJobSet(text: string): boolean {
  return (
    /^kind:[ \t]*["']?JobSet["']?[ \t]*(#.*)?$/m.test(text) &&
    /^apiVersion:[ \t]*["']?jobset\.x-k8s\.io\//m.test(text)
  );
}
