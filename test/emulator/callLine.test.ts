import { describe, expect, it } from 'vitest';
import { formatCallLine, timeOfDay } from '../../src/server/callLine';

describe('the call log line', () => {
  it.each([
    '2026-12-07T18:13:19.005Z',
    '2026-12-07T00:00:00.000Z',
    '2026-12-07T23:59:59.999Z',
    '2026-01-01T09:05:07.050Z',
    '1970-01-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '1900-02-28T12:34:56.789Z',
    '9999-12-31T23:59:59.990Z',
  ])('writes the wall time of %s as toISOString does (HH:MM:SS.mmm, UTC)', (iso) => {
    const millis = Date.parse(iso);

    expect(timeOfDay(millis)).toBe(new Date(millis).toISOString().slice(11, 23));
    expect(timeOfDay(millis + 1)).toBe(new Date(millis + 1).toISOString().slice(11, 23));
  });

  it('names the time, the call, its key parameter, its outcome, the caller and a refusal', () => {
    const at = Date.parse('2026-12-07T18:13:19.005Z');
    const line = formatCallLine(
      {
        service: 'secretsmanager',
        operation: 'GetSecretValue',
        params: { SecretId: 'pettracker/prod/db' },
        outcome: 'AccessDeniedException',
        caller: 'arn:aws:iam::123456789012:user/dev',
        authorization: [
          {
            action: 'secretsmanager:GetSecretValue',
            resource: 'arn:x',
            decision: 'ExplicitDeny',
            reason: 'Explicit deny: y',
          },
        ],
      },
      at,
    );

    expect(line).toBe(
      '18:13:19.005 secretsmanager.GetSecretValue SecretId=pettracker/prod/db AccessDeniedException as arn:aws:iam::123456789012:user/dev (secretsmanager:GetSecretValue on arn:x: Explicit deny: y)',
    );
    expect(formatCallLine({ service: 'ssm', operation: 'GetParameter', params: {}, outcome: 'ok' }, new Date(at))).toBe(
      '18:13:19.005 ssm.GetParameter ok',
    );
  });
});
