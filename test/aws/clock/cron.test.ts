import { describe, expect, it } from 'vitest';
import { CronError, nextCronTime, parseCron } from '../../../src/aws/scheduler/cron';
import { nextRotationDate, scheduleExpressionProblem } from '../../../src/aws/scheduler/rotationSchedule';

const next = (expr: string, from: string) => {
  const t = nextCronTime(parseCron(expr), Date.parse(from));
  return t === undefined ? undefined : new Date(t).toISOString();
};

describe('AWS six-field cron', () => {
  it.each([
    ['cron(0 3 ? * MON *)', '2026-01-01T00:00:00Z', '2026-01-05T03:00:00.000Z'],
    ['cron(0 8,20 * * ? *)', '2026-01-01T09:00:00Z', '2026-01-01T20:00:00.000Z'],
    ['cron(15 10 L * ? *)', '2026-02-03T00:00:00Z', '2026-02-28T10:15:00.000Z'],
    ['cron(0 0 ? * 6#2 *)', '2026-01-01T00:00:00Z', '2026-01-09T00:00:00.000Z'],
    ['cron(0 0 ? * 2L *)', '2026-01-01T00:00:00Z', '2026-01-26T00:00:00.000Z'],
    ['cron(0/30 * * JAN-MAR ? 2026)', '2026-03-31T23:45:00Z', undefined],
    ['cron(0 12 1 */3 ? *)', '2026-01-02T00:00:00Z', '2026-04-01T12:00:00.000Z'],
  ])('%s after %s → %s', (expr, from, want) => {
    expect(next(expr, from)).toBe(want);
  });

  it('is strictly after the given time', () => {
    expect(next('cron(0 3 ? * MON *)', '2026-01-05T03:00:00Z')).toBe('2026-01-12T03:00:00.000Z');
  });

  it.each([
    ['cron(0 3 * * MON *)', /Exactly one of day-of-month and day-of-week/],
    ['cron(0 3 ? * *)', /six fields/],
    ['cron(61 3 ? * MON *)', /between 0 and 59/],
    ['cron(0 0 1W * ? *)', /not supported/],
  ])('rejects %s', (expr, message) => {
    expect(() => parseCron(expr)).toThrow(CronError);
    expect(() => parseCron(expr)).toThrow(message);
  });
});

describe('rotation windows', () => {
  const from = Date.parse('2026-01-01T10:30:00Z');
  it('days-based schedules start at midnight UTC of the due day; hours are exact', () => {
    expect(new Date(nextRotationDate({ AutomaticallyAfterDays: 2 }, from) ?? 0).toISOString()).toBe(
      '2026-01-03T00:00:00.000Z',
    );
    expect(new Date(nextRotationDate({ ScheduleExpression: 'rate(2 days)' }, from) ?? 0).toISOString()).toBe(
      '2026-01-03T00:00:00.000Z',
    );
    expect(new Date(nextRotationDate({ ScheduleExpression: 'rate(4 hours)' }, from) ?? 0).toISOString()).toBe(
      '2026-01-01T14:30:00.000Z',
    );
  });

  it('explains an expression Secrets Manager would refuse', () => {
    expect(scheduleExpressionProblem('rate(3 weeks)')).toMatch(/not a valid rate\(\) or cron\(\)/);
    expect(scheduleExpressionProblem('cron(0 3 * * MON *)')).toMatch(/^The cron\(\) expression is not valid/);
    expect(scheduleExpressionProblem('cron(0 3 ? * MON *)')).toBeUndefined();
  });
});
