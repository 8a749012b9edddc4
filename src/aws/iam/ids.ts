import { type Random, randomChars } from '../core/random';

/** IAM's unique ids and keys, in AWS's formats, drawn from the emulator's seeded random source. */
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export type IdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA';

/** A user, role, group or policy id: the prefix and 17 characters (21 in all). */
export const uniqueId = (random: Random, prefix: IdPrefix) => prefix + randomChars(random, 17, UPPER_DIGITS);

/** `AKIA…` for an IAM user's long-term key, `ASIA…` for temporary credentials: 20 characters. */
export const accessKeyId = (random: Random, prefix: 'AKIA' | 'ASIA') => prefix + randomChars(random, 16, UPPER_DIGITS);

export const secretAccessKey = (random: Random) => randomChars(random, 40, SECRET_CHARS);

/** A session token: opaque to clients, long like AWS's. */
export const sessionToken = (random: Random) => `IQoJb3JpZ2luX2Vj${randomChars(random, 340, SECRET_CHARS)}`;
