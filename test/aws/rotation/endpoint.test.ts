import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { connect } from '../../../src/aws/db/client';
import { PETTRACKER_DB } from '../../../src/aws/db/pettracker';
import { cliEnv, serveEmulator } from '../../emulator/server';

/** The seed's rotate-secret, from the real AWS CLI, against `npm run emulator`'s server, plus the control API. */
const s = serveEmulator({ wallClock: false });
const run = promisify(execFile);
const NAME = 'pettracker/prod/db-credentials';
const TEMPLATE = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationSingleUser';

async function aws(...args: string[]) {
  const { stdout } = await run('aws', ['--endpoint-url', s.url, '--output', 'json', 'secretsmanager', ...args], {
    env: cliEnv,
    timeout: 120_000,
  });
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.url}/_emulator/${path}`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: await res.json() };
}

test('the seed: create-secret, then rotate-secret with the PostgreSQL single-user template', {
  timeout: 300_000,
}, async () => {
  const { username, password, host, port, dbname } = PETTRACKER_DB;
  await aws(
    'create-secret',
    '--name',
    NAME,
    '--secret-string',
    JSON.stringify({ username, password, host, port, dbname }),
  );

  const rotated = await aws(
    'rotate-secret',
    '--secret-id',
    NAME,
    '--rotation-lambda-arn',
    TEMPLATE,
    '--rotation-rules',
    '{"AutomaticallyAfterDays": 30}',
  );
  const value = await aws('get-secret-value', '--secret-id', NAME);
  const described = await aws('describe-secret', '--secret-id', NAME);

  expect(value.VersionId).toBe(rotated.VersionId);
  const fresh = JSON.parse(value.SecretString).password;
  expect(fresh).not.toBe(password);
  expect(described).toMatchObject({
    RotationEnabled: true,
    RotationLambdaARN: TEMPLATE,
    RotationRules: { AutomaticallyAfterDays: 30 },
  });
  const db = s.server.emulator.databases;
  await expect(connect(db, { host, user: username, password: fresh, database: dbname })).resolves.toBeDefined();
  await expect(connect(db, { host, user: username, password, database: dbname })).rejects.toMatchObject({
    name: 'AuthenticationError',
  });

  const moved = await control('POST', 'clock', { advance: '30 days' });
  expect(moved.status).toBe(200);
  expect(moved.body.now).toBe('2026-01-31T00:00:00.000Z');
  expect(moved.body.events.map((e: { operation: string }) => e.operation)).toContain('RotationSucceeded');
  const after = await aws('get-secret-value', '--secret-id', NAME);
  expect(JSON.parse(after.SecretString).password).not.toBe(fresh);
});

test('the control API: clock, log, lambdas, reset', async () => {
  const lambdas = await control('GET', 'lambdas');
  expect(lambdas.body.functions.map((f: { name: string }) => f.name).sort()).toEqual([
    'SecretsManagerRDSMySQLRotationMultiUser',
    'SecretsManagerRDSMySQLRotationSingleUser',
    'SecretsManagerRDSPostgreSQLRotationMultiUser',
    'SecretsManagerRDSPostgreSQLRotationSingleUser',
    'SecretsManagerRotation',
  ]);
  expect(lambdas.body.functions[0].arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:/);
  expect((await control('GET', 'log')).body.entries.length).toBeGreaterThan(0);
  expect((await control('DELETE', 'log')).body).toEqual({ cleared: true });
  expect((await control('GET', 'log')).body.entries).toEqual([]);
  expect((await control('POST', 'clock', { set: '2020-01-01T00:00:00Z' })).status).toBe(400);
  expect((await control('POST', 'clock', { advance: 'soon' })).status).toBe(400);
  expect((await control('GET', 'nothing')).status).toBe(404);

  const reset = await control('POST', 'reset');

  expect(reset.body).toMatchObject({ reset: true, now: '2026-01-01T00:00:00.000Z' });
  expect((await control('GET', 'lambdas')).body.functions).toHaveLength(5);
  const state = (await control('GET', 'state')).body;
  // A reset account holds the preset again: alias/pettracker (and the AWS managed keys KMS creates with it).
  expect(Object.keys(state.accounts['123456789012']['us-east-1'])).toEqual(['kms']);
  expect(Object.keys(state.accounts['123456789012']['us-east-1'].kms.aliases)).toContain('alias/pettracker');
  expect(Object.keys(state.databases.servers)).toEqual([`${PETTRACKER_DB.host}:5432`]);
});
