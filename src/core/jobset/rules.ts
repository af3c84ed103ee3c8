/**
 * The semantic rules of SEMANTICS.md that a JSON Schema cannot express: names, cross-field
 * checks and the likely mistakes worth a warning. Structural checks live in the schema.
 */
import { num } from '../format.ts';
import { q } from '../quote.ts';
import { isOperator, OPERATORS } from '../operators/operators.ts';
import type { Diagnostic, Fix } from '../diagnostics.ts';
import { isObject } from '../own.ts';
import type { Source } from '../manifest/source.ts';
import { wavesOf, type Expansion } from './expand.ts';
import { INT32_MAX, type Group } from './groups.ts';
import { DNS_LABEL_MAX, EXPERIMENT_NAME_PLACEHOLDER, generatedNameLengths } from './names.ts';
import { ACCEPTED_API_VERSIONS, CURRENT_API_VERSION } from '../manifest/versions.ts';
import { names, spanAt, warn, type GroupCheck } from './groupCheck.ts';
import { resourceRules } from './resourceRules.ts';
const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

/** Rules for every operator: the fields all manifests share. */
export function commonRules(data: unknown, source: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isObject(data)) return out;
  const api = data.apiVersion;
  if (typeof api === 'string' && api !== CURRENT_API_VERSION) {
    const span = source.spanFor(['apiVersion']);
    const known = ACCEPTED_API_VERSIONS.includes(api);
    out.push(
      source.diagnostic(
        // An apiVersion the platform does not accept is refused; an older accepted one works.
        known ? 'warning' : 'error',
        'api-version',
        known
          ? `apiVersion ${api} is still accepted, but ${CURRENT_API_VERSION} is current. Set \`apiVersion: "${CURRENT_API_VERSION}"\`.`
          : `apiVersion ${q(api)} is not one the platform knows (${ACCEPTED_API_VERSIONS.join(', ')}). Set \`apiVersion: "${CURRENT_API_VERSION}"\`.`,
        ['apiVersion'],
        span,
        {
          title: `Set apiVersion to "${CURRENT_API_VERSION}"`,
          op: 'set',
          path: ['apiVersion'],
          value: CURRENT_API_VERSION,
        },
      ),
    );
  }
  const spec = isObject(data.spec) ? data.spec : {};
  const builder = isObject(data.builder) ? data.builder : {};
  if (
    typeof spec.image === 'string' &&
    typeof builder.image === 'string' &&
    spec.image !== builder.image
  ) {
    const span = source.spanFor(['spec', 'image']);
    out.push(
      source.diagnostic(
        'error',
        'image-mismatch',
        `spec.image ${q(spec.image)} must equal builder.image ${q(builder.image)}: the platform runs the image it builds. Make them the same.`,
        ['spec', 'image'],
        span,
        {
          title: `Use the builder image ${q(builder.image)}`,
          op: 'set',
          path: ['spec', 'image'],
          value: builder.image,
        },
      ),
    );
  }
  const operator = spec.operator;
  if (typeof operator === 'string' && !isOperator(operator)) {
    out.push(
      source.diagnostic(
        'info',
        'operator-not-visualised',
        `Operator ${q(operator)} is not one the platform runs (${OPERATORS.join(', ')}): the designer checks the common fields (kind, apiVersion, image, command) and keeps everything else intact, but cannot draw its pods.`,
        ['spec', 'operator'],
        source.spanFor(['spec', 'operator']),
      ),
    );
  }
  return out;
}

/**
 * The groups the rules found nothing in, by their data, with what else the rules read: their
 * name, place and whether any group sets resources. Kept by an analyzer between texts (after an
 * edit inside one group the others are the same data: manifest/kept.ts).
 */
export type RulesMemo = WeakMap<object, { name: string; index: number; anyResources: boolean }>;

/**
 * Rules for `operator: jobset`: `debug`, then each group in turn, its name first and, when it is
 * a map, its counts, waves, limits and resources (resourceRules.ts); but for the groups `memo`
 * holds as clean.
 */

export function jobsetRules(
  data: unknown,
  groups: readonly Group[],
  source: Source,
  memo?: RulesMemo,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anyResources = groups.some((g) => g.resources.set);
  const spec = isObject(data) && isObject(data.spec) ? data.spec : {};
  const types = isObject(spec.types) ? spec.types : {};
  const debug = isObject(spec.debug) ? spec.debug : {};
  if ('jupyter' in debug) {
    out.push(
      source.diagnostic(
        'error',
        'jupyter-not-supported',
        '`debug.jupyter` is only for the kuberay operator; jobset accepts `debug.vscode` only. Remove `jupyter`.',
        ['spec', 'debug', 'jupyter'],
        source.spanFor(['spec', 'debug', 'jupyter'], 'entry'),
      ),
    );
  }
  for (const g of groups) {
    const raw = isObject(types[g.name]) ? (types[g.name] as Record<string, unknown>) : {};
    const clean = memo?.get(raw);
    if (
      clean &&
      clean.name === g.name &&
      clean.index === g.index &&
      clean.anyResources === anyResources
    )
      continue;
    const found = out.length;
    const c: GroupCheck = { g, raw, base: ['spec', 'types', g.name], source, out };
    nameRules(c);
    if (!isObject(types[g.name])) continue; // the schema already says it must be a map
    countRules(c);
    waveRules(c);
    limitRules(c);
    resourceRules(c, anyResources);
    if (memo && out.length === found) memo.set(raw, { name: g.name, index: g.index, anyResources });
  }
  return out;
}

