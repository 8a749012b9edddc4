import { expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../aws/emulator';
import { handleAwsJson } from '../../aws/protocol/json';
import { advanceEmulator } from './advance';

const call = (emulator: Emulator, target: string, body: object) =>
  handleAwsJson(emulator, { method: 'POST', target, body: JSON.stringify(body) });

test('the clock controls run what falls due: a secret past its recovery window is gone', async () => {
  const emulator = createEmulator({ seed: 1 });
  await call(emulator, 'secretsmanager.CreateSecret', {
    Name: 'pettracker/dev/old',
    SecretString: 'x',
    ClientRequestToken: 'a'.repeat(32),
  });
  await call(emulator, 'secretsmanager.DeleteSecret', { SecretId: 'pettracker/dev/old', RecoveryWindowInDays: 7 });
  const start = emulator.clock.now();

  const week = await advanceEmulator(emulator, 6 * 86_400_000);
  const secretsAfter = (v: typeof week) =>
    Object.keys(
      (v.state.accounts['123456789012']?.['us-east-1']?.secretsmanager as { secrets?: object } | undefined)?.secrets ??
        {},
    );
  expect(week.now).toBe(start + 6 * 86_400_000);
  expect(secretsAfter(week)).toEqual(['pettracker/dev/old']);

  const later = await advanceEmulator(emulator, 2 * 86_400_000);
  expect(secretsAfter(later)).toEqual([]);
  expect(later.calls.some((c) => c.source === 'event')).toBe(true);
});
