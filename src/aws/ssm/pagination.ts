import { decodeToken, encodeToken } from '../core/nextToken';
import { invalidNextToken } from './errors';

/**
 * NextToken: an opaque string that encodes where the next page starts. A token the emulator did
 * not issue (or issued for another operation) is InvalidNextToken, as AWS answers.
 */
export function page<T>(items: T[], scope: string, maxResults: number, token: string | undefined) {
  const start = token === undefined || token === '' ? 0 : decodeToken(scope, token, invalidNextToken);
  const slice = items.slice(start, start + maxResults);
  const next = start + maxResults < items.length ? encodeToken(scope, start + maxResults) : undefined;
  return { items: slice, nextToken: next };
}
