import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { expect, it } from 'vitest';
import { derToRaw, rawToDer } from '../../../src/aws/kms/ecdsaDer';

/**
 * The DER <-> IEEE P1363 conversion against OpenSSL, over many signatures so that the edge cases
 * occur (an r or s with its high bit set, or shorter than the curve size; P-521's long-form length).
 */
// P-521 signatures always take DER's long-form length; fewer of them (slow to sign) suffice.
it.each([
  ['prime256v1', 32, 64],
  ['secp521r1', 66, 12],
] as const)('converts %s signatures both ways as OpenSSL reads them', (namedCurve, size, count) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  const message = Buffer.from('pets');
  let convertedDer = 0;
  let convertedRaw = 0;

  for (let i = 0; i < count; i++) {
    const raw = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const der = sign('sha256', message, privateKey);
    if (verify('sha256', message, publicKey, rawToDer(raw))) convertedDer++;
    const back = derToRaw(der, size);
    if (back && verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, back)) convertedRaw++;
  }

  expect(convertedDer).toBe(count);
  expect(convertedRaw).toBe(count);
  expect(derToRaw(new Uint8Array([0x30, 0x03, 0x02, 0x01]), size)).toBeUndefined();
});
