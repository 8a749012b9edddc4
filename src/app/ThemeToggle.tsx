import { setTheme } from '../store/actions';
import type { ThemeChoice } from '../store/settings';
import { useAppStore } from '../store/store';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the choice is remembered. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`${LABEL[theme]} (switch to ${LABEL[NEXT[theme]].toLowerCase()})`}
      title={LABEL[theme]}
      data-theme-choice={theme}
    >
      <span aria-hidden="true">{ICON[theme]}</span>
    </button>
  );
}
