import { invalidNextToken } from './errors';

/**
 * NextToken: an opaque string that encodes where the next page starts. A token the emulator did
 * not issue (or issued for another operation) is InvalidNextToken, as AWS answers.
 */
export function page<T>(items: T[], scope: string, maxResults: number, token: string | undefined) {
  const start = token === undefined || token === '' ? 0 : decode(scope, token);
  const slice = items.slice(start, start + maxResults);
  const next = start + maxResults < items.length ? encode(scope, start + maxResults) : undefined;
  return { items: slice, nextToken: next };
}

function encode(scope: string, offset: number): string {
  return btoa(JSON.stringify({ s: scope, o: offset }));
}

function decode(scope: string, token: string): number {
  try {
    const parsed = JSON.parse(atob(token)) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // fall through
  }
  throw invalidNextToken();
}
