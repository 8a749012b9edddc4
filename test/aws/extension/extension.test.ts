import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { getResponse, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createExtensionHandlers, type ExtensionOptions } from '../../../src/aws/adapters/extensionHandlers';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const { sm, ssm, emulator } = aws;
const TOKEN = 'sandbox-session-token';

/**
 * The extension's handlers answer through msw's `getResponse`, as in the sandbox (`sandboxFetch`);
 * the emulator's own AWS endpoints stay behind useEmulator's msw server.
 */
let handlers: RequestHandler[] = [];
function useExtension(options: ExtensionOptions) {
  handlers = createExtensionHandlers(emulator, { sessionToken: TOKEN, ...options });
}
async function fetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await getResponse(handlers, new Request(url, init));
  if (!response) throw new Error(`No extension handler for ${url}`);
  return response;
}

const getSecret = (query: string, headers: Record<string, string> = { 'X-Aws-Parameters-Secrets-Token': TOKEN }) =>
  fetch(`http://localhost:2773/secretsmanager/get?${query}`, { headers });

const apiCalls = (operation: string) =>
  emulator.log.entries().filter((e) => e.source === 'request' && e.operation === operation && e.service !== 'extension')
    .length;

describe('the Parameters and Secrets Lambda Extension on localhost:2773', () => {
  it('N reads within the TTL cost one GetSecretValue; after the TTL, one more', async () => {
    useExtension({ secretsManagerTtl: 300 });
    await sm.send(new CreateSecretCommand({ Name: 'pettracker/prod/api-key', SecretString: 'k1' }));

    for (let i = 0; i < 5; i++) {
      const res = await getSecret('secretId=pettracker%2Fprod%2Fapi-key');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        Name: 'pettracker/prod/api-key',
        SecretString: 'k1',
        VersionStages: ['AWSCURRENT'],
      });
      await emulator.advance('59 seconds');
    }
    expect(apiCalls('GetSecretValue')).toBe(1);
    await emulator.advance('6 seconds');
    await getSecret('secretId=pettracker%2Fprod%2Fapi-key');

    expect(apiCalls('GetSecretValue')).toBe(2);
    const extension = emulator.log.entries().filter((e) => e.service === 'extension');
    expect(extension.map((e) => `${e.operation} ${e.params.cache ?? ''}`)).toEqual([
      'GetSecretValue miss',
      'GetSecretValue hit',
      'GetSecretValue hit',
      'GetSecretValue hit',
      'GetSecretValue hit',
      'CacheExpired ',
      'GetSecretValue miss',
    ]);
    expect(extension[5]?.time).toBe(Date.UTC(2026, 0, 1) + 300_000);
  });

  it('serves a stale value until the TTL ends, even after the secret changed', async () => {
    useExtension({});
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'old' }));
    await getSecret('secretId=s');
    await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'new' }));

    expect((await (await getSecret('secretId=s')).json()).SecretString).toBe('old');
    await emulator.advance('5 minutes');
    expect((await (await getSecret('secretId=s')).json()).SecretString).toBe('new');
  });

  it('keys the cache by version stage', async () => {
    useExtension({});
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'v2' }));

    const previous = await (await getSecret('secretId=s&versionStage=AWSPREVIOUS')).json();
    const current = await (await getSecret('secretId=s')).json();

    expect([previous.SecretString, current.SecretString]).toEqual(['v1', 'v2']);
    expect(apiCalls('GetSecretValue')).toBe(2);
  });

  it('refuses a request without the token, or with another, with 403 and calls nothing', async () => {
    useExtension({});
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));

    const missing = await getSecret('secretId=s', {});
    const wrong = await getSecret('secretId=s', { 'X-Aws-Parameters-Secrets-Token': 'nope' });

    expect([missing.status, await missing.text(), wrong.status]).toEqual([403, 'Bad Token', 403]);
    expect(apiCalls('GetSecretValue')).toBe(0);
  });

  it('TTL 0 disables the cache: every read is an API call', async () => {
    useExtension({ secretsManagerTtl: 0 });
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));

    for (let i = 0; i < 3; i++) await getSecret('secretId=s');

    expect(apiCalls('GetSecretValue')).toBe(3);
  });

  it('passes AWS errors through and does not cache them', async () => {
    useExtension({});
    const res = await getSecret('secretId=missing');

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      __type: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    });
    await getSecret('secretId=missing');
    expect(apiCalls('GetSecretValue')).toBe(2);
  });

  it('reads parameters with decryption, cached for SSM_PARAMETER_STORE_TTL', async () => {
    useExtension({ ssmParameterStoreTtl: 60 });
    await ssm.send(new PutParameterCommand({ Name: '/pettracker/dev/db-password', Value: 'pw', Type: 'SecureString' }));
    const url =
      'http://localhost:2773/systemsmanager/parameters/get?name=%2Fpettracker%2Fdev%2Fdb-password&withDecryption=true';
    const read = () => fetch(url, { headers: { 'X-Aws-Parameters-Secrets-Token': TOKEN } }).then((r) => r.json());

    expect((await read()).Parameter).toMatchObject({
      Name: '/pettracker/dev/db-password',
      Value: 'pw',
      Type: 'SecureString',
      Version: 1,
    });
    await read();
    await emulator.advance('1 minute');
    await read();

    expect(apiCalls('GetParameter')).toBe(2);
  });

  it('rejects a TTL above 300 seconds, as the extension does', () => {
    expect(() => createExtensionHandlers(emulator, { secretsManagerTtl: 301 })).toThrow(RangeError);
  });
});
