/**
 * `validate --format`: how the problems of one or more inputs are printed for people (text),
 * scripts (json), code-scanning tools (SARIF 2.1.0) and GitHub Actions workflow commands.
 */
import { terminalText } from '../core/safe.ts';
import {
  CODE_HELP,
  CODES,
  countBySeverity,
  type Analysis,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from '../core/index.ts';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import type { Design } from './inputs.ts';
import { diagnosticJson } from './report.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'svg', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** One input of a call: checked, or not readable at all (exit 2). */
export type Checked =
  | { readonly kind: 'checked'; readonly design: Design; readonly analysis: Analysis }
  | {
      readonly kind: 'unreadable';
      readonly name: string;
      /** The path when the input is a file (null for standard input, links and patterns). */
      readonly file: string | null;
      readonly reason: string;
    };

export interface Summary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  readonly unreadable: number;
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
}

export function summarize(all: readonly Checked[]): Summary {
  let valid = 0;
  let invalid = 0;
  let errors = 0;
  let warnings = 0;
  let info = 0;
  for (const c of all) {
    if (c.kind !== 'checked') continue;
    if (c.analysis.valid) valid++;
    else invalid++;
    const n = countBySeverity(c.analysis.diagnostics);
    errors += n.error;
    warnings += n.warning;
    info += n.info;
  }
  return {
    files: all.length,
    valid,
    invalid,
    unreadable: all.length - valid - invalid,
    errors,
    warnings,
    info,
  };
}

/** The worst exit code of the call: 2 if any input was unreadable, else 1 if any is invalid. */
export function exitCode(s: Summary): number {
  return s.unreadable ? 2 : s.invalid ? 1 : 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one line that ends a call on several inputs. */
export function summaryLine(s: Summary): string {
  const parts = [`${s.valid} valid`, `${s.invalid} invalid`];
  if (s.unreadable) parts.push(`${s.unreadable} unreadable`);
  return `${plural(s.files, 'file')} checked: ${parts.join(', ')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info)`;
}

export function textLines(all: readonly Checked[]): string[] {
  const lines: string[] = [];
  for (const c of all) {
    if (c.kind === 'unreadable') continue; // said on stderr, as for one file
    for (const d of c.analysis.diagnostics)
      lines.push(`${c.design.name}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
  }
  return lines;
}

export function jsonReport(all: readonly Checked[], s: Summary) {
  return {
    valid: s.invalid === 0 && s.unreadable === 0,
    files: all.map((c) =>
      c.kind === 'checked'
        ? {
            file: c.design.name,
            valid: c.analysis.valid,
            diagnostics: c.analysis.diagnostics.map(diagnosticJson),
          }
        : { file: c.name, error: c.reason },
    ),
    summary: s,
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * Where a finding is, as SARIF says it: the file as a URI reference, 1-based lines and columns.
 * Standard input and links have no place.
 */
function sarifLocations(file: string | null, d?: Diagnostic) {
  return file === null ? [] : [sarifLocation(sarifUri(file), d)];
}

/**
 * A path as a URI reference that resolves back to it: a file: URI when absolute, else each
 * segment percent-encoded, so `#`, `?`, `%`, `:` and `<` stay part of the name. Backslashes
 * separate folders only on Windows (elsewhere they are part of a name).
 */
export function sarifUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  const parts = process.platform === 'win32' ? path.split(/[\\/]/) : path.split('/');
  return parts.map(encodeURIComponent).join('/');
}

function sarifLocation(uri: string, d?: Diagnostic) {
  return {
    physicalLocation: {
      artifactLocation: { uri },
      ...(d && {
        region: {
          startLine: d.line,
          startColumn: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
        },
      }),
    },
  };
}

export function sarifReport(all: readonly Checked[]) {
  const used = new Set<DiagnosticCode>();
  for (const c of all)
    if (c.kind === 'checked') for (const d of c.analysis.diagnostics) used.add(d.code);
  const codes = [...used].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const unreadable = all.filter((c) => c.kind === 'unreadable');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jobset-designer',
            version: pkg.version,
            semanticVersion: pkg.version,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: CODE_HELP[code] },
              fullDescription: { text: CODE_HELP[code] },
              help: {
                text: `${CODE_HELP[code]} Run \`jobset-designer validate\` on the file, or open it in JobSet Designer, for the exact message and a fix.`,
              },
              properties: { category: CODES[code] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((c) => ({
              level: 'error',
              message: { text: c.reason },
              locations: sarifLocations(c.file),
            })),
          },
        ],
        results: all.flatMap((c) =>
          c.kind === 'checked'
            ? c.analysis.diagnostics.map((d) => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code)!,
                level: SARIF_LEVEL[d.severity],
                message: { text: d.message },
                locations: sarifLocations(c.design.file, d),
              }))
            : [],
        ),
      },
    ],
  };
}

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

// Workflow commands: `%`, CR and LF are escaped in the message; `:` and `,` too in properties.
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const ghProperty = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=…::message` line per problem (and per unreadable input). */
export function githubLines(all: readonly Checked[]): string[] {
  const lines: string[] = [];
  for (const c of all) {
    if (c.kind === 'unreadable') {
      lines.push(
        `::error${fileProperty(c.file)}title=unreadable::${ghData(terminalText(c.reason))}`,
      );
      continue;
    }
    for (const d of c.analysis.diagnostics) {
      const where =
        c.design.file === null
          ? ''
          : `file=${ghProperty(c.design.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},`;
      lines.push(
        `::${GITHUB_COMMAND[d.severity]} ${where}title=${ghProperty(d.code)}::${ghData(terminalText(d.message))}`,
      );
    }
  }
  return lines;
}

function fileProperty(file: string | null): string {
  return file === null ? ' ' : ` file=${ghProperty(file)},`;
}
