/**
 * Paging for long lists (a design may have thousands of groups or a million pods): the items of
 * one page at a time, and the controls to move between pages.
 */
import { formatNumber } from './format.ts';
import './ui.css';

export function Pager({
  label,
  page,
  pages,
  setPage,
}: {
  /** What is paged, for the controls' names: "Pages of worker". */
  label: string;
  page: number;
  pages: number;
  setPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <div className="pager" role="group" aria-label={`Pages of ${label}`}>
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
        Previous
      </button>
      <label>
        Page{' '}
        <input
          type="number"
          min={1}
          max={pages}
          value={page + 1}
          aria-label={`Page of ${label}`}
          onChange={(e) => {
            const n = Math.floor(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1) setPage(Math.min(pages, n) - 1);
          }}
        />{' '}
        of {formatNumber(pages)}
      </label>
      <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
        Next
      </button>
    </div>
  );
}
