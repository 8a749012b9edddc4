import { setTheme } from '../store/actions';
import { useDarkMode } from '../ui/theme';

const systemDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/**
 * "Dark theme", a toggle button (aria-pressed): every click visibly switches the page. Switching to
 * what the system shows stores "system", so the page follows the system again from there; the
 * other way stores the explicit choice. The choice is remembered. (`data-learner`: its state is
 * the learner's, left out of a prerendered page: src/lesson/build/prerenderPlugin.ts.)
 */
export function ThemeToggle() {
  const dark = useDarkMode();
  const toggle = () => {
    const next = !dark;
    setTheme(next === systemDark() ? 'system' : next ? 'dark' : 'light');
  };
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={toggle}
      aria-pressed={dark}
      aria-label="Dark theme"
      data-learner
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
    >
      <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
    </button>
  );
}
