import { CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { expect } from 'vitest';
import type { Emulator } from '../../../src/aws/emulator';
import { aliasRecord, createKeyRecord, kmsState } from '../../../src/aws/kms/state';

/** Asserts that a call fails with the SDK's own exception class, name and (optionally) message. */
export async function expectError(
  call: Promise<unknown>,
  type: abstract new (...args: never[]) => Error,
  message?: string | RegExp,
): Promise<Error> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ${type.name}`).toBeInstanceOf(type);
  const e = err as Error;
  expect(e.name).toBe(type.name);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  return e;
}

/** Asserts an error by name only (for exceptions the client has no class for, e.g. ValidationException). */
export async function expectErrorNamed(
  call: Promise<unknown>,
  name: string,
  message?: string | RegExp,
): Promise<Error> {
  const err = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  expect(err?.name, `expected ${name}`).toBe(name);
  if (typeof message === 'string') expect(err?.message).toBe(message);
  else if (message) expect(err?.message).toMatch(message);
  return err as Error;
}

export const token = (n: number) => `${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`;

export function createSecret(
  sm: SecretsManagerClient,
  Name: string,
  SecretString = 'v1',
  extra: Record<string, unknown> = {},
) {
  return sm.send(new CreateSecretCommand({ Name, SecretString, ...extra }));
}

/** A customer managed KMS key with an alias, made directly in the emulator's KMS state. */
export function customerKey(emulator: Emulator, alias = 'alias/app') {
  const ctx = emulator.context();
  const state = kmsState(ctx);
  const key = createKeyRecord(ctx, state, { description: 'test key' });
  state.aliases[alias] = aliasRecord(ctx, alias, key.KeyId);
  return key;
}

export const DAY_MS = 86_400_000;
