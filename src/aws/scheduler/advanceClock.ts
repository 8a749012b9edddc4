import type { SimClock } from '../core/clock';
import type { Scheduler } from './scheduler';
import type { WorkQueue } from './workQueue';

/** Beyond this many events in one move, something keeps re-arming itself: stop with an error. */
const MAX_EVENTS = 100_000;

export interface ClockHost {
  clock: SimClock;
  scheduler: Scheduler;
  work: WorkQueue;
}

/**
 * Moves simulated time to `target`, running every event that falls due on the way in order of
 * due time: the clock stops at each event's time, the event runs (and is awaited), then time
 * moves on. Work already queued (a rotation RotateSecret started) finishes first, at the time it
 * was queued. Time never runs backwards.
 */
export async function advanceClockTo(host: ClockHost, target: number): Promise<void> {
  if (!Number.isFinite(target)) throw new RangeError(`Invalid time: ${target}`);
  if (target < host.clock.now()) throw new RangeError('The simulated clock cannot run backwards');
  await host.work.idle();
  for (let i = 0; i < MAX_EVENTS; i++) {
    const event = host.scheduler.next(target);
    if (!event) {
      host.clock.set(target);
      return;
    }
    if (event.time > host.clock.now()) host.clock.set(event.time);
    await event.run();
    await host.work.idle();
  }
  throw new Error(`More than ${MAX_EVENTS} scheduled events before ${new Date(target).toISOString()}`);
}
