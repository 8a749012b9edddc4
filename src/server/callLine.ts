import type { CallLogEntry } from '../aws/core/callLog';

/** The parameters that say what a call was about, most telling first. */
const KEY_PARAMS = [
  'SecretId',
  'Name',
  'Names',
  'Path',
  'KeyId',
  'AliasName',
  'SecretIdList',
  'ResourceArn',
  'ResourceId',
  'UserName',
  'RoleName',
  'RoleArn',
  'PolicyArn',
  'GroupName',
];

function show(value: unknown): string {
  const text = Array.isArray(value)
    ? value.map(String).join(',')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `HH:MM:SS.mmm` (UTC) of the last millisecond formatted: the calls of one millisecond share it. */
let lastMillis = Number.NaN;
let lastTime = '';
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The wall time of a log line, `HH:MM:SS.mmm` in UTC, what `toISOString().slice(11, 23)` gives for
 * any date of years 0-9999, worked out from the milliseconds: `new Date().toISOString()` cost more
 * than the rest of the line put together, on every call.
 */
export function timeOfDay(millis: number): string {
  if (millis !== lastMillis) {
    const inDay = ((millis % 86_400_000) + 86_400_000) % 86_400_000;
    const ms = inDay % 1000;
    const seconds = Math.floor(inDay / 1000);
    lastTime = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
    lastMillis = millis;
  }
  return lastTime;
}

/**
 * One line per call: wall time, service.operation, the key parameter, outcome, who called (when it
 * was not the account's administrator) and, for a refusal, the decision: the action, the resource
 * and the statement that denied it (or that none allowed it).
 */
export function formatCallLine(
  entry: Pick<CallLogEntry, 'service' | 'operation' | 'params' | 'outcome'> &
    Partial<Pick<CallLogEntry, 'caller' | 'authorization'>>,
  at: Date | number = Date.now(),
): string {
  const key = KEY_PARAMS.find((k) => entry.params[k] !== undefined);
  const param = key ? ` ${key}=${show(entry.params[key])}` : '';
  const who = entry.caller ? ` as ${entry.caller}` : '';
  const denied = entry.authorization?.find((a) => a.decision !== 'Allow');
  const why = denied ? ` (${denied.action} on ${denied.resource}: ${denied.reason})` : '';
  return `${timeOfDay(typeof at === 'number' ? at : at.getTime())} ${entry.service}.${entry.operation}${param} ${entry.outcome}${who}${why}`;
}
