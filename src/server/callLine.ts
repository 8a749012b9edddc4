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
];

function show(value: unknown): string {
  const text = Array.isArray(value)
    ? value.map(String).join(',')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One line per call: wall time, service.operation, the key parameter, outcome. */
export function formatCallLine(
  entry: Pick<CallLogEntry, 'service' | 'operation' | 'params' | 'outcome'>,
  at = new Date(),
): string {
  const key = KEY_PARAMS.find((k) => entry.params[k] !== undefined);
  const param = key ? ` ${key}=${show(entry.params[key])}` : '';
  return `${at.toISOString().slice(11, 23)} ${entry.service}.${entry.operation}${param} ${entry.outcome}`;
}
