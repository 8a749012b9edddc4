import type { AwsError } from './errors';

/**
 * Opaque pagination tokens shared by every service: a token names the listing it belongs to
 * (`scope`) and the offset where the next page starts, so a token from another operation, or an
 * altered one, is rejected with the calling service's own error.
 */
export function encodeToken(scope: string, offset: number): string {
  return btoa(JSON.stringify({ s: scope, o: offset }));
}

export function decodeToken(scope: string, token: string, invalid: () => AwsError): number {
  try {
    const parsed = JSON.parse(atob(token)) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // not one of ours: fall through
  }
  throw invalid();
}
