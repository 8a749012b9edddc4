import { CronError, nextCronTime, parseCron } from './cron';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface RotationRulesLike {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}

const RATE = /^rate\((\d+) (hours?|days?)\)$/;

/**
 * Whether a ScheduleExpression is one Secrets Manager accepts: `rate(N hours|days)` or a
 * six-field `cron(...)`. Returns the reason when it is not.
 */
export function scheduleExpressionProblem(expression: string): string | undefined {
  const rate = expression.match(RATE);
  if (rate) return Number(rate[1]) >= 1 ? undefined : 'A rate() expression needs a positive value.';
  if (!/^cron\(.*\)$/s.test(expression)) return 'The ScheduleExpression is not a valid rate() or cron() expression.';
  try {
    parseCron(expression);
    return undefined;
  } catch (e) {
    if (e instanceof CronError) return `The cron() expression is not valid: ${e.message}.`;
    throw e;
  }
}

/**
 * The start of the next rotation window after `fromMs` (the last rotation, or the moment rotation
 * was configured). Secrets Manager rotates "at any time during the window"; the simulation's
 * choice is the window's start, so the same schedule always rotates at the same simulated time.
 * - AutomaticallyAfterDays N and rate(N days): the UTC day N days after `fromMs` (a day-long
 *   window unless Duration shortens it, so the window starts at that day's midnight);
 * - rate(N hours): N hours after `fromMs`;
 * - cron(...): the next minute the expression matches.
 */
export function nextRotationDate(rules: RotationRulesLike | undefined, fromMs: number): number | undefined {
  if (!rules) return undefined;
  const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
  if (rules.AutomaticallyAfterDays !== undefined) return dayStart(fromMs) + rules.AutomaticallyAfterDays * DAY_MS;
  const expression = rules.ScheduleExpression;
  if (!expression) return undefined;
  const rate = expression.match(RATE);
  if (rate) {
    const n = Number(rate[1]);
    return rate[2]?.startsWith('hour') ? fromMs + n * HOUR_MS : dayStart(fromMs) + n * DAY_MS;
  }
  try {
    return nextCronTime(parseCron(expression), fromMs);
  } catch (e) {
    if (e instanceof CronError) return undefined;
    throw e;
  }
}
