import { toBase64 } from '../../aws/core/base64';
import { randomUuid } from '../../aws/core/random';
import type { Emulator } from '../../aws/emulator';
import { handleAwsJson } from '../../aws/protocol/json';
import { handleAwsQuery } from '../../aws/protocol/query';
import type { Fixture } from '../../schema/fixture';

const TARGET = { secretsmanager: 'secretsmanager', ssm: 'AmazonSSM', kms: 'TrentService' } as const;

/**
 * Builds a fixture through the emulator's own operations, then clears the call log so a run's
 * log shows only what the learner's code did. A fixture entry AWS would reject fails loudly,
 * naming the entry: that is an authoring error, caught by content:check. Resolves to the
 * fixture's extra environment variables (encrypted ones as base64 ciphertext, made by KMS here).
 * Entries of another `account` are made as that account's administrator; the fixture's `principal`
 * is set last, so learner code (and nothing before it) runs as that principal.
 */
export async function applyFixture(emulator: Emulator, fixture: Fixture): Promise<Record<string, string>> {
  if (fixture.clock) emulator.clock.reset(Date.parse(fixture.clock));
  const call = async (
    service: keyof typeof TARGET,
    operation: string,
    input: object,
    what: string,
    accountId: string = emulator.accountId,
  ) => {
    const r = await handleAwsJson(emulator, {
      method: 'POST',
      target: `${TARGET[service]}.${operation}`,
      body: JSON.stringify(input),
      accountId,
    });
    if (r.status !== 200) throw new Error(`Fixture ${what}: ${operation} failed: ${r.body}`);
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  for (const key of fixture.keys) {
    const what = `key ${key.alias}`;
    const created = await call(
      'kms',
      'CreateKey',
      { Description: key.description ?? '', ...(key.policy ? { Policy: JSON.stringify(key.policy) } : {}) },
      what,
      key.account,
    );
    const keyId = (created.KeyMetadata as { KeyId: string }).KeyId;
    await call('kms', 'CreateAlias', { AliasName: key.alias, TargetKeyId: keyId }, what, key.account);
    if (!key.enabled) await call('kms', 'DisableKey', { KeyId: keyId }, what, key.account);
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
      s.account,
    );
    arns.set(s.name, String(created.ARN));
    for (const v of s.versions ?? [])
      await call(
        'secretsmanager',
        'PutSecretValue',
        { SecretId: s.name, SecretString: text(v), ClientRequestToken: randomUuid(emulator.random) },
        what,
        s.account,
      );
    if (s.resourcePolicy)
      await call(
        'secretsmanager',
        'PutResourcePolicy',
        { SecretId: s.name, ResourcePolicy: JSON.stringify(s.resourcePolicy) },
        what,
        s.account,
      );
    if (s.scheduledForDeletion)
      await call('secretsmanager', 'DeleteSecret', { SecretId: s.name, RecoveryWindowInDays: 7 }, what, s.account);
  }
  for (const role of fixture.roles ?? []) {
    const iam = async (action: string, members: Record<string, string>) => {
      const form = new URLSearchParams({ Action: action, Version: '2010-05-08', ...members }).toString();
      const r = await handleAwsQuery(emulator, {
        method: 'POST',
        form,
        region: emulator.defaultRegion,
        accountId: role.account ?? emulator.accountId,
        requestId: 'fixture',
      });
      if (r.status !== 200) throw new Error(`Fixture role ${role.name}: ${action} failed: ${r.body}`);
    };
    await iam('CreateRole', { RoleName: role.name, AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy) });
    for (const [PolicyName, document] of Object.entries(role.policies))
      await iam('PutRolePolicy', { RoleName: role.name, PolicyName, PolicyDocument: JSON.stringify(document) });
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
    if ('secretArn' in v) {
      const arn = arns.get(v.secretArn);
      if (arn === undefined)
        throw new Error(`Fixture environment variable ${name}: no secret ${v.secretArn} in secrets`);
      env[name] = arn;
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
  if (fixture.principal)
    emulator.setPrincipal({
      arn: fixture.principal.arn,
      policies: Object.entries(fixture.principal.policies).map(([name, document]) => ({ name, document })),
    });
  emulator.log.reset();
  return env;
}
