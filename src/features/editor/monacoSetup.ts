/**
 * Monaco, bundled (never from a CDN), with monaco-yaml for completion and hover docs from the
 * same JSON Schema the core checks with. monaco-yaml's own validation is off: the core's
 * diagnostics are the markers, so the editor, the form and the CLI say the same thing.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { MANIFEST_SCHEMA } from '../../core/manifest/schema.ts';

export const MODEL_URI = 'file:///manifest.yaml';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    switch (label) {
      case 'yaml':
        return new YamlWorker();
      case 'editorWorkerService':
        return new EditorWorker();
      default:
        throw new Error(`No worker for Monaco label "${label}"`);
    }
  },
};

/**
 * monaco-yaml registers a provider for every language feature it has. We use its completion and
 * hover; the others (code actions, symbols, links, folding, rename, …) would have its worker
 * parse the whole document again on every change or cursor move (seconds of CPU per keystroke in
 * a 20,000-line design), for features the designer provides itself or does without. Those
 * registrations are skipped.
 */
const unused = [
  'registerCodeActionProvider',
  'registerCodeLensProvider',
  'registerDefinitionProvider',
  'registerDocumentSymbolProvider',
  'registerFoldingRangeProvider',
  'registerLinkProvider',
  'registerOnTypeFormattingEditProvider',
  'registerRenameProvider',
  'registerSelectionRangeProvider',
] as const;
const skip = () => ({ dispose() {} });
const monacoForYaml = {
  ...monaco,
  languages: {
    ...monaco.languages,
    ...Object.fromEntries(unused.map((name) => [name, skip])),
  },
} as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: false,
  completion: true,
  hover: true,
  schemas: [
    {
      // An id only: the schema is given inline and never fetched.
      uri: 'https://jobset-designer.local/manifest.schema.json',
      fileMatch: [MODEL_URI],
      schema: MANIFEST_SCHEMA as JSONSchema,
    },
  ],
});

export { monaco };

/**
 * Monaco cancels the work in flight of an editor it disposes (a view switched away), rejecting
 * its promise with a cancellation error that nobody awaits any more. Monaco's own error handler
 * treats those as expected (`isCancellationError`); so does the page, and only those.
 */
window.addEventListener('unhandledrejection', (e) => {
  const r: unknown = e.reason;
  if (r instanceof Error && r.name === 'Canceled' && r.message === 'Canceled') e.preventDefault();
});
