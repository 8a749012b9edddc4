import { expect, test } from 'vitest';
import { createEmulator } from '../../src/aws/emulator';
import { handleAwsJson } from '../../src/aws/protocol/json';

const emulator = createEmulator();
const post = (target: string | null, body: string, method = 'POST') =>
  handleAwsJson(emulator, { method, target, body });

test('an unknown X-Amz-Target is an UnknownOperationException', async () => {
  const r = await post('secretsmanager.Nope', '{}');
  expect(r.status).toBe(400);
  expect(JSON.parse(r.body)).toMatchObject({ __type: 'UnknownOperationException' });
});

test('a missing target is an UnknownOperationException', async () => {
  expect(JSON.parse((await post(null, '{}')).body).__type).toBe('UnknownOperationException');
});

test('a body that is not a JSON object is a SerializationException', async () => {
  for (const body of ['{', '[1]', '"x"', 'null']) {
    const r = await post('secretsmanager.ListSecrets', body);
    expect(r.status, body).toBe(400);
    expect(JSON.parse(r.body).__type, body).toMatch(/SerializationException|UnknownOperationException/);
  }
});

test('GET is refused with an AWS-shaped error', async () => {
  const r = await post('secretsmanager.ListSecrets', '{}', 'GET');
  expect(r.status).toBe(405);
  expect(JSON.parse(r.body).__type).toBe('UnknownOperationException');
});
