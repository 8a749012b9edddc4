/**
 * AWS's six-field cron (as EventBridge and Secrets Manager read it):
 * `minutes hours day-of-month month day-of-week year`, all in UTC.
 * - `*` any, `a-b` ranges, `a,b` lists, `x/n` steps; months JAN–DEC, weekdays SUN–SAT (SUN = 1);
 * - exactly one of day-of-month and day-of-week is `?` (AWS rejects both or neither);
 * - `L` in day-of-month is the month's last day; `nL` in day-of-week the last weekday n of the
 *   month; `n#k` the k-th weekday n. `W` (nearest weekday) is not modelled and is rejected.
 */
export interface CronSchedule {
  minutes: number[];
  hours: number[];
  days: DayRule;
  months: Set<number>;
  years: Set<number> | undefined;
}

type DayRule =
  | { kind: 'dom'; values: Set<number>; last: boolean }
  | { kind: 'dow'; values: Set<number>; lastOf: Set<number>; nth: { weekday: number; n: number }[] };

export class CronError extends Error {}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function value(text: string, min: number, max: number, names?: string[]): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) throw new CronError(`"${text}" is not between ${min} and ${max}`);
  return n;
}

/** One field of `*`, lists, ranges and steps → the allowed values, ascending. */
function field(text: string, min: number, max: number, names?: string[]): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : value(stepText, 1, max - min + 1);
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      from = value(a, min, max, names);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b, min, max, names);
    }
    if (from > to) throw new CronError(`"${part}" is an empty range`);
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function dayRule(dom: string, dow: string): DayRule {
  if ((dom === '?') === (dow === '?')) {
    throw new CronError('Exactly one of day-of-month and day-of-week must be "?"');
  }
  if (dow === '?') {
    if (/W/i.test(dom)) throw new CronError('"W" (nearest weekday) is not supported by the simulation');
    const parts = dom.split(',');
    const last = parts.includes('L');
    const rest = parts.filter((p) => p !== 'L');
    return { kind: 'dom', values: new Set(rest.length ? field(rest.join(','), 1, 31) : []), last };
  }
  const values = new Set<number>();
  const lastOf = new Set<number>();
  const nth: { weekday: number; n: number }[] = [];
  for (const part of dow.split(',')) {
    const lastMatch = part.match(/^([A-Za-z0-9]*)L$/);
    const nthMatch = part.match(/^([A-Za-z0-9]+)#([1-5])$/);
    if (lastMatch) lastOf.add(lastMatch[1] ? value(lastMatch[1], 1, 7, WEEKDAYS) : 7);
    else if (nthMatch) nth.push({ weekday: value(nthMatch[1] ?? '', 1, 7, WEEKDAYS), n: Number(nthMatch[2]) });
    else for (const n of field(part, 1, 7, WEEKDAYS)) values.add(n);
  }
  return { kind: 'dow', values, lastOf, nth };
}

/** Parses the inside of `cron(...)` (or the whole `cron(...)` text). Throws CronError. */
export function parseCron(expression: string): CronSchedule {
  const inner = expression.trim().replace(/^cron\((.*)\)$/s, '$1');
  const parts = inner.trim().split(/\s+/);
  if (parts.length !== 6)
    throw new CronError('A cron expression has six fields: minutes hours day-of-month month day-of-week year');
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = parts;
  return {
    minutes: field(min, 0, 59),
    hours: field(hour, 0, 23),
    days: dayRule(dom, dow),
    months: new Set(field(month, 1, 12, MONTHS)),
    years: year === '*' ? undefined : new Set(field(year, 1970, 2199)),
  };
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayMatches(s: CronSchedule, date: Date): boolean {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  if (s.years && !s.years.has(y)) return false;
  if (!s.months.has(m)) return false;
  const last = daysInMonth(y, m);
  if (s.days.kind === 'dom') return s.days.values.has(d) || (s.days.last && d === last);
  const weekday = date.getUTCDay() + 1;
  if (s.days.values.has(weekday)) return true;
  if (s.days.lastOf.has(weekday) && d + 7 > last) return true;
  return s.days.nth.some((r) => r.weekday === weekday && Math.ceil(d / 7) === r.n);
}

/**
 * The first minute strictly after `afterMs` that the schedule matches, or undefined when none
 * comes within ten years (a year list that has passed, say).
 */
export function nextCronTime(schedule: CronSchedule, afterMs: number): number | undefined {
  const start = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  let day = Math.floor(start / DAY_MS) * DAY_MS;
  for (let i = 0; i < 3660; i++, day += DAY_MS) {
    if (!dayMatches(schedule, new Date(day))) continue;
    for (const h of schedule.hours) {
      for (const m of schedule.minutes) {
        const t = day + h * 3_600_000 + m * MINUTE_MS;
        if (t >= start) return t;
      }
    }
  }
  return undefined;
}
