/**
 * A comparison as a pull-request comment: GitHub-flavoured Markdown with a table of the totals
 * that change (with their deltas), one line per group that changes, the pod variables whose
 * values change, and links that open each side, and the comparison, in the designer. Every
 * figure and word comes from the comparison (diff.ts) and its text (text.ts).
 *
 * Nothing a manifest holds (a name, a GPU product) or a file name becomes markup: each is
 * escaped for Markdown and HTML, and a link is only ever the designer's address and a fragment.
 */
import { num } from '../format.ts';
import { terminalText } from '../safe.ts';
import type { DesignDiff, FieldChange, GroupChange } from './diff.ts';
import { changeText, deltaText, figureText } from './text.ts';

export interface MarkdownLinks {
  readonly a: string | null;
  readonly b: string | null;
  /** Design b with the comparison against a open. */
  readonly compare: string | null;
}

/**
 * Text as Markdown shows it, never as markup: one line; control and bidi characters written
 * out (as on a terminal); each special character escaped; and what GitHub would turn into a
 * link, a mention, an e-mail address or an emoji (`https://`, `www.`, `@team`, `:rocket:`) held
 * apart by an invisible word joiner after `@` and `:` and inside `www.`.
 */
export function mdText(s: string): string {
  return terminalText(s.replace(/[\r\n\t]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/[@:]/g, (c) => `${c}\u2060`)
    .replace(/\b(www)\./gi, '$1\u2060.');
}

/** A link's target as Markdown takes it: no space or parenthesis left to end it early. */
const target = (url: string) =>
  url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

export function diffMarkdown(
  d: DesignDiff,
  nameA: string,
  nameB: string,
  links: MarkdownLinks | null = null,
): string {
  const [a, b] = [mdText(nameA), mdText(nameB)];
  const out = [`### ${a} → ${b}`, ''];
  const ops = d.operators;
  if (ops.a !== ops.b)
    out.push(`Operator: ${mdText(ops.a ?? 'none')} → ${mdText(ops.b ?? 'none')}`, '');
  if (!d.compared) {
    out.push(
      'Figures are compared only when both designs can be figured (a readable manifest of an operator the platform runs): nothing is said about how the runs differ.',
    );
  } else if (d.same) {
    out.push('The designs run the same.');
  } else {
    const changed = d.totals.filter((t) => deltaText(t.unit, t.delta) !== 'no change');
    if (changed.length) {
      out.push(row(['', a, b, 'change']), row(['---', '---:', '---:', '---:']));
      for (const t of changed)
        out.push(
          row([
            mdText(t.label),
            mdText(figureText(t.unit, t.a, t.unfinished?.a)),
            mdText(figureText(t.unit, t.b, t.unfinished?.b)),
            `**${mdText(deltaText(t.unit, t.delta))}**`,
          ]),
        );
      const same = d.totals.length - changed.length;
      if (same) out.push('', `${same} other figure${same === 1 ? '' : 's'} unchanged.`);
      out.push('');
    }
    const groups = d.groups.filter((g) => g.kind !== 'same');
    if (groups.length) {
      out.push('**Groups**', '');
      for (const g of groups) out.push(`- ${groupLine(g)}`);
      out.push('');
    }
    const vars = variables(d.groups);
    if (vars.length) {
      out.push('**Pod variables**', '');
      for (const v of vars) out.push(`- ${v}`);
      out.push('');
    }
  }
  if (links) {
    const open = [
      links.a && `[Open ${a}](${target(links.a)})`,
      links.b && `[Open ${b}](${target(links.b)})`,
      links.compare && `[Compare them](${target(links.compare)})`,
    ].filter(Boolean);
    const left = [links.a, links.b, links.compare].filter((l) => l === null).length;
    if (open.length) out.push(`${open.join(' · ')} in JobSet Designer`);
    if (left)
      out.push(
        `${open.length ? '' : 'No link: '}${left} design link(s) left out: too long for a comment.`,
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function groupLine(g: GroupChange): string {
  const changes = (cs: readonly FieldChange[]) => cs.map((c) => mdText(changeText(c))).join(', ');
  switch (g.kind) {
    case 'same':
      return `\`${mdText(g.name)}\`: unchanged`;
    case 'changed':
      return `**${mdText(g.name)}**: ${changes(g.changes)}`;
    case 'renamed':
      return `**${mdText(g.from)}** → **${mdText(g.to)}**: renamed${g.changes.length ? `, and ${changes(g.changes)}` : ''}`;
    case 'added':
      return `**${mdText(g.name)}**: added`;
    case 'removed':
      return `**${mdText(g.name)}**: removed`;
  }
}

/**
 * The pod variables whose values change: `GLOBAL_REPLICAS` once, and per group its
 * `REPLICATED_JOB_REPLICAS` (its Job count), where its `JOB_GLOBAL_INDEX` starts, and how far
 * `JOB_COMPLETION_INDEX` goes (its pods per Job).
 */
function variables(groups: readonly GroupChange[]): string[] {
  const out: string[] = [];
  let global: FieldChange | undefined;
  const v = (x: FieldChange['a']) =>
    x === null ? 'not set' : typeof x === 'number' ? num(x, 2) : x;
  for (const g of groups) {
    if (g.kind !== 'changed' && g.kind !== 'renamed') continue;
    const name = mdText(g.kind === 'renamed' ? g.to : g.name);
    for (const c of g.changes) {
      if (c.field === 'globalReplicas') global ??= c;
      if (c.field === 'count')
        out.push(`\`REPLICATED_JOB_REPLICAS\` of ${name}: ${mdText(`${v(c.a)} → ${v(c.b)}`)}`);
      if (c.field === 'firstGlobalIndex')
        out.push(`\`JOB_GLOBAL_INDEX\` of ${name} starts at ${mdText(`${v(c.a)} → ${v(c.b)}`)}`);
      if (c.field === 'completions' && typeof c.a === 'number' && typeof c.b === 'number')
        out.push(
          `\`JOB_COMPLETION_INDEX\` of ${name}: 0 to ${mdText(`${num(c.a - 1, 2)} → 0 to ${num(c.b - 1, 2)}`)}`,
        );
    }
  }
  if (global) out.unshift(`\`GLOBAL_REPLICAS\`: ${mdText(`${v(global.a)} → ${v(global.b)}`)}`);
  return out;
}
