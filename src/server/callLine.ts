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

/**
 * The wall time of a log line, `HH:MM:SS.mmm` in UTC. Under load many calls fall in one
 * millisecond, and `toISOString()` cost more than the rest of the line: it runs once per
 * millisecond, not once per line.
 */
export function timeOfDay(millis: number): string {
  if (millis !== lastMillis) {
    lastTime = new Date(millis).toISOString().slice(11, 23);
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
