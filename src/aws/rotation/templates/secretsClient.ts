import type { RequestHost } from '../../core/service';
import { handleAwsJson } from '../../protocol/json';

/** An error as the SDK raises it: `name` is the AWS exception (`ResourceNotFoundException`). */
export class ServiceError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export type SecretsCall = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * The templates' Secrets Manager client: calls go through the emulator's own JSON 1.1 dispatch
 * (`handleAwsJson`), in the region and account of the secret's ARN, so they are authorized,
 * validated and logged exactly like calls from the SDK. They are logged as `source: 'event'`
 * (the emulator itself acting), so a lab never counts them as the learner's calls.
 */
export function secretsClient(host: RequestHost, secretArn: string): SecretsCall {
  const m = secretArn.match(/^arn:aws:secretsmanager:([^:]+):(\d{12}):/);
  const region = m?.[1] ?? host.defaultRegion;
  const accountId = m?.[2] ?? host.accountId;
  return async (operation, input) => {
    const response = await handleAwsJson(host, {
      method: 'POST',
      target: `secretsmanager.${operation}`,
      body: JSON.stringify(input),
      region,
      accountId,
      // The wire type knows 'request' | 'check'; the call log's 'event' is what these calls are.
      source: 'event',
    });
    const body = JSON.parse(response.body) as Record<string, unknown>;
    if (response.status !== 200) throw new ServiceError(String(body.__type), String(body.message));
    return body;
  };
}
