/** Messages about links, files and storage, until dismissed. */
import { useDesigner } from '../state/store.ts';

export function Notices() {
  const notices = useDesigner((s) => s.notices);
  const dismiss = useDesigner((s) => s.dismiss);
  const engine = useDesigner((s) => s.engineNotice);
  if (!notices.length && !engine) return null;
  return (
    <div className="notices">
      {engine && (
        <p className="notice" role="alert">
          {engine}
        </p>
      )}
      {notices.map((n) => (
        <p
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
