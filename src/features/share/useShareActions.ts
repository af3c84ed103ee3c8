/**
 * What the Share menu does: copy to the clipboard (saying what was copied), download the manifest
 * (asking first while it has errors) and download its JSON.
 */
import { useState } from 'react';
import { jsonOf } from '../../core/ui.ts';
import { download, fileStem } from '../../ui/download.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDesignName, selectDiagnostics } from '../../state/selectors.ts';

/** `close` closes the menu (and gives focus back to its button) after a download. */
export function useShareActions(close: () => void) {
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const diagnostics = useDesigner(selectDiagnostics);
  const name = useDesigner(selectDesignName);
  const notify = useDesigner((s) => s.notify);
  const errors = diagnostics?.filter((d) => d.severity === 'error') ?? [];

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

  return { copied, copy, errors, confirming, setConfirming, saveManifest, saveJson };
}
