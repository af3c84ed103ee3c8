import { useEffect, useState } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The system colour scheme, following live changes (canvases repaint with it). */
export function useColorScheme(): 'light' | 'dark' {
  // The build's first page is rendered without a window: light, as its canvases are drawn later.
  const [dark, setDark] = useState(() => typeof window !== 'undefined' && query().matches);
  useEffect(() => {
    const q = query();
    const on = () => setDark(q.matches);
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return dark ? 'dark' : 'light';
}
