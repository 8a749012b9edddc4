/**
 * ECDSA signature encodings: WebCrypto speaks IEEE P1363 (r and s, each padded to the curve's size),
 * KMS speaks DER (`SEQUENCE { INTEGER r, INTEGER s }`, RFC 3279). Two integers in one sequence is
 * all this needs, so it is written here: the RAW path (every lab exercise) stays on WebCrypto and
 * never loads the curve library that MessageType DIGEST uses (digestSigning.ts, loaded on demand).
 */

function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  // A leading 1 bit would read as negative: DER puts a 0 byte before it.
  const padded = (body[0] ?? 0) & 0x80 ? new Uint8Array([0, ...body]) : body;
  return new Uint8Array([0x02, padded.length, ...padded]);
}

/** Lengths above 127 take the long form (a P-521 signature's sequence is up to 139 bytes). */
function derLength(length: number): number[] {
  return length < 0x80 ? [length] : [0x81, length];
}

export function rawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const r = derInteger(raw.subarray(0, half));
  const s = derInteger(raw.subarray(half));
  return new Uint8Array([0x30, ...derLength(r.length + s.length), ...r, ...s]);
}

/** r || s, each left-padded to `size` bytes; undefined when the bytes are not such a DER sequence. */
export function derToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  let at = 0;
  const byte = () => der[at++];
  const length = () => {
    const first = byte();
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined;
    return byte();
  };
  if (byte() !== 0x30) return undefined;
  const total = length();
  if (total === undefined || at + total !== der.length) return undefined;
  const out = new Uint8Array(size * 2);
  for (const half of [0, 1]) {
    if (byte() !== 0x02) return undefined;
    const n = length();
    if (n === undefined || n === 0 || at + n > der.length) return undefined;
    let value = der.subarray(at, at + n);
    at += n;
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    out.set(value, half * size + size - value.length);
  }
  return at === der.length ? out : undefined;
}
