import type { ThemeChoice } from '../settings';
import { type WriteResult, write } from '../write';

export function setTheme(theme: ThemeChoice): WriteResult {
  return write(() => ({ theme }));
}
