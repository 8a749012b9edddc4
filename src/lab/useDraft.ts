import { useCallback, useEffect, useRef, useState } from 'react';
import { discardDraft, saveDraft } from '../store/actions';
import { useAppStore } from '../store/store';
import { onBeforeReload } from '../ui/flushBeforeReload';

/**
 * The code in the editor and its draft: saved as the learner types (debounced), at once when the
 * page goes away (an update's reload, a close, a hidden tab) and when the workbench unmounts.
 * `initial`: the instructor preview starts from the solution, which becomes a draft only once edited.
 */
export function useDraft(slug: string, starter: string, initial: string | undefined) {
  const draft = useAppStore((s) => s.drafts[slug]?.code);
  const preview = initial !== undefined;
  const edited = useRef(false);
  const [code, setCode] = useState(initial ?? draft ?? starter);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const codeRef = useRef(code);
  codeRef.current = code;

  // Stable, so the editor (memoised) is not drawn again for a render of the page.
  const onChange = useCallback(
    (value: string) => {
      edited.current = true;
      // At once, not at the next render: Ctrl+Enter right after typing must run what was typed.
      codeRef.current = value;
      setCode(value);
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => saveDraft(slug, value), 300);
    },
    [slug],
  );
  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      if (preview && !edited.current) return;
      if (codeRef.current !== starter || useAppStore.getState().drafts[slug]) saveDraft(slug, codeRef.current);
    },
    [slug, starter, preview],
  );
  useEffect(
    () =>
      onBeforeReload(() => {
        clearTimeout(saveTimer.current);
        if (edited.current) saveDraft(slug, codeRef.current);
      }),
    [slug],
  );
  /** Back to the starter (the editor is controlled: the new value stays undoable there). */
  const reset = () => {
    discardDraft(slug);
    setCode(starter);
  };
  return { code, codeRef, edited, onChange, reset };
}
