import { toBase64 } from '../../aws/core/base64';
import { randomUuid } from '../../aws/core/random';
import type { Emulator } from '../../aws/emulator';
import { handleAwsJson } from '../../aws/protocol/json';
import type { Fixture } from '../../schema/fixture';

const TARGET = { secretsmanager: 'secretsmanager', ssm: 'AmazonSSM', kms: 'TrentService' } as const;

/**
 * Builds a fixture through the emulator's own operations, then clears the call log so a run's
 * log shows only what the learner's code did. A fixture entry AWS would reject fails loudly,
 * naming the entry: that is an authoring error, caught by content:check. Resolves to the
 * fixture's extra environment variables (encrypted ones as base64 ciphertext, made by KMS here).
 */
export async function applyFixture(emulator: Emulator, fixture: Fixture): Promise<Record<string, string>> {
  if (fixture.clock) emulator.clock.reset(Date.parse(fixture.clock));
  const call = async (service: keyof typeof TARGET, operation: string, input: object, what: string) => {
    const r = await handleAwsJson(emulator, {
      method: 'POST',
      target: `${TARGET[service]}.${operation}`,
      body: JSON.stringify(input),
    });
    if (r.status !== 200) throw new Error(`Fixture ${what}: ${operation} failed: ${r.body}`);
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  for (const key of fixture.keys) {
    const created = await call('kms', 'CreateKey', { Description: key.description ?? '' }, `key ${key.alias}`);
    const keyId = (created.KeyMetadata as { KeyId: string }).KeyId;
    await call('kms', 'CreateAlias', { AliasName: key.alias, TargetKeyId: keyId }, `key ${key.alias}`);
    if (!key.enabled) await call('kms', 'DisableKey', { KeyId: keyId }, `key ${key.alias}`);
  }
  const text = (v: string | Record<string, unknown>) => (typeof v === 'string' ? v : JSON.stringify(v));
  const arns = new Map<string, string>();
  for (const s of fixture.secrets) {
    const what = `secret ${s.name}`;
    let value = s.value;
    if (s.masterSecret !== undefined) {
      const masterarn = arns.get(s.masterSecret);
      if (masterarn === undefined)
        throw new Error(`Fixture ${what}: masterSecret ${s.masterSecret} is not listed before it`);
      value = { ...(s.value as Record<string, unknown>), masterarn };
    }
    const created = await call(
      'secretsmanager',
      'CreateSecret',
      {
        Name: s.name,
        // The SDK and CLI always send an idempotency token; a raw call must too.
        ClientRequestToken: randomUuid(emulator.random),
        ...(value !== undefined ? { SecretString: text(value) } : { SecretBinary: s.binary }),
        ...(s.description ? { Description: s.description } : {}),
        ...(s.kmsKeyId ? { KmsKeyId: s.kmsKeyId } : {}),
        ...(s.tags ? { Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
      },
      what,
    );
    arns.set(s.name, String(created.ARN));
    for (const v of s.versions ?? [])
      await call(
        'secretsmanager',
        'PutSecretValue',
        { SecretId: s.name, SecretString: text(v), ClientRequestToken: randomUuid(emulator.random) },
        what,
      );
    if (s.scheduledForDeletion)
      await call('secretsmanager', 'DeleteSecret', { SecretId: s.name, RecoveryWindowInDays: 7 }, what);
  }
  for (const p of fixture.parameters) {
    await call(
      'ssm',
      'PutParameter',
      {
        Name: p.name,
        Type: p.type,
        Value: p.value,
        ...(p.keyId ? { KeyId: p.keyId } : {}),
        ...(p.tier ? { Tier: p.tier } : {}),
        ...(p.description ? { Description: p.description } : {}),
      },
      `parameter ${p.name}`,
    );
  }
  for (const db of fixture.databases ?? []) emulator.databases.addServer(db);
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(fixture.environment ?? {})) {
    if (typeof v === 'string') {
      env[name] = v;
      continue;
    }
    const out = await call(
      'kms',
      'Encrypt',
      {
        KeyId: v.encryptWith,
        Plaintext: toBase64(new TextEncoder().encode(v.value)),
        ...(v.encryptionContext ? { EncryptionContext: v.encryptionContext } : {}),
      },
      `environment variable ${name}`,
    );
    // What the Lambda console's helpers store: the ciphertext blob, base64-encoded.
    env[name] = String(out.CiphertextBlob);
  }
  emulator.log.reset();
  return env;
}
