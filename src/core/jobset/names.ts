/**
 * Lengths of the names JobSet generates, as its validating webhook computes them
 * (`pkg/webhooks/jobset_webhook.go`, rules V7 and V8 in jobset-crd.md): the longest Job name
 * `<jobset>-<type>-<replicas-1>` and the longest pod name
 * `<jobset>-<type>-<replicas-1>-<completions-1>-abcde` must fit a 63-character DNS label.
 * The webhook's quirk is kept: with 0 replicas the index reads "-1", two characters.
 */
/** AIchor names every JobSet `experiment-<8 hex>-<4 hex>`: 24 characters (observed). */
export const EXPERIMENT_NAME_PLACEHOLDER = 'experiment-xxxxxxxx-xxxx';

export const DNS_LABEL_MAX = 63;

export interface NameLengths {
  readonly job: number;
  readonly pod: number;
}

export function generatedNameLengths(
  jobsetName: string,
  type: string,
  replicas: number,
  completions: number,
): NameLengths {
  const job = `${jobsetName}-${type}-${replicas - 1}`.length;
  return { job, pod: job + `-${completions - 1}-abcde`.length };
}

/** Type names in the platform's global order (`JOB_GLOBAL_INDEX`): by code point, not by locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Why `value` cannot be a Kubernetes label value (at most 63 characters: letters, digits, `-`,
 * `_` and `.`, beginning and ending with a letter or digit), or null when it can. A node selector
 * takes only label values: JobSet accepts any string there, the API server then refuses every
 * Job.
 */
export function labelValueProblem(value: string): string | null {
  if (value.length > 63) return `it is ${value.length} characters; a label value has at most 63`;
  if (value !== '' && !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value)) {
    return 'a label value has only letters, digits, -, _ and ., and begins and ends with a letter or digit';
  }
  return null;
}
