import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createHandlers } from '../../src/aws/adapters/awsHandlers';
import { createEmulator, type EmulatorOptions } from '../../src/aws/emulator';

/** Keys the emulator did not issue: the account's administrator (unless the emulator is strict). */
const ADMIN = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The five real SDK clients, signing with `credentials`, pointed at the real AWS endpoint names. */
export function clients(credentials: Credentials = ADMIN, region = 'us-east-1') {
  const config = { region, credentials, maxAttempts: 1 };
  return {
    sm: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    kms: new KMSClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
  };
}

/**
 * A new IAM user with an inline policy of `Statement` (none if empty) and an access key the
 * emulator issued, and the SDK clients that sign with that key.
 */
/** An IAM policy document's JSON text from its statements. */
export const policyDocument = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/**
 * What a refused call answered (undefined when it succeeded): the SDK's error name (IAM's errors by
 * their exception classes: DeleteConflict → DeleteConflictException), HTTP status and message.
 */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => ({
      name: e.name,
      status: e.$metadata.httpStatusCode,
      message: e.message,
    }),
  );

export async function userWithPolicy(iam: IAMClient, name: string, ...Statement: object[]) {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (Statement.length)
    await iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'p',
        PolicyDocument: policyDocument(...Statement),
      }),
    );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return clients({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' });
}

/**
 * One emulator behind msw/node for a test file, reset before each test, with the real SDK clients
 * pointed at the real AWS endpoint names (which msw intercepts).
 * Prepare: `const aws = useEmulator()`; Act: `await aws.sm.send(...)`; Assess: fields and error names.
 */
export function useEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ seed: 42, ...options });
  const server = setupServer(...createHandlers(emulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => emulator.reset());
  afterAll(() => server.close());
  return { emulator, ...clients(ADMIN, options.defaultRegion ?? 'us-east-1') };
}
