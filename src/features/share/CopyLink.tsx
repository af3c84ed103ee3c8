/** The "Copy link" button with the link's length, and what that means for chat tools. */
import { formatNumber } from '../../ui/format.ts';

function linkAdvice(length: number): string {
  if (length <= 2000) return 'Fine to paste anywhere.';
  if (length <= 4000) return 'Long: most tools keep it.';
  if (length <= 8000) return 'Some chat tools cut links this long.';
  return 'Too long for many tools: download the manifest and send the file instead.';
}

export function CopyLink({ onCopy }: { onCopy: () => void }) {
  const linkLength = location.href.length;
  return (
    <div className="share-link">
      <button type="button" onClick={onCopy}>
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
  );
}
