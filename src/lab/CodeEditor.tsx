import Editor, { type OnMount } from '@monaco-editor/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../store/store';
import { useDarkMode } from '../ui/theme';
import { loadSdkTypes, monaco } from './monacoSetup';

export interface CodeEditorProps {
  /** Distinct per exercise, so each keeps its own model (undo history, markers). */
  path: string;
  value: string;
  onChange(value: string): void;
  onRun(): void;
  /** A line to mark as the error of the last run (1-based). */
  errorLine?: number;
  errorMessage?: string;
  /** Changing this moves the cursor to `line` and focuses the editor (the "line 12" link of an error). */
  reveal?: { line: number; nonce: number };
}

/**
 * Monaco with the course's TypeScript setup. Lazy-loaded with the lab route. Memoised (with
 * stable props from the workbench): a run's start and end draw the results, not the editor.
 */
export default memo(CodeEditor);

function CodeEditor({ path, value, onChange, onRun, errorLine, errorMessage, reveal }: CodeEditorProps) {
  const dark = useDarkMode();
  const settings = useAppStore((s) => s.editor);
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const runRef = useRef(onRun);
  runRef.current = onRun;

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
    void loadSdkTypes();
  };

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'sandbox',
      errorLine && errorMessage
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: errorMessage,
              startLineNumber: errorLine,
              endLineNumber: errorLine,
              startColumn: 1,
              endColumn: model.getLineMaxColumn(Math.min(errorLine, model.getLineCount())),
            },
          ]
        : [],
    );
  }, [errorLine, errorMessage]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [reveal]);

  const options = useMemo(
    () => ({
      fontSize: settings.fontSize,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: 2,
      accessibilitySupport: settings.accessibility ? ('on' as const) : ('auto' as const),
      tabFocusMode: settings.tabMovesFocus,
      ariaLabel: 'Code editor: your TypeScript. Press Control+Enter to run.',
      renderLineHighlight: 'line' as const,
      fixedOverflowWidgets: true,
    }),
    [settings],
  );

  return (
    <Editor
      path={path}
      defaultLanguage="typescript"
      value={value}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange(v ?? '')}
      onMount={onMount}
      loading={<div className="editor-loading">Loading the editor…</div>}
      options={options}
    />
  );
}
