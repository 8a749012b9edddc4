import { request } from 'node:http';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/aws/protocol/wire';
import { NodeSha256 } from '../../src/server/nodeSha256';
import { signJsonCall } from '../support/signJsonCall';
import { credentials, post, serveEmulator } from './server';

// The fast path and msw's getResponse must give the same answers.
describe.each([
  ['direct dispatch', false],
  ['through msw getResponse', true],
])('%s', (_mode, viaMsw) => {
  const s = serveEmulator({ viaMsw });

  const isAwsError = (json: unknown, type: string) =>
    expect(json).toEqual({ __type: type, message: expect.any(String) });

  test('malformed JSON is a SerializationException', async () => {
    const r = await post(s.url, 'secretsmanager.ListSecrets', '{"MaxResults": ');
    expect(r.status).toBe(400);
    isAwsError(r.json, 'SerializationException');
  });

  test('an unknown operation or service, or no target at all, is an UnknownOperationException', async () => {
    for (const target of ['secretsmanager.StealSecret', 'AmazonS3.ListBuckets', 'nodot', null]) {
      const r = await post(s.url, target, '{}');
      expect(r.status, String(target)).toBe(400);
      isAwsError(r.json, 'UnknownOperationException');
    }
  });

  test('GET / and other methods get an AWS-shaped error, not a crash', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${s.url}/`, { method });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
      isAwsError(await res.json(), 'UnknownOperationException');
    }
  });

  test('a path other than / is a 404 UnknownOperationException', async () => {
    const r = await post(`${s.url}/v1/secrets`, 'secretsmanager.ListSecrets', '{}');
    expect(r.status).toBe(404);
    isAwsError(r.json, 'UnknownOperationException');
  });

  test('an oversized body is refused with 413 ValidationException, declared or streamed', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const declared = await post(s.url, 'secretsmanager.ListSecrets', big);
    expect(declared.status).toBe(413);
    isAwsError(declared.json, 'ValidationException');

    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${s.url}/`,
        { method: 'POST', headers: { 'x-amz-target': 'secretsmanager.ListSecrets' } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // Chunked upload with no Content-Length: the limit is enforced while reading.
      for (let i = 0; i < 20; i++) req.write('y'.repeat(128 * 1024));
      req.end();
    });
    expect(streamed.status).toBe(413);
    isAwsError(JSON.parse(streamed.body), 'ValidationException');
  });

  test('the endpoint keeps answering after bad input', async () => {
    const r = await post(s.url, 'TrentService.ListAliases', '{}');
    expect(r.status).toBe(200);
    expect(r.json.Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual([
      'alias/aws/secretsmanager',
      'alias/aws/ssm',
      'alias/pettracker',
    ]);
  });
});

describe('the endpoint log', () => {
  const s = serveEmulator();

  test('a background job that throws (a bug of ours) is printed with its stack, and the endpoint keeps answering', async () => {
    // Prepare: work the emulator does after answering, failing as a bug would.
    const { emulator } = s.server;
    emulator.work.enqueue(() => {
      throw new TypeError('a bug in a background job');
    });

    // Act
    await emulator.idle();
    const after = await post(s.url, 'secretsmanager.ListSecrets', '{}');

    // Assess
    expect(s.lines).toContainEqual(
      expect.stringMatching(/^Internal error in background job: TypeError: a bug in a background job\n\s+at /),
    );
    expect(s.lines).toContainEqual(expect.stringMatching(/ emulator\.InternalError .*InternalFailure/));
    expect(after.status).toBe(200);
  });
});

// A signed request declares its body's hash (x-amz-content-sha256) and signs that header, not the body:
// the endpoint must check the body against it, or any body could ride on a good signature.
describe('a declared payload hash', () => {
  const s = serveEmulator();

  async function signed(body: string, declared: string) {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: s.url, credentials, maxAttempts: 1 });
    await iam.send(new CreateUserCommand({ UserName: 'payload' })).catch(() => undefined);
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'payload' }));
    const key = { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
    return signJsonCall(s.url, key, 'secretsmanager.GetSecretValue', body, { 'x-amz-content-sha256': declared });
  }

  test('is checked against the body: the body whose hash was signed passes, another is InvalidSignatureException', async () => {
    const body = JSON.stringify({ SecretId: 'nothing/here' });
    const headers = await signed(body, NodeSha256.hexOf(body));
    const upper = await signed(body, NodeSha256.hexOf(body).toUpperCase());

    const good = await fetch(s.url, { method: 'POST', headers, body });
    const goodUpper = await fetch(s.url, { method: 'POST', headers: upper, body });
    const swapped = await fetch(s.url, { method: 'POST', headers, body: JSON.stringify({ SecretId: 'nothing/else' }) });

    // No such secret, and the user has no policy: refused by IAM, past the signature check.
    expect((await good.json()).__type).toBe('AccessDeniedException');
    expect((await goodUpper.json()).__type).toBe('AccessDeniedException');
    expect(swapped.status).toBe(400);
    expect((await swapped.json()).__type).toBe('InvalidSignatureException');
  });
});
