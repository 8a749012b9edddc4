import type { ConnectOptions } from '../aws/db/client';
import { AuthenticationError, ConnectionError, DatabaseError } from '../aws/db/errors';
import type { Emulator } from '../aws/emulator';
import { parseDuration } from '../aws/scheduler/duration';

/**
 * The course's own modules that learner code may import, bound to the run's emulator:
 * - `@lab/clock` reads and moves simulated time (moving it runs what falls due: scheduled
 *   rotations, ends of recovery windows, parameter policies, extension cache expiry);
 * - `@pettracker/db` connects to the simulated PetTracker database:
 *   `const db = await connect({ host, port, user, password, database })`, then
 *   `await db.query(sql, params)` → `{ rows }`, `await db.close()`. A wrong password rejects with
 *   an `AuthenticationError` (`password authentication failed for user "x"`).
 */
export function courseModules(emulator: Emulator): Record<string, unknown> {
  return {
    '@lab/clock': {
      now: () => emulator.clock.now(),
      // Synchronous when nothing falls due on the way (so `advance('2 days')` without await still
      // moves Date.now()); otherwise a promise that resolves once the due events have run.
      advance: (duration: number | string): void | Promise<void> => {
        const target = emulator.clock.now() + parseDuration(duration);
        if (emulator.work.pending === 0 && !emulator.scheduler.next(target)) return emulator.clock.set(target);
        return emulator.advance(duration);
      },
    },
    '@pettracker/db': {
      connect: (options: ConnectOptions) => emulator.connectDatabase(options),
      AuthenticationError,
      ConnectionError,
      DatabaseError,
    },
  };
}