/**
 * Rules on a group's counts at 0: no Jobs, Jobs with no pods, or Jobs paused (parallelisms 0
 * with pods to run), each almost always a slip.
 */
function countRules(c: GroupCheck): void {
  const { g } = c;
  const { count, completions, parallelisms } = g;
  if (count === 0) {
    warn(
      c,
      'count-zero',
      `Group ${q(g.name)} has \`count: 0\`: it creates no Jobs and no pods. Set count to 1 or more, or remove the group.`,
      'count',
    );
  }
  if (completions === 0) {
    warn(
      c,
      'completions-zero',
      `Group ${q(g.name)} has \`completions: 0\`: its Jobs run no pods. Set completions to 1 or more.`,
      'completions',
    );
  }
  if (parallelisms === 0 && completions !== 0) {
    warn(
      c,
      'parallelisms-zero',
      `Group ${q(g.name)} has \`parallelisms: 0\`: its Jobs are paused and no pod ever starts. Set parallelisms to 1 or more.`,
      'parallelisms',
    );
  }
}

/**
 * Rules on how a group's pods run in waves: parallelisms above completions (no effect past
 * completions; with completions left out, most likely meant as pods per Job), and a last wave
 * left partial.
 */
function waveRules(c: GroupCheck): void {
  const { g, raw, base, source, out } = c;
  const { completions, parallelisms } = g;
  if (
    parallelisms !== null &&
    completions !== null &&
    parallelisms > completions &&
    completions > 0
  ) {
    const span = spanAt(c, 'parallelisms');
    const setParallelisms: Fix = {
      title: `Set parallelisms to ${completions}`,
      op: 'set',
      path: [...names(base), 'parallelisms'],
      value: completions,
    };
    if (!('completions' in raw)) {
      // The likely intent: pods per Job to run side by side, but completions defaults to 1.
      out.push(
        source.diagnostic(
          'warning',
          'parallelisms-above-completions',
          `Group ${q(g.name)}: parallelisms is ${parallelisms}, but completions is not set, so it is 1: each Job runs one pod and parallelisms has no effect. Set completions to ${parallelisms} to run ${parallelisms} pods per Job at once (the platform page's advice), or parallelisms to 1.`,
          [...base, 'parallelisms'],
          span,
          [
            {
              title: `Set completions to ${parallelisms}`,
              op: 'set',
              path: [...names(base), 'completions'],
              value: parallelisms,
              after: ['count'],
            },
            { ...setParallelisms, title: 'Set parallelisms to 1', value: 1 },
          ],
        ),
      );
    } else {
      out.push(
        source.diagnostic(
          'warning',
          'parallelisms-above-completions',
          `Group ${q(g.name)}: parallelisms ${parallelisms} is more than completions ${completions}; at most ${completions} pods of a Job can run. Set parallelisms to ${completions}.`,
          [...base, 'parallelisms'],
          span,
          setParallelisms,
        ),
      );
    }
  }
  if (
    parallelisms &&
    completions &&
    parallelisms < completions &&
    completions % parallelisms !== 0
  ) {
    const waves = wavesOf(completions, parallelisms);
    const full = waves * parallelisms;
    out.push(
      source.diagnostic(
        'warning',
        'partial-last-wave',
        `Group ${q(g.name)}: ${completions} completions in waves of ${parallelisms} leave the last of ${waves} waves with ${completions % parallelisms} pod(s). Make completions a multiple of parallelisms if every wave should be full.`,
        [...base, 'parallelisms'],
        spanAt(c, 'parallelisms'),
        {
          title: `Set completions to ${full} (${waves} full waves)`,
          op: 'set',
          path: [...names(base), 'completions'],
          value: full,
          after: ['count'],
        },
      ),
    );
  }
}

/**
 * Rules on a group's figures past the limits of JobSet (count x parallelisms pods) and of
 * Kubernetes (a 32-bit count or completions).
 */
