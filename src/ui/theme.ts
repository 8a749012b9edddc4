import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/store';

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function subscribeSystem(cb: () => void) {
  const mq = query();
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
}

const isDark = (choice: string, systemDark: boolean) => choice === 'dark' || (choice === 'system' && systemDark);

/** True when the page is dark: the learner's choice, or the system's when they chose "system". */
export function useDarkMode(): boolean {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(
    subscribeSystem,
    () => query()?.matches ?? false,
    () => false,
  );
  return isDark(choice, systemDark);
}

/** The same, read once outside React (at start-up, before the first render). */
export function isDarkNow(): boolean {
  return isDark(useAppStore.getState().theme, query()?.matches ?? false);
}

/** Keeps `<html data-theme>` in step with the choice, for the stylesheet. */
export function useApplyTheme(): void {
  const dark = useDarkMode();
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
}
