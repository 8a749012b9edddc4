import { expect, test } from 'vitest';
import { createEmulator } from '../aws/emulator';
import { handleAwsJson } from '../aws/protocol/json';
import { inspect } from './inspectorModel';

test('a failure inside the emulator is shown as one, apart from the AWS calls it did not make', async () => {
  // Prepare: one AWS call, then a background job that throws (a bug in the emulator).
  const emulator = createEmulator({ onInternalError: () => {} });
  await handleAwsJson(emulator, {
    method: 'POST',
    target: 'secretsmanager.CreateSecret',
    body: JSON.stringify({ Name: 'app/db', SecretString: 'x', ClientRequestToken: '0'.repeat(32) }),
  });
  emulator.work.enqueue(() => {
    throw new TypeError('a bug in a background job');
  });
  await emulator.idle();

  // Act
  const model = inspect(emulator.snapshot(), emulator.log.entries());

  // Assess
  expect(model.internalErrors).toEqual([
    {
      seq: expect.any(Number),
      time: emulator.clock.now(),
      where: 'background job',
      message: 'TypeError: a bug in a background job',
    },
  ]);
  expect(model.counts).toEqual([{ key: 'secretsmanager.CreateSecret', count: 1, errors: 0 }]);
  expect(model.secrets.map((s) => s.name)).toEqual(['app/db']);
});
