import { randomInt } from '../../core/random';
import type { OperationContext } from '../../core/service';
import { authorizeAccountWide } from '../authorize';
import { invalidParameter } from '../errors';
import { type Input, optBool, optInt, optString } from '../validate';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** The punctuation Secrets Manager uses: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ */
export const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * GetRandomPassword: PasswordLength 1–4096 (default 32) drawn from lower- and uppercase letters,
 * digits and punctuation (each can be excluded), plus space with IncludeSpace, minus
 * ExcludeCharacters. RequireEachIncludedType (default true) puts at least one character of each
 * included letter/digit/punctuation type in the password. Draws from the emulator's seeded random.
 */
export function getRandomPassword(ctx: OperationContext, input: Input) {
  const length = optInt(input, 'PasswordLength', { min: 1, max: 4096 }) ?? 32;
  authorizeAccountWide(ctx, 'GetRandomPassword');
  const exclude = new Set(optString(input, 'ExcludeCharacters', { max: 4096 }) ?? '');
  const keep = (chars: string) => [...chars].filter((c) => !exclude.has(c)).join('');
  const types = [
    optBool(input, 'ExcludeLowercase') ? '' : keep(LOWER),
    optBool(input, 'ExcludeUppercase') ? '' : keep(UPPER),
    optBool(input, 'ExcludeNumbers') ? '' : keep(DIGITS),
    optBool(input, 'ExcludePunctuation') ? '' : keep(PUNCTUATION),
  ].filter((t) => t.length > 0);
  const space = optBool(input, 'IncludeSpace') && !exclude.has(' ') ? ' ' : '';
  const requireEach = optBool(input, 'RequireEachIncludedType') ?? true;
  const pool = types.join('') + space;
  if (pool.length === 0)
    throw invalidParameter('No characters are left to generate a password from: every character type is excluded.');
  const required = requireEach ? types : [];
  if (length < required.length) throw invalidParameter('Password length is too short based on the required types.');
  const pick = (chars: string) => chars[randomInt(ctx.random, chars.length)] ?? '';
  const out = required.map(pick);
  while (out.length < length) out.push(pick(pool));
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(ctx.random, i + 1);
    [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
  }
  return { RandomPassword: out.join('') };
}
