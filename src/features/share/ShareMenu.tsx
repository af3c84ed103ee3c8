/**
 * "Share": copy the link (with its length, and what that means for chat tools), download the
 * manifest exactly as written (asking first while it has errors), download JSON, copy YAML,
 * open a file.
 */
import { useRef } from 'react';
import { useDesigner } from '../../state/store.ts';
import { usePopover } from '../../ui/usePopover.ts';
import { CopyLink } from './CopyLink.tsx';
import { ManifestErrorsConfirm } from './ManifestErrorsConfirm.tsx';
import { openFile } from './openFile.ts';
import { ShareActions } from './ShareActions.tsx';
import { useShareActions } from './useShareActions.ts';
import './share.css';

export function ShareMenu() {
  const { open, setOpen, close, box, button } = usePopover();
  const { copied, copy, errors, confirming, setConfirming, saveManifest, saveJson } =
    useShareActions(close);
  const fileInput = useRef<HTMLInputElement>(null);

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
          <CopyLink onCopy={() => void copy(location.href, 'link')} />
          {copied && (
            <p role="status" className="note">
              Copied the {copied}.
            </p>
          )}
          <ShareActions
            errorCount={errors.length}
            onDownloadManifest={() => (errors.length ? setConfirming(true) : saveManifest())}
            onDownloadJson={saveJson}
            onCopyYaml={() => void copy(useDesigner.getState().text, 'YAML')}
            onOpenFile={() => fileInput.current?.click()}
          />
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
        <ManifestErrorsConfirm
          errors={errors}
          onConfirm={saveManifest}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
