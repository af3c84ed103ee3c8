/**
 * The JobSet's own name, checked as JobSet's validating webhook checks it (jobset-crd.md §5):
 * a DNS-1035 label, and the longest Job and pod names it generates with it (rules V7 and V8) fit
 * 63 characters. On the platform the 24-character experiment name takes this place; in an export
 * the user's name does, so the rules are checked again with it.
 */
import { DNS_LABEL_MAX, generatedNameLengths } from '../jobset/names.ts';
import { slug } from '../slug.ts';

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A name Kubernetes takes as a DNS-1035 label: lower-case alphanumerics and "-", 63 at most. */
export function isDns1035Label(name: string): boolean {
  return name.length <= 63 && DNS_1035.test(name);
}

/** What the name's length rules need of a group. */
export interface NamedGroup {
  readonly name: string;
  readonly count: number;
  readonly completions: number;
}

/** Why Kubernetes would refuse a JobSet of this name, one sentence each; empty when it would not. */
export function jobsetNameProblems(name: string, groups: readonly NamedGroup[]): string[] {
  if (name === '') return ['The JobSet needs a name.'];
  const problems: string[] = [];
  if (name.length > DNS_LABEL_MAX) {
    problems.push(`The name has ${name.length} characters; Kubernetes allows at most 63.`);
  }
  if (!DNS_1035.test(name)) {
    problems.push(
      'The name must be lower-case letters, digits and "-", start with a letter and end with a letter or digit (a DNS-1035 label).',
    );
  }
  if (problems.length) return problems;
  for (const g of groups) {
    const l = generatedNameLengths(name, g.name, g.count, g.completions);
    const longest = Math.max(l.job, l.pod);
    if (longest > DNS_LABEL_MAX) {
      problems.push(
        `With this name, ${l.pod >= l.job ? 'pod' : 'Job'} names of group "${g.name}" have ${longest} characters (at most 63).`,
      );
    }
  }
  if (problems.length) {
    // One length for every group and both kinds of name: shortening by one group's excess
    // alone may still leave another's too long.
    const room = maxJobSetNameLength(groups);
    problems.push(
      room > 0
        ? `Shorten the name to at most ${room} characters (by ${name.length - room}): that fits every group.`
        : 'No name fits: shorten the group names instead.',
    );
  }
  return problems;
}

/** The longest name every group's generated names leave room for (0 when none does). */
export function maxJobSetNameLength(groups: readonly NamedGroup[]): number {
  let room = DNS_LABEL_MAX;
  for (const g of groups) {
    const l = generatedNameLengths('', g.name, g.count, g.completions);
    room = Math.min(room, DNS_LABEL_MAX - l.pod, DNS_LABEL_MAX - l.job);
  }
  return Math.max(0, room);
}

/**
 * The name used when the user gives none: a DNS-1035 slug of the design's name ("Sweep v2 (A100)"
 * -> "sweep-v2-a100"), short enough for every generated name. "experiment" when nothing is left.
 */
export function defaultJobSetName(
  designName: string | null,
  groups: readonly NamedGroup[],
): string {
  const base = slug(designName ?? '', { letterFirst: true }) || 'experiment';
  const room = maxJobSetNameLength(groups);
  return base.slice(0, Math.max(1, room)).replace(/-+$/, '');
}
