/** The Share menu's action buttons; the manifest's button says how many errors it has. */
interface Props {
  errorCount: number;
  onDownloadManifest: () => void;
  onDownloadJson: () => void;
  onCopyYaml: () => void;
  onOpenFile: () => void;
}

export function ShareActions({
  errorCount,
  onDownloadManifest,
  onDownloadJson,
  onCopyYaml,
  onOpenFile,
}: Props) {
  return (
    <div className="share-actions">
      <button type="button" onClick={onDownloadManifest}>
        {errorCount
          ? `Download manifest (${errorCount} error${errorCount === 1 ? '' : 's'})`
          : 'Download manifest'}
      </button>
      <button type="button" onClick={onDownloadJson}>
        Download JSON
      </button>
      <button type="button" onClick={onCopyYaml}>
        Copy YAML
      </button>
      <button type="button" onClick={onOpenFile}>
        Open file…
      </button>
    </div>
  );
}
