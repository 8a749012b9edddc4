import { setEditorSettings } from '../store/actions';
import { useAppStore } from '../store/store';
import { ConfirmButton } from '../ui/ConfirmButton';

/** Run, the instructor-preview note, Reset to starter and the editor's settings. */
export function LabToolbar(props: { running: boolean; preview: boolean; onRun(): void; onReset(): void }) {
  const editorSettings = useAppStore((s) => s.editor);
  return (
    <div className="lab-toolbar">
      <button
        type="button"
        className="button button-primary"
        onClick={props.onRun}
        disabled={props.running}
        aria-keyshortcuts="Control+Enter"
      >
        {props.running ? 'Running…' : '▶ Run'}
      </button>
      <span className="muted kbd-hint">Ctrl+Enter</span>
      {props.preview && (
        <p className="lab-preview-note">
          <span className="badge" role="note">
            Solution loaded (instructor preview): not saved unless you edit it
          </span>
        </p>
      )}
      <ConfirmButton
        className="button button-compact"
        label="Reset to starter"
        question="Replace your code with the starter code? Your current code will be lost."
        confirm="Reset"
        onConfirm={props.onReset}
      />
      <details className="editor-settings">
        <summary>Editor</summary>
        <label>
          <input
            type="checkbox"
            checked={editorSettings.accessibility}
            onChange={(e) => setEditorSettings({ accessibility: e.target.checked })}
          />{' '}
          Screen reader mode
        </label>
        <label>
          <input
            type="checkbox"
            checked={editorSettings.tabMovesFocus}
            onChange={(e) => setEditorSettings({ tabMovesFocus: e.target.checked })}
          />{' '}
          Tab moves focus
        </label>
      </details>
    </div>
  );
}
