/** The header: the design's name, its validity, one undo history for both editors. */
import { HelpButton } from '../features/help/HelpDialog.tsx';
import { CURRENT_API_VERSION } from '../core/ui.ts';
import { ValidationStatus } from '../features/diagnostics/ValidationStatus.tsx';
import { DraftsMenu } from '../features/share/DraftsMenu.tsx';
import { ShareMenu } from '../features/share/ShareMenu.tsx';
import { TemplatesButton } from '../features/share/TemplatesDialog.tsx';
import { useDesigner } from '../state/store.ts';
import { selectCanRedo, selectCanUndo, selectDesignName } from '../state/selectors.ts';
import { undoRedo } from './keyboard.ts';
import { useEffect } from 'react';

export const EMPTY_DESIGN = `kind: AIchorManifest\napiVersion: "${CURRENT_API_VERSION}"\n`;

export function Header() {
  const name = useDesigner(selectDesignName);
  const canUndo = useDesigner(selectCanUndo);
  const canRedo = useDesigner(selectCanRedo);
  const load = useDesigner((s) => s.load);
  const comparing = useDesigner((s) => s.comparison !== null);
  const setCompareOpen = useDesigner((s) => s.setCompareOpen);
  // The tab says which design it holds, as an editor's says which file.
  useEffect(() => {
    document.title = `${name} · JobSet Designer`;
  }, [name]);
  return (
    <header className="app-header">
      <div className="title">
        <span className="product">JobSet Designer</span>
        <h1 title={name}>{name}</h1>
      </div>
      <div className="header-actions">
        <TemplatesButton />
        <DraftsMenu />
        <button
          type="button"
          onClick={() => load(EMPTY_DESIGN)}
          title="Start from an empty design (undo brings the current one back)"
        >
          New design
        </button>
        <button
          type="button"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={!canUndo}
          onClick={() => undoRedo('undo')}
        >
          ↶<span className="wide-only"> Undo</span>
        </button>
        <button
          type="button"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={!canRedo}
          onClick={() => undoRedo('redo')}
        >
          ↷<span className="wide-only"> Redo</span>
        </button>
        <button
          type="button"
          title="Compare this design with a template, a draft, a link or a file"
          aria-pressed={comparing}
          onClick={() => setCompareOpen(true)}
        >
          Compare
        </button>
        <ShareMenu />
        <HelpButton />
        <ValidationStatus />
      </div>
    </header>
  );
}
