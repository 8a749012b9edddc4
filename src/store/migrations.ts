import { quizDefaults } from './quiz';

/**
 * Saved state carries a schema version. Each migration takes the state saved by version N and
 * returns what version N+1 expects; they run in order, so state from any earlier version loads.
 */
export const STORE_VERSION = 2;

const steps: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {
  // 0 → 1: the first release stored read lessons as a list of slugs.
  0: (s) => ({
    ...s,
    lessonsRead: Array.isArray(s.lessonsRead)
      ? Object.fromEntries((s.lessonsRead as string[]).map((slug) => [slug, 0]))
      : (s.lessonsRead ?? {}),
  }),
  // 1 → 2: the quiz slice (attempt history, attempts in progress, FSRS cards, latest outcomes).
  1: (s) => ({ ...quizDefaults(), ...s }),
};

export function migrate(persisted: unknown, fromVersion: number): Record<string, unknown> {
  let state = persisted && typeof persisted === 'object' ? { ...(persisted as Record<string, unknown>) } : {};
  for (let v = fromVersion; v < STORE_VERSION; v++) state = steps[v]?.(state) ?? state;
  return state;
}
