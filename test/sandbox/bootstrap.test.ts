import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/app/build/csp';
import { FRAME_BOOTSTRAP, FRAME_BOOTSTRAP_HASH, frameDocument, LEARNER_CSP } from '../../src/sandbox/frame/bootstrap';

test("the frame's bootstrap hash is the sha256 of its script, in both policies that must allow it", () => {
  const hash = `'sha256-${createHash('sha256').update(FRAME_BOOTSTRAP).digest('base64')}'`;
  expect(FRAME_BOOTSTRAP_HASH).toBe(hash);
  expect(LEARNER_CSP).toContain(hash);
  expect(CONTENT_SECURITY_POLICY).toContain(hash);
  expect(frameDocument()).toContain(`<script>${FRAME_BOOTSTRAP}</script>`);
});

test("the learner realm's own policy allows no request, no eval and nothing but blob: scripts and workers", () => {
  expect(LEARNER_CSP).toBe(`default-src 'none'; script-src ${FRAME_BOOTSTRAP_HASH} blob:; worker-src blob:`);
});
