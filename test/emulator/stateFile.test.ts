import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { expect, test } from 'vitest';
import { startEmulatorServer } from '../../src/server/startEmulatorServer';
import { credentials } from './server';

const client = <T>(C: new (c: object) => T, url: string) =>
  new C({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });

test('--state keeps secrets and keys across a restart, and new ids do not repeat old ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
  const statePath = join(dir, 'state.json');
  const first = await startEmulatorServer({ port: 0, seed: 1, statePath });
  await client(SecretsManagerClient, first.url).send(new CreateSecretCommand({ Name: 'kept', SecretString: 's3cret' }));
  const { KeyMetadata: before } = await client(KMSClient, first.url).send(new CreateKeyCommand({}));
  await first.close();

  const second = await startEmulatorServer({ port: 0, seed: 1, statePath });
  const got = await client(SecretsManagerClient, second.url).send(new GetSecretValueCommand({ SecretId: 'kept' }));
  const { KeyMetadata: after } = await client(KMSClient, second.url).send(new CreateKeyCommand({}));
  const keys = await client(KMSClient, second.url).send(new ListKeysCommand({}));
  await second.close();

  expect(second.state?.kind).toBe('loaded');
  expect(got.SecretString).toBe('s3cret');
  expect(after?.KeyId).not.toBe(before?.KeyId);
  expect(keys.Keys?.map((k) => k.KeyId)).toContain(before?.KeyId);
  expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.journal']);
  expect(JSON.parse(readFileSync(statePath, 'utf8')).version).toBe(1);
});

test('a corrupt state file is reported, kept aside and never overwritten; the endpoint starts fresh', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
  const statePath = join(dir, 'state.json');
  writeFileSync(statePath, '{"version":1,"accounts":');
  const lines: string[] = [];

  const server = await startEmulatorServer({ port: 0, statePath, log: (l) => lines.push(l) });
  const keys = await client(KMSClient, server.url).send(new ListKeysCommand({}));
  await client(KMSClient, server.url).send(new CreateKeyCommand({}));
  await server.close();

  const aside = readdirSync(dir).find((f) => f.startsWith('state.json.corrupt-'));
  expect(server.state?.kind).toBe('corrupt');
  expect(aside).toBeDefined();
  expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"version":1,"accounts":');
  expect(lines.some((l) => l.includes('corrupt') && l.includes(aside!))).toBe(true);
  // A fresh account: the two AWS managed keys and the preset's alias/pettracker, nothing from the file.
  expect(keys.Keys).toHaveLength(3);
  expect(JSON.parse(readFileSync(statePath, 'utf8')).version).toBe(1);
});

test('a state file that is valid JSON but not a snapshot is also set aside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
  const statePath = join(dir, 'state.json');
  writeFileSync(statePath, '[1,2,3]');

  const server = await startEmulatorServer({ port: 0, statePath });
  await server.close();

  expect(server.state?.kind).toBe('corrupt');
  expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
});
