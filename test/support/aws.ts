import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createHandlers } from '../../src/aws/adapters/awsHandlers';
import { createEmulator, type EmulatorOptions } from '../../src/aws/emulator';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

/**
 * One emulator behind msw/node for a test file, reset before each test, with the three real SDK
 * clients pointed at the real AWS endpoint names (which msw intercepts).
 * Prepare: `const aws = useEmulator()`; Act: `await aws.sm.send(...)`; Assess: fields and error names.
 */
export function useEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ seed: 42, ...options });
  const server = setupServer(...createHandlers(emulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => emulator.reset());
  afterAll(() => server.close());
  const region = options.defaultRegion ?? 'us-east-1';
  return {
    emulator,
    sm: new SecretsManagerClient({ region, credentials, maxAttempts: 1 }),
    ssm: new SSMClient({ region, credentials, maxAttempts: 1 }),
    kms: new KMSClient({ region, credentials, maxAttempts: 1 }),
  };
}
