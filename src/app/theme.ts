import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/store';

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function subscribeSystem(cb: () => void) {
  const mq = query();
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
}

/** True when the page is dark: the learner's choice, or the system's when they chose "system". */
export function useDarkMode(): boolean {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(
    subscribeSystem,
    () => query()?.matches ?? false,
    () => false,
  );
  return choice === 'dark' || (choice === 'system' && systemDark);
}

/** Keeps `<html data-theme>` in step with the choice, for the stylesheet. */
export function useApplyTheme(): void {
  const dark = useDarkMode();
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
}
