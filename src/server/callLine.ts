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

/**
 * One line per call: wall time, service.operation, the key parameter, outcome, who called (when it
 * was not the account's administrator) and, for a refusal, the decision: the action, the resource
 * and the statement that denied it (or that none allowed it).
 */
export function formatCallLine(
  entry: Pick<CallLogEntry, 'service' | 'operation' | 'params' | 'outcome'> &
    Partial<Pick<CallLogEntry, 'caller' | 'authorization'>>,
  at = new Date(),
): string {
  const key = KEY_PARAMS.find((k) => entry.params[k] !== undefined);
  const param = key ? ` ${key}=${show(entry.params[key])}` : '';
  const who = entry.caller ? ` as ${entry.caller}` : '';
  const denied = entry.authorization?.find((a) => a.decision !== 'Allow');
  const why = denied ? ` (${denied.action} on ${denied.resource}: ${denied.reason})` : '';
  return `${at.toISOString().slice(11, 23)} ${entry.service}.${entry.operation}${param} ${entry.outcome}${who}${why}`;
}
