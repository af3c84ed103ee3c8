/**
 * "Share": copy the link (with its length, and what that means for chat tools), download the
 * manifest exactly as written (asking first while it has errors), download JSON, copy YAML,
 * open a file.
 */
import { formatNumber } from '../../ui/format.ts';
import { useRef, useState } from 'react';
import { jsonOf } from '../../core/ui.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { download, fileStem } from '../../ui/download.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDesignName, selectDiagnostics } from '../../state/selectors.ts';
import { usePopover } from '../../ui/usePopover.ts';
import { openFile } from './openFile.ts';
import './share.css';

function linkAdvice(length: number): string {
  if (length <= 2000) return 'Fine to paste anywhere.';
  if (length <= 4000) return 'Long: most tools keep it.';
  if (length <= 8000) return 'Some chat tools cut links this long.';
  return 'Too long for many tools: download the manifest and send the file instead.';
}

export function ShareMenu() {
  const { open, setOpen, close, box, button } = usePopover();
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const diagnostics = useDesigner(selectDiagnostics);
  const name = useDesigner(selectDesignName);
  const notify = useDesigner((s) => s.notify);
  const errors = diagnostics?.filter((d) => d.severity === 'error') ?? [];
  const linkLength = location.href.length;

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      notify(`Could not copy the ${what}: the browser refused access to the clipboard.`, 'error');
    }
  };
  const saveManifest = () => {
    download(
      new Blob([useDesigner.getState().text], { type: 'application/yaml' }),
      'manifest.yaml',
    );
    setConfirming(false);
    close();
  };
  /** The manifest's data as the core read it (merge keys resolved, as the platform reads them). */
  const saveJson = () => {
    const s = useDesigner.getState();
    const a = s.analysis;
    if (!a || a.syntaxError || s.analysisVersion !== s.version) {
      notify(
        a?.syntaxError
          ? 'The YAML has a syntax error, so it has no JSON form yet. Fix it first.'
          : 'The design is still being checked; try again in a moment.',
        'error',
      );
      return;
    }
    download(new Blob([jsonOf(a.data)], { type: 'application/json' }), `${fileStem(name)}.json`);
  };

  return (
    <div className="share" ref={box}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="share-menu"
        onClick={() => setOpen(!open)}
      >
        Share
      </button>
      {open && (
        <div
          id="share-menu"
          className="popover share-menu"
          role="dialog"
          aria-label="Share and export"
        >
          <div className="share-link">
            <button type="button" onClick={() => void copy(location.href, 'link')}>
              Copy link
            </button>
            <meter
              min={0}
              max={10000}
              low={2000}
              high={4000}
              optimum={0}
              value={linkLength}
              aria-label="Link length"
            />
            <span className="note">
              {formatNumber(linkLength)} characters. {linkAdvice(linkLength)}
            </span>
          </div>
          {copied && (
            <p role="status" className="note">
              Copied the {copied}.
            </p>
          )}
          <div className="share-actions">
            <button
              type="button"
              onClick={() => (errors.length ? setConfirming(true) : saveManifest())}
            >
              {errors.length
                ? `Download manifest (${errors.length} error${errors.length === 1 ? '' : 's'})`
                : 'Download manifest'}
            </button>
            <button type="button" onClick={saveJson}>
              Download JSON
            </button>
            <button type="button" onClick={() => void copy(useDesigner.getState().text, 'YAML')}>
              Copy YAML
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Open file…
            </button>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            hidden
            aria-label="Open a manifest file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
              e.target.value = '';
              close();
            }}
          />
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Download a manifest with errors?"
          confirm="Download anyway"
          onConfirm={saveManifest}
          onCancel={() => setConfirming(false)}
        >
          <p>The platform would reject this manifest:</p>
          <ul>
            {errors.slice(0, 8).map((d, i) => (
              <li key={i}>
                Line {d.line}: {d.message}
              </li>
            ))}
            {errors.length > 8 && <li>…and {errors.length - 8} more</li>}
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}
