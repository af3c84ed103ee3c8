/**
 * The one list of diagnostics with their one-click fixes (the same fixes as the editor's quick
 * fixes): compact beside a figure (message and fixes), or, given `locate`, the Problems list's
 * full line (where, severity, code, message and path) that goes to the diagnostic's place.
 */
import type { ReactNode } from 'react';
import { formatPath, type Diagnostic, type Fix } from '../core/ui.ts';
import './ui.css';

/** Where a diagnostic can be shown, and how to go there. */
export interface Locate {
  /** True when the form has a field for the diagnostic's path. */
  inForm(path: Diagnostic['path']): boolean;
  /** Where a click on the line goes: the form when it has the field and is the editor shown. */
  preferred(path: Diagnostic['path']): 'yaml' | 'form';
  go(d: Diagnostic, target: 'yaml' | 'form'): void;
}

export function LintList({
  items,
  label,
  onFix,
  locate,
}: {
  items: readonly Diagnostic[];
  label: string;
  onFix: (fix: Fix) => void;
  locate?: Locate;
}) {
  if (!items.length) return null;
  return (
    <ul className={locate ? 'problems-list' : 'lints'} aria-label={label}>
      {items.map((d, i) => (
        <li key={`${d.start}-${d.code}-${i}`} className={`diagnostic diagnostic-${d.severity}`}>
          {locate ? (
            <Located d={d} locate={locate}>
              <Fixes d={d} onFix={onFix} />
            </Located>
          ) : (
            <>
              <span>{d.message}</span>
              <Fixes d={d} onFix={onFix} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Fixes({ d, onFix }: { d: Diagnostic; onFix: (fix: Fix) => void }) {
  return d.fixes?.map((fix) => (
    <button key={fix.title} type="button" onClick={() => onFix(fix)}>
      {fix.title}
    </button>
  ));
}

function Located({ d, locate, children }: { d: Diagnostic; locate: Locate; children: ReactNode }) {
  return (
    <>
      <button type="button" className="jump" onClick={() => locate.go(d, locate.preferred(d.path))}>
        <span className="where">
          {d.line}:{d.column}
        </span>{' '}
        <span className="severity">{d.severity}</span> <code>{d.code}</code>{' '}
        <span className="message">{d.message}</span>
        {d.path.length > 0 && <span className="path"> ({formatPath(d.path)})</span>}
      </button>
      <span className="diagnostic-actions">
        {locate.inForm(d.path) && (
          <button type="button" onClick={() => locate.go(d, 'form')}>
            Show in form
          </button>
        )}
        {children}
      </span>
    </>
  );
}
