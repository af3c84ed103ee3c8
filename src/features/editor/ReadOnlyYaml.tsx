/**
 * A read-only Monaco editor for derived text (the JobSet, the pod program): folding, search and colours as in the
 * manifest editor, on a model of its own that no schema is attached to. Keeps its scroll position
 * when the text changes under it.
 */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup.ts';
import { followColorScheme, sharedOptions } from './theme.ts';
import './editor.css';

interface Props {
  readonly text: string;
  readonly label: string;
  /** Monaco's language id: YAML by default (the JobSet), `python` for the pod program. */
  readonly language?: string;
}

let models = 0;

export default function ReadOnlyYaml({ text, label, language = 'yaml' }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create> | null>(null);

  useEffect(() => {
    const model = monaco.editor.createModel(
      '',
      language,
      monaco.Uri.parse(`inmemory://derived/${++models}.${language === 'yaml' ? 'yaml' : 'txt'}`),
    );
    const editor = monaco.editor.create(host.current!, {
      ...sharedOptions(),
      model,
      ariaLabel: label,
      readOnly: true,
      domReadOnly: true,
      folding: true,
      foldingStrategy: 'indentation',
      codeLens: false,
      links: false,
      renderValidationDecorations: 'off',
      // Read, not edited: long commands and comments wrap, indented as their line.
      wordWrap: 'on',
      wrappingIndent: 'same',
    });
    editorRef.current = editor;
    const stopTheme = followColorScheme();
    host.current!.dataset.ready = 'true';
    return () => {
      stopTheme();
      editorRef.current = null;
      editor.dispose();
      model.dispose();
    };
  }, [label, language]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === text) return;
    const top = editor.getScrollTop();
    model.setValue(text);
    editor.setScrollTop(top);
  }, [text]);

  return <div ref={host} className="monaco-host readonly-yaml" data-testid="jobset-yaml" />;
}
