import type { Emulator } from '../aws/emulator';
import { parseDuration } from './checkKit';

/**
 * The course's own modules that learner code may import, bound to the run's emulator:
 * `@lab/clock` reads and moves simulated time.
 */
export function courseModules(emulator: Emulator): Record<string, unknown> {
  return {
    '@lab/clock': {
      now: () => emulator.clock.now(),
      advance: (duration: number | string) => emulator.clock.advance(parseDuration(duration)),
    },
  };
}
