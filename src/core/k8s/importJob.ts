/**
 * One replicatedJob of a JobSet as a group of the manifest: its name, replicas, the Job's
 * completions and parallelism, the pod (`importPod.ts`), its container (`importContainer.ts`)
 * and their resources (`importResources.ts`). What the platform does otherwise (dependencies,
 * retries, other completion modes) is reported where the JobSet says it.
 */
import { obj, warn, type ImportItem, type Json } from './importItem.ts';
import { readPodSpec, readPodTemplate } from './importPod.ts';
import { commandOf, readContainer, warnDroppedVariablesRead } from './importContainer.ts';
import { groupResources } from './importResources.ts';

/** A replicatedJob as read: the group, and what the manifest holds once for every group. */
export interface ReadGroup {
  readonly name: string;
  readonly group: Json;
  readonly image: string | null;
  readonly command: string | null;
  readonly containerAt: string;
  /** The Jobs' `activeDeadlineSeconds` (the experiment's time limit), when set. */
  readonly deadline: { readonly seconds: number; readonly at: string } | null;
}

/**
 * The replicatedJob at `at` as a group, or null (reported) when it has no name: the group is
 * named after it, and the JobSet's reader keeps its image, command and time limit.
 */
export function readReplicatedJob(rj: Json, at: string, report: ImportItem[]): ReadGroup | null {
  if (typeof rj.name !== 'string' || rj.name === '') {
    report.push(warn(`${at}.name`, 'A replicatedJob without a name is left out.'));
    return null;
  }
  const name = rj.name;
  replicatedJobExtras(rj, name, at, report);
  const jobAt = `${at}.template.spec`;
  const job = obj(obj(rj.template).spec);
  const deadline = readJobTemplate(obj(rj.template), at, report);
  const group = groupCounts(rj, job);

  const podAt = `${jobAt}.template.spec`;
  const containerAt = `${podAt}.containers[0]`;
  const { pod, container: c } = readPodTemplate(job, jobAt, report);
  const { gpuProduct, shmGB, shmVolumes } = readPodSpec(pod, c, podAt, report);
  const { image, resources, dropped } = readContainer(c, containerAt, shmVolumes, report);
  const command = commandOf(c, containerAt, report);
  warnDroppedVariablesRead(command, dropped, containerAt, report);

  const res = groupResources(resources, shmGB, gpuProduct, podAt, report);
  if (Object.keys(res).length) group.resources = res;
  return { name, group, image, command, containerAt, deadline };
}

/**
 * The replicatedJob's keys beside its name, replicas and template: the default groupName carries
 * over silently; dependsOn (every group starts at once) and anything else are reported.
 */
function replicatedJobExtras(rj: Json, name: string, at: string, report: ImportItem[]): void {
  for (const key of Object.keys(rj)) {
    if (key === 'name' || key === 'replicas' || key === 'template') continue;
    if (key === 'groupName' && rj.groupName === 'default') continue;
    report.push(
      warn(
        `${at}.${key}`,
        key === 'dependsOn'
          ? `On the platform every group starts at once: "${name}" does not wait for another.`
          : 'The manifest has no counterpart for it.',
      ),
    );
  }
}

/**
 * The Job template of the replicatedJob at `at`, its counts and pod template read apart: an
 * Indexed Job with backoffLimit 0 runs as on the platform, and its activeDeadlineSeconds is the
 * experiment's time limit (returned); anything else, a missing backoffLimit too, is reported.
 */
function readJobTemplate(template: Json, at: string, report: ImportItem[]): ReadGroup['deadline'] {
  const jobAt = `${at}.template.spec`;
  const job = obj(template.spec);
  let deadline: ReadGroup['deadline'] = null;
  for (const key of Object.keys(template)) {
    if (key !== 'spec')
      report.push(warn(`${at}.template.${key}`, 'The manifest has no counterpart for it.'));
  }
  for (const [key, v] of Object.entries(job)) {
    if (['completions', 'parallelism', 'template'].includes(key)) continue;
    if (key === 'completionMode' && v === 'Indexed') continue;
    if (key === 'backoffLimit' && v === 0) continue;
    if (key === 'activeDeadlineSeconds' && typeof v === 'number' && Number.isInteger(v) && v > 0) {
      deadline = { seconds: v, at: `${jobAt}.${key}` };
      continue;
    }
    report.push(
      warn(
        `${jobAt}.${key}`,
        key === 'completionMode'
          ? 'The platform runs Indexed Jobs: every pod gets JOB_COMPLETION_INDEX.'
          : key === 'backoffLimit'
            ? 'On the platform a failed pod fails its Job.'
            : 'The manifest has no counterpart for it.',
      ),
    );
  }
  if (!Object.hasOwn(job, 'backoffLimit')) {
    report.push(
      warn(
        `${jobAt}.backoffLimit`,
        'Not set, so Kubernetes retries a failed pod up to 6 times; on the platform a failed pod fails its Job.',
      ),
    );
  }
  return deadline;
}

/**
 * The group's counts: the replicatedJob's replicas, the Job's completions and parallelism, each
 * as written (the manifest's checks then say what is wrong with one) or Kubernetes' default, 1.
 */
function groupCounts(rj: Json, job: Json): Json {
  const replicas = valueOr(rj.replicas, 1);
  // Kubernetes: completions and parallelism default to 1 when neither is set.
  const completions = valueOr(job.completions, 1);
  const parallelism = valueOr(job.parallelism, 1);
  return { count: replicas, completions, parallelisms: parallelism };
}

/** The value as written (the manifest's checks then say what is wrong with it), or the default. */
function valueOr(v: unknown, fallback: number): unknown {
  return v === undefined || v === null ? fallback : v;
}
