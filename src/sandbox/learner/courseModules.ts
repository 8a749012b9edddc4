import { AuthenticationError, ConnectionError, DatabaseError } from '../../aws/db/errors';
import { parseDuration } from '../../aws/scheduler/duration';
import type { CourseCall } from '../protocol';

/** The learner realm's view of simulated time: set from every grader message, moved by `advance`. */
export interface LearnerClock {
  now(): number;
  /** Moves the local clock at once (never backwards). */
  moveTo(ms: number): void;
}

/**
 * The course's own modules that learner code may import. They hold nothing: each call goes to the
 * grader, which owns the emulator.
 * - `@lab/clock` reads and moves simulated time. `advance('2 days')` moves `Date.now()` at once and
 *   resolves once what fell due on the way (scheduled rotations, ends of recovery windows,
 *   parameter policies, extension cache expiry) has run in the emulator;
 * - `@pettracker/db` connects to the simulated PetTracker database:
 *   `const db = await connect({ host, port, user, password, database })`, then
 *   `await db.query(sql, params)` → `{ rows }`, `await db.close()`. A wrong password rejects with
 *   an `AuthenticationError` (`password authentication failed for user "x"`).
 */
export function courseModules(
  clock: LearnerClock,
  call: (name: CourseCall, args: unknown[]) => Promise<unknown>,
): Record<string, unknown> {
  return {
    '@lab/clock': {
      now: () => clock.now(),
      advance: (duration: number | string): Promise<void> => {
        const to = clock.now() + parseDuration(duration);
        clock.moveTo(to);
        return call('clock.advance', [to]).then(() => undefined);
      },
    },
    '@pettracker/db': {
      connect: async (options: unknown) => {
        const id = (await call('db.connect', [options]).catch(rethrowDatabaseError)) as number;
        return {
          query: (sql: string, params: unknown[] = []) =>
            call('db.query', [id, String(sql), params]).catch(rethrowDatabaseError),
          close: () => call('db.close', [id]).then(() => undefined),
        };
      },
      AuthenticationError,
      ConnectionError,
      DatabaseError,
    },
  };
}

/** A database error from the grader becomes an instance of the class learner code imported. */
function rethrowDatabaseError(e: unknown): never {
  if (e instanceof Error) {
    const classes: Record<string, { prototype: object }> = { AuthenticationError, ConnectionError, DatabaseError };
    const cls = Object.hasOwn(classes, e.name) ? classes[e.name] : undefined;
    if (cls) Object.setPrototypeOf(e, cls.prototype);
  }
  throw e;
}
