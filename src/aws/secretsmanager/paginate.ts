import { invalidNextToken } from './errors';

/**
 * Offset pagination behind an opaque NextToken. The token names the listing it belongs to, so a
 * token from ListSecrets handed to ListSecretVersionIds (or altered) is InvalidNextTokenException.
 */
export function paginate<T>(
  items: T[],
  maxResults: number,
  nextToken: string | undefined,
  scope: string,
): { page: T[]; NextToken?: string } {
  let offset = 0;
  if (nextToken !== undefined) offset = decode(nextToken, scope);
  const page = items.slice(offset, offset + maxResults);
  const end = offset + page.length;
  return end < items.length ? { page, NextToken: encode(end, scope) } : { page };
}

function encode(offset: number, scope: string): string {
  return btoa(JSON.stringify({ s: scope, o: offset }));
}

function decode(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(atob(token)) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // fall through: not one of ours
  }
  throw invalidNextToken();
}
