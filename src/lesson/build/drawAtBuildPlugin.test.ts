import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { drawAll } from './drawAtBuildPlugin';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const lessons = [{ slug: 'a-lesson', html: '<figure class="mermaid-diagram"></figure>', diagrams: 1 }];

function recorder() {
  const said: string[] = [];
  return { said, logger: { info: (m: string) => said.push(m), warn: (m: string) => said.push(m) } };
}

test('without Chromium the build draws nothing, and says what happens instead and how to install it', async () => {
  const { said, logger } = recorder();
  expect(await drawAll(root, lessons, logger, null)).toBeUndefined();
  expect(said.join('\n')).toMatch(/not drawn at build time: each learner’s browser will draw them/);
  expect(said.join('\n')).toContain('apt-get install -y chromium');
});

test('a Chromium that does not start leaves the drawing to the browser too, with the reason', async () => {
  const { said, logger } = recorder();
  expect(await drawAll(root, lessons, logger, '/bin/false')).toBeUndefined();
  expect(said.join('\n')).toMatch(/Chromium at \/bin\/false did not start.*each learner’s browser will draw them/s);
});
