import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { LineBatch } from '../../src/server/lineBatch';

it('writes the lines of one turn of the event loop together, in order, and what is pending on flush', async () => {
  const writes: string[] = [];
  const batch = new LineBatch((text) => writes.push(text));

  batch.push('first');
  batch.push('second');
  const beforeTheTurnEnds = [...writes];
  await nextTurn();
  batch.push('third');
  batch.flush();
  await nextTurn();

  expect(beforeTheTurnEnds).toEqual([]);
  expect(writes).toEqual(['first\nsecond\n', 'third\n']);
});
