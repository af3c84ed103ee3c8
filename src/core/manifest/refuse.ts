/**
 * What is refused before the YAML library is given the text: what could make it run out of
 * stack or memory (parse.ts), found in one linear pass over the raw text.
 */
import type { DiagnosticCode } from '../diagnostics.ts';
import { num } from '../format.ts';
import { LIMITS } from './limits.ts';

export interface Refusal {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly at: number;
}

/** One linear pass over the raw text, before any YAML parsing. */
export function refuse(text: string): Refusal | null {
  if (text.length > LIMITS.maxChars) {
    return {
      code: 'input-too-large',
      message: `The manifest is ${num(text.length)} characters; the limit is ${num(LIMITS.maxChars)}. A manifest this large is not a real design.`,
      at: 0,
    };
  }
  // Brackets are counted without tracking quotes: a false alarm needs 64 unclosed brackets in
  // strings, while a missed count could let the library exhaust the stack.
  let lineStart = 0;
  let flow = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10) {
      // Effective indentation: leading spaces plus compact block indicators (`- `, `? `).
      let j = lineStart;
      while (j < i) {
        const c = text.charCodeAt(j);
        const next = text.charCodeAt(j + 1);
        if (c === 32 || c === 9) j++;
        else if ((c === 45 || c === 63) && (next === 32 || next === 9)) j += 2;
        else break;
      }
      if (j - lineStart > LIMITS.maxIndent) {
        return {
          code: 'nesting-too-deep',
          message: `A line is indented or nested more than ${LIMITS.maxIndent} columns deep; a manifest never needs that. Flatten the structure.`,
          at: lineStart,
        };
      }
      lineStart = i + 1;
    } else if (ch === 35 && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      // A comment: skip to the end of the line, brackets in it do not count.
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (ch === 91 || ch === 123) {
      if (++flow > LIMITS.maxDepth) {
        return {
          code: 'nesting-too-deep',
          message: `Brackets are nested more than ${LIMITS.maxDepth} levels deep; a manifest never needs that. Flatten the structure.`,
          at: i,
        };
      }
    } else if ((ch === 93 || ch === 125) && flow > 0) flow--;
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
