/**
 * Two YAML texts side by side in Monaco's diff editor, read-only, with stretches of each side
 * tinted (the comparison's added, removed and changed groups).
 */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup.ts';
import { followColorScheme, sharedOptions } from './theme.ts';
import './editor.css';

export interface Tinted {
  readonly start: number;
  readonly end: number;
  readonly tint: 'added' | 'removed' | 'changed';
}

interface Props {
  readonly original: string;
  readonly modified: string;
  readonly originalTints: readonly Tinted[];
  readonly modifiedTints: readonly Tinted[];
  readonly label: string;
}

let models = 0;

export default function DiffYaml({
  original,
  modified,
  originalTints,
  modifiedTints,
  label,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<ReturnType<typeof monaco.editor.createDiffEditor> | null>(null);

  useEffect(() => {
    const n = ++models;
    const a = monaco.editor.createModel(
      '',
      'yaml',
      monaco.Uri.parse(`inmemory://compare/${n}/a.yaml`),
    );
    const b = monaco.editor.createModel(
      '',
      'yaml',
      monaco.Uri.parse(`inmemory://compare/${n}/b.yaml`),
    );
    const diff = monaco.editor.createDiffEditor(host.current!, {
      ...sharedOptions(),
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      ariaLabel: label,
      originalAriaLabel: `${label}: A`,
      modifiedAriaLabel: `${label}: B`,
    });
    diff.setModel({ original: a, modified: b });
    // The construction options' side labels do not reach the inner editors: set them there.
    diff.getOriginalEditor().updateOptions({ ariaLabel: `${label}: A (read-only)` });
    diff.getModifiedEditor().updateOptions({ ariaLabel: `${label}: B (read-only)` });
    editor.current = diff;
    const stopTheme = followColorScheme();
    host.current!.dataset.ready = 'true';
    return () => {
      stopTheme();
      editor.current = null;
      diff.dispose();
      a.dispose();
      b.dispose();
    };
  }, [label]);

  useEffect(() => {
    const diff = editor.current;
    if (!diff) return;
    const models = diff.getModel()!;
    if (models.original.getValue() !== original) models.original.setValue(original);
    if (models.modified.getValue() !== modified) models.modified.setValue(modified);
    const decorate = (e: ReturnType<typeof diff.getOriginalEditor>, tints: readonly Tinted[]) => {
      const m = e.getModel()!;
      return e.createDecorationsCollection(
        tints.map((t) => {
          const s = m.getPositionAt(t.start);
          const end = m.getPositionAt(t.end);
          return {
            range: new monaco.Range(s.lineNumber, 1, end.lineNumber, 1),
            options: {
              isWholeLine: true,
              linesDecorationsClassName: `tint-bar tint-${t.tint}`,
              overviewRuler: {
                color: TINT_COLOURS[t.tint],
                position: monaco.editor.OverviewRulerLane.Left,
              },
            },
          };
        }),
      );
    };
    const da = decorate(diff.getOriginalEditor(), originalTints);
    const db = decorate(diff.getModifiedEditor(), modifiedTints);
    return () => {
      da.clear();
      db.clear();
    };
  }, [original, modified, originalTints, modifiedTints]);

  return <div ref={host} className="diff-yaml" data-testid="yaml-diff" />;
}

const TINT_COLOURS = { added: '#2e8540', removed: '#c62828', changed: '#b26a00' } as const;
