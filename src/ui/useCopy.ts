/**
 * Copying a text to the clipboard from a button: `copied` says so for two seconds (the button's
 * label changes); a refusal by the browser goes to `onRefused` (a notice), never a silent failure.
 */
import { useEffect, useRef, useState } from 'react';

export function useCopy(onRefused: (message: string) => void) {
  const [copied, setCopied] = useState(false);
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), 2000);
    } catch {
      onRefused(`Could not copy ${what}: the browser refused access to the clipboard.`);
    }
  };
  return { copied, copy };
}