function limitRules(c: GroupCheck): void {
  const { g, raw, base, source, out } = c;
  const { count, parallelisms } = g;
  if (count !== null && parallelisms !== null && count * Math.max(parallelisms, 1) > INT32_MAX) {
    out.push(
      source.diagnostic(
        'error',
        'too-many-pods',
        `Group ${q(g.name)}: count x parallelisms is ${num(count * parallelisms)}, above JobSet's limit of 2,147,483,647. Lower count or parallelisms.`,
        [...base, 'count'],
        spanAt(c, 'count'),
      ),
    );
  }
  for (const key of ['count', 'completions'] as const) {
    const v = raw[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > INT32_MAX) {
      out.push(
        source.diagnostic(
          'error',
          'out-of-range',
          `\`${key}\` of group ${q(g.name)} is ${v}, above Kubernetes' limit of 2,147,483,647.`,
          [...base, key],
          spanAt(c, key),
        ),
      );
    }
  }
}

/**
 * Rules on a group's name: a valid Kubernetes name (with a fix when one can be made), and short
 * enough for the Job and pod names JobSet makes of it.
 */
function nameRules(c: GroupCheck): void {
  const { g, base, source, out } = c;
  // Located only when there is something to report: locating costs a lookup per group.
  let located: { start: number; end: number } | null = null;
  const at = () => (located ??= source.spanFor(base, 'key'));
  if (!TYPE_NAME.test(g.name)) {
    const span = at();
    const fixed = fixName(g.name);
    out.push(
      source.diagnostic(
        'error',
        'type-name-invalid',
        `Group name ${q(g.name)} is invalid: use lowercase letters, digits and hyphens, starting with a letter${fixed ? ` (for example ${q(fixed)})` : ''}.`,
        base,
        span,
        fixed
          ? { title: `Rename to ${q(fixed)}`, op: 'rename', path: names(base), to: fixed }
          : undefined,
      ),
    );
  } else if (g.name.endsWith('-')) {
    const span = at();
    out.push(
      source.diagnostic(
        'error',
        'type-name-trailing-hyphen',
        `Group name ${q(g.name)} ends with "-"; Kubernetes labels and container names must end with a letter or digit. Remove the trailing hyphen.`,
        base,
        span,
        {
          title: `Rename to ${q(g.name.replace(/-+$/, ''))}`,
          op: 'rename',
          path: names(base),
          to: g.name.replace(/-+$/, ''),
        },
      ),
    );
  }
  // The webhook checks the longest names, with AIchor's 24-character JobSet name.
  const lengths = generatedNameLengths(
    EXPERIMENT_NAME_PLACEHOLDER,
    g.name,
    g.count ?? 1,
    g.completions ?? 1,
  );
  const tooLong = lengths.job > DNS_LABEL_MAX ? 'job' : lengths.pod > DNS_LABEL_MAX ? 'pod' : null;
  if (tooLong) {
    const reach = lengths[tooLong];
    // Pod names are always the longer ones: a name short enough for them fits both rules.
    const fit = g.name.length - (lengths.pod - DNS_LABEL_MAX);
    out.push(
      source.diagnostic(
        'error',
        `${tooLong}-name-too-long`,
        g.count === 0 || g.completions === 0
          ? `Group name ${q(g.name)} is too long: the group creates no pods, but JobSet's webhook still checks the names it would make, and they reach ${reach} characters, over Kubernetes' ${DNS_LABEL_MAX}. Shorten the name to ${fit} characters or fewer.`
          : `Group name ${q(g.name)} is too long: its ${tooLong === 'job' ? 'Job' : 'pod'} names reach ${reach} characters, over Kubernetes' ${DNS_LABEL_MAX}. Shorten the name to ${fit} characters or fewer.`,
        base,
        at(),
      ),
    );
  }
}

/**
 * Checks of the design as a whole: a note when it asks for more GPUs at once than any cluster
 * is likely to have.
 */
export function designRules(expansion: Expansion, source: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = source.spanFor(['spec', 'types'], 'key');
  const gpus = expansion.totals.peak.gpus;
  if (gpus !== null && gpus > MANY_GPUS) {
    out.push(
      source.diagnostic(
        'info',
        'many-gpus',
        `At its peak the design asks for ${num(gpus)} GPUs at once, more than ${num(MANY_GPUS)}: check count, completions and parallelisms. Enter your cluster's free GPUs under Your cluster to see how it would run.`,
        ['spec', 'types'],
        at,
      ),
    );
  }
  // Sums past 2^53 are no longer exact in a double: say so rather than show a rounded figure.
  const pods = expansion.totals.pods;
  if (pods !== null && pods > Number.MAX_SAFE_INTEGER) {
    out.push(
      source.diagnostic(
        'warning',
        'figures-approximate',
        `The design has more than ${num(Number.MAX_SAFE_INTEGER)} pods: totals this large are approximate (the last digits are rounded). Lower count or completions.`,
        ['spec', 'types'],
        at,
      ),
    );
  }
  return out;
}

/** More GPUs at once than this is worth a second look. */
export const MANY_GPUS = 10_000;

/** A valid group name close to `name`, or null when none can be made. */
export function fixName(name: string): string | null {
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return fixed && TYPE_NAME.test(fixed) ? fixed : null;
}
