// Following the wall clock (the endpoint's default), the due time of the next event is remembered
// between requests (src/server/wallClock.ts): a write that schedules one must still see it run,
// though only reads follow.
import { expect, test } from 'vitest';
import { post, serveEmulator } from './server';

const s = serveEmulator({ preset: 'empty' });

test('a parameter whose Expiration policy falls due is deleted while only reads arrive', async () => {
  const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const Policies = JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: at } }]);
  const put = { Name: '/soon/gone', Value: 'v', Type: 'String', Tier: 'Advanced', Policies };
  const read = () => post(s.url, 'AmazonSSM.GetParameter', JSON.stringify({ Name: '/soon/gone' }));

  const stored = await post(s.url, 'AmazonSSM.PutParameter', JSON.stringify(put));
  const before = await read();

  expect(stored.status, stored.text).toBe(200);
  expect(before.status).toBe(200);
  await expect.poll(async () => (await read()).text, { timeout: 15_000, interval: 200 }).toContain('ParameterNotFound');
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
});
