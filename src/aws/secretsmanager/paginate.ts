import { decodeToken, encodeToken } from '../core/nextToken';
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
  if (nextToken !== undefined) offset = decodeToken(scope, nextToken, invalidNextToken);
  const page = items.slice(offset, offset + maxResults);
  const end = offset + page.length;
  return end < items.length ? { page, NextToken: encodeToken(scope, end) } : { page };
}
