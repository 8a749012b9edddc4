import { webcrypto } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { learnerCrypto } from './webCrypto';

// The learner realm's `crypto` against Node's real Web Crypto: same bytes out, same errors by name.
const real = webcrypto.subtle as unknown as SubtleCrypto;
const lab = learnerCrypto(webcrypto as unknown as Crypto).subtle;
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
const hex = (b: ArrayBuffer) => Buffer.from(b).toString('hex');

async function nameOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (e) {
    return (e as Error).name;
  }
}

describe('AES-GCM', () => {
  test.each([16, 32])(
    'a %i-byte key encrypts to the same bytes as Web Crypto, with and without additional data',
    async (n) => {
      // Prepare
      const raw = bytes(n, 7);
      const realKey = await real.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
      const labKey = await lab.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
      const data = bytes(5000, 3);
      for (const params of [
        { iv: bytes(12, 1) },
        { iv: bytes(12, 2), additionalData: bytes(9, 4) },
        { iv: bytes(16, 5) },
      ]) {
        // Act
        const mine = await lab.encrypt({ name: 'AES-GCM', ...params }, labKey, data);
        const theirs = await real.encrypt({ name: 'AES-GCM', ...params }, realKey, data);
        // Assess: identical ciphertext and tag, and each side decrypts the other's.
        expect(hex(mine)).toBe(hex(theirs));
        expect(hex(await real.decrypt({ name: 'AES-GCM', ...params }, realKey, mine))).toBe(hex(data.buffer));
        expect(hex(await lab.decrypt({ name: 'AES-GCM', ...params }, labKey, theirs))).toBe(hex(data.buffer));
      }
    },
  );

  test('a changed byte, another iv or other additional data fails as OperationError', async () => {
    const key = await lab.importKey('raw', bytes(32, 9), 'aes-gcm', false, ['encrypt', 'decrypt']);
    const iv = bytes(12, 1);
    const sealed = new Uint8Array(
      await lab.encrypt({ name: 'AES-GCM', iv, additionalData: bytes(3, 0) }, key, bytes(40, 2)),
    );
    const changed = sealed.slice();
    changed[5] = (changed[5] ?? 0) ^ 1;
    expect(await nameOf(lab.decrypt({ name: 'AES-GCM', iv, additionalData: bytes(3, 0) }, key, changed))).toBe(
      'OperationError',
    );
    expect(
      await nameOf(lab.decrypt({ name: 'AES-GCM', iv: bytes(12, 2), additionalData: bytes(3, 0) }, key, sealed)),
    ).toBe('OperationError');
    expect(await nameOf(lab.decrypt({ name: 'AES-GCM', iv }, key, sealed))).toBe('OperationError');
    expect(await nameOf(lab.decrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(4)))).toBe('OperationError');
  });

  test('keys keep their usages and extractability, as CryptoKeys do', async () => {
    const sealing = await lab.importKey('raw', bytes(32, 1), 'AES-GCM', false, ['encrypt']);
    expect(Object.prototype.toString.call(sealing)).toBe('[object CryptoKey]');
    expect(sealing).toMatchObject({
      type: 'secret',
      extractable: false,
      algorithm: { name: 'AES-GCM', length: 256 },
      usages: ['encrypt'],
    });
    expect(Object.keys(sealing)).not.toContain('bytes');
    expect(await nameOf(lab.decrypt({ name: 'AES-GCM', iv: bytes(12, 1) }, sealing, new Uint8Array(32)))).toBe(
      'InvalidAccessError',
    );
    expect(await nameOf(lab.exportKey('raw', sealing))).toBe('InvalidAccessError');
    const generated = await lab.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const exported = await lab.exportKey('raw', generated as CryptoKey);
    expect(exported.byteLength).toBe(32);
    // Node decrypts what the generated key encrypted: it is an ordinary AES-256 key.
    const iv = bytes(12, 3);
    const sealed = await lab.encrypt({ name: 'AES-GCM', iv }, generated as CryptoKey, bytes(10, 1));
    const realKey = await real.importKey('raw', exported, 'AES-GCM', false, ['decrypt']);
    expect(hex(await real.decrypt({ name: 'AES-GCM', iv }, realKey, sealed))).toBe(hex(bytes(10, 1).buffer));
  });

  test('wrong arguments are refused with the names Chromium gives them', async () => {
    const usages: KeyUsage[] = ['encrypt'];
    expect(await nameOf(lab.importKey('raw', bytes(20, 1), 'AES-GCM', false, usages))).toBe('DataError');
    expect(await nameOf(lab.importKey('raw', bytes(24, 1), 'AES-GCM', false, usages))).toBe('OperationError');
    expect(await nameOf(lab.importKey('raw', bytes(32, 1), 'AES-GCM', false, []))).toBe('SyntaxError');
    expect(await nameOf(lab.importKey('raw', bytes(32, 1), 'AES-GCM', false, ['sign']))).toBe('SyntaxError');
    expect(await nameOf(lab.importKey('raw', 'not bytes' as never, 'AES-GCM', false, usages))).toBe('TypeError');
    expect(await nameOf(lab.generateKey({ name: 'AES-GCM', length: 100 }, false, usages))).toBe('OperationError');
    const key = await lab.importKey('raw', bytes(32, 1), 'AES-GCM', false, usages);
    expect(await nameOf(lab.encrypt({ name: 'AES-GCM', iv: new Uint8Array() }, key, bytes(3, 1)))).toBe(
      'OperationError',
    );
    expect(await nameOf(lab.encrypt({ name: 'AES-GCM' } as AesGcmParams, key, bytes(3, 1)))).toBe('TypeError');
    expect(await nameOf(lab.encrypt({ name: 'AES-GCM', iv: bytes(12, 1) }, {} as CryptoKey, bytes(3, 1)))).toBe(
      'TypeError',
    );
  });
});

test('digest gives the same hashes as Web Crypto', async () => {
  const data = bytes(1000, 5);
  for (const name of ['SHA-256', 'SHA-384', 'SHA-512'])
    expect(hex(await lab.digest(name, data))).toBe(hex(await real.digest(name, data)));
});

test('what is not offered says so, and names what is', async () => {
  const sign = (lab as unknown as { sign: () => Promise<unknown> }).sign();
  await expect(sign).rejects.toMatchObject({ name: 'NotSupportedError', message: expect.stringContaining('AES-GCM') });
  await expect(lab.importKey('raw', bytes(32, 1), { name: 'RSA-OAEP' }, false, ['encrypt'])).rejects.toMatchObject({
    name: 'NotSupportedError',
    message: expect.stringMatching(/^Algorithm RSA-OAEP is not available here: the lab's sandbox offers AES-GCM/),
  });
  await expect(lab.importKey('jwk', {} as never, 'AES-GCM', false, ['encrypt'])).rejects.toMatchObject({
    name: 'NotSupportedError',
  });
  await expect(lab.digest('SHA-1', bytes(3, 1))).rejects.toMatchObject({ name: 'NotSupportedError' });
});
