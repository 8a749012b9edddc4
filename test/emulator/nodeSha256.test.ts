import type { HashConstructor } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { NobleSha256 } from '../../src/aws/protocol/sha256';
import { NodeSha256 } from '../../src/server/nodeSha256';

/**
 * The endpoint's SHA-256 (Node's crypto, one-shot for a single chunk) must give what the browser's
 * (@noble/hashes) gives, however the data comes: one chunk, several, none, bytes, a key (HMAC).
 */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
async function digest(ctor: HashConstructor, chunks: (string | Uint8Array | ArrayBuffer)[], secret?: Uint8Array) {
  const h = new ctor(secret);
  for (const c of chunks) h.update(c);
  return hex(await h.digest());
}

describe('NodeSha256', () => {
  const cases: [string, (string | Uint8Array | ArrayBuffer)[]][] = [
    ['nothing', []],
    ['one string', ['{"SecretId":"pettracker/prod/db-credentials"}']],
    ['one chunk of bytes', [new Uint8Array([0, 1, 2, 255])]],
    ['several chunks', ['a', new Uint8Array([98]), new Uint8Array([99, 100]).buffer, 'é']],
  ];

  it.each(cases)('hashes %s as @noble/hashes does', async (_, chunks) => {
    const node = await digest(NodeSha256, chunks);
    const noble = await digest(NobleSha256, chunks);

    expect(node).toBe(noble);
  });

  it.each([
    ['nothing', ''],
    ['a JSON body', '{"SecretId":"pettracker/prod/db-credentials"}'],
    ['text beyond ASCII', 'é€😀'],
  ])('hexOf gives %s the hex of its digest', async (_, text) => {
    expect(NodeSha256.hexOf(text)).toBe(await digest(NobleSha256, [text]));
  });

  it.each(cases)('keyed (HMAC), hashes %s as @noble/hashes does', async (_, chunks) => {
    const key = new Uint8Array(32).fill(7);

    expect(await digest(NodeSha256, chunks, key)).toBe(await digest(NobleSha256, chunks, key));
  });

  it.each([
    ['a key shorter than a block', new Uint8Array(5).fill(1)],
    ['a key of exactly a block', new Uint8Array(64).fill(2)],
    ['a key longer than a block (hashed first)', new Uint8Array(100).map((_, i) => i)],
  ])('keyed with %s, hashes one text as @noble/hashes does', async (_, key) => {
    for (const chunks of [['AWS4-HMAC-SHA256\n20260101T000000Z\né'], [new Uint8Array([0, 255, 7])], []]) {
      expect(await digest(NodeSha256, chunks, key)).toBe(await digest(NobleSha256, chunks, key));
    }
  });

  it('knows an HMAC-SHA-256 from RFC 4231 (test case 2: key "Jefe")', async () => {
    const key = new TextEncoder().encode('Jefe');

    expect(await digest(NodeSha256, ['what do ya want for nothing?'], key)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('knows the SHA-256 of "abc"', async () => {
    expect(await digest(NodeSha256, ['abc'])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
