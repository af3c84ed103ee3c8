/** The editors' colours: Monaco's own themes, raised to the app's contrast, following the OS scheme. */
import { monaco } from './monacoSetup.ts';

const dark = window.matchMedia('(prefers-color-scheme: dark)');
export const themeNow = () => (dark.matches ? 'jobset-dark' : 'jobset-light');

// Monaco's own themes miss WCAG AA in places (dark comments 4.2:1, faint line numbers): ours
// keep its colours and raise those to the app's text colours (4.5:1 or more on the editor).
monaco.editor.defineTheme('jobset-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editorLineNumber.foreground': '#5b6475',
    'editorLineNumber.activeForeground': '#1d2330',
    'editorLineNumber.dimmedForeground': '#5b6475',
    // A hovered sticky line (the keys above the view) keeps the editor's background: Monaco's
    // grey takes the YAML keys' teal under 4.5:1 (4.18).
    'editorStickyScrollHover.background': '#fffffe',
  },
});
monaco.editor.defineTheme('jobset-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8cb87c' }],
  colors: {
    'editorLineNumber.foreground': '#9aa3b2',
    'editorLineNumber.activeForeground': '#e6e9ef',
    'editorLineNumber.dimmedForeground': '#9aa3b2',
  },
});

/** Keeps every editor's theme in step with the OS colour scheme; returns the stop. */
export function followColorScheme(): () => void {
  const onTheme = () => monaco.editor.setTheme(themeNow());
  dark.addEventListener('change', onTheme);
  return () => dark.removeEventListener('change', onTheme);
}

/** What every editor of the designer shares: its look, its size, and the wheel left to the page at the ends. */
export const sharedOptions = () =>
  ({
    theme: themeNow(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    // At the top or the end of the text, the wheel scrolls the page on.
    scrollbar: { alwaysConsumeMouseWheel: false },
  }) satisfies monaco.editor.IEditorOptions & { theme: string };
