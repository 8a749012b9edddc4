// Nothing acknowledged is lost on kill -9 (issue 14, "Writes that scale"): `npm run emulator --
// --state FILE` as a child process takes writes over HTTP from several clients at once, is killed
// with SIGKILL while requests are in flight, and restarted on the same file.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startCliEmulator } from './cliProcess';
import { post } from './server';

test('every write acknowledged before a SIGKILL is there after a restart on the same --state file', async () => {
  const statePath = join(mkdtempSync(join(tmpdir(), 'emu-crash-')), 'state.json');
  const first = await startCliEmulator(['--state', statePath, '--empty']);
  const acknowledged: { kind: 'secret' | 'parameter'; name: string; value: string }[] = [];
  let killed = false;
  const writer = async (client: number) => {
    for (let i = 0; !killed; i++) {
      const name = `c${client}-w${i}`;
      const value = randomUUID();
      const [target, body] =
        i % 2 === 0
          ? ['secretsmanager.CreateSecret', { Name: name, SecretString: value, ClientRequestToken: randomUUID() }]
          : ['AmazonSSM.PutParameter', { Name: `/${name}`, Type: 'String', Value: value }];
      const answered = await post(first.url, target, JSON.stringify(body)).catch(() => undefined);
      if (answered?.status === 200) acknowledged.push({ kind: i % 2 === 0 ? 'secret' : 'parameter', name, value });
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
  await first.stop('SIGKILL');
  killed = true;
  await Promise.all(writers);

  const second = await startCliEmulator(['--state', statePath, '--empty']);
  const missing: string[] = [];
  try {
    for (const w of acknowledged) {
      const r =
        w.kind === 'secret'
          ? await post(second.url, 'secretsmanager.GetSecretValue', JSON.stringify({ SecretId: w.name }))
          : await post(second.url, 'AmazonSSM.GetParameter', JSON.stringify({ Name: `/${w.name}` }));
      const got = r.status === 200 ? JSON.parse(r.text) : undefined;
      if ((got?.SecretString ?? got?.Parameter?.Value) !== w.value) missing.push(`${w.name}: ${r.status} ${r.text}`);
    }
  } finally {
    await second.stop();
  }

  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(60);
  expect(missing).toEqual([]);
  expect(second.output.some((l) => l.includes('journal records replayed'))).toBe(true);
});
