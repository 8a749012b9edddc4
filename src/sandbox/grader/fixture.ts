import { randomUuid } from '../../aws/core/random';
import type { Emulator } from '../../aws/emulator';
import { handleAwsJson } from '../../aws/protocol/json';
import type { Fixture } from '../../schema/fixture';

const TARGET = { secretsmanager: 'secretsmanager', ssm: 'AmazonSSM', kms: 'TrentService' } as const;

/**
 * Builds a fixture through the emulator's own operations, then clears the call log so a run's
 * log shows only what the learner's code did. A fixture entry AWS would reject fails loudly,
 * naming the entry: that is an authoring error, caught by content:check.
 */
export async function applyFixture(emulator: Emulator, fixture: Fixture): Promise<void> {
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
  for (const s of fixture.secrets) {
    const what = `secret ${s.name}`;
    await call(
      'secretsmanager',
      'CreateSecret',
      {
        Name: s.name,
        // The SDK and CLI always send an idempotency token; a raw call must too.
        ClientRequestToken: randomUuid(emulator.random),
        ...(s.value !== undefined ? { SecretString: text(s.value) } : { SecretBinary: s.binary }),
        ...(s.description ? { Description: s.description } : {}),
        ...(s.kmsKeyId ? { KmsKeyId: s.kmsKeyId } : {}),
        ...(s.tags ? { Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
      },
      what,
    );
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
  emulator.log.reset();
}
