/** The page in view of a long list: which items it holds, and how to move. */
import { useState } from 'react';

/** The page in view of `total` items, `size` a page (the page shrinks back when items go). */
export function usePage(total: number, size: number) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pages - 1);
  return {
    page: current,
    pages,
    from: current * size,
    to: Math.min(total, (current + 1) * size),
    setPage,
  };
}
