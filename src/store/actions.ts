import { type ThemeChoice } from './settings';
import { useAppStore } from './store';

export function markLessonRead(slug: string, read: boolean, now = Date.now()): void {
  useAppStore.setState((s) => {
    const lessonsRead = { ...s.lessonsRead };
    if (read) lessonsRead[slug] = now;
    else delete lessonsRead[slug];
    return { lessonsRead };
  });
}

export function setTheme(theme: ThemeChoice): void {
  useAppStore.setState({ theme });
}
