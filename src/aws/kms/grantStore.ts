import type { Dict } from '../core/dict';
import {
  indexInsert,
  indexRange,
  indexRemove,
  lowerBound,
  type OrderedIndex,
  orderedIndex,
} from '../core/orderedIndex';
import type { KmsGrant } from './grants';

/**
 * Grants enter and leave `state.grants` only through `storeGrant` / `removeGrant`, which keep two
 * orders beside the map (core/orderedIndex.ts): by key (ListGrants, and the grants authorization
 * looks at) and by retiring principal (ListRetirableGrants). Within one key or principal, grants
 * are in creation order (the map's order), so a list or a check reads one key's grants, never
 * every grant of the account and region (issue 14: a page costs the page).
 */
export const grantsByKey = (grants: Dict<KmsGrant>): OrderedIndex => orderedIndex(grants, 'key', (g) => g.KeyId);
export const grantsByRetiring = (grants: Dict<KmsGrant>): OrderedIndex =>
  orderedIndex(grants, 'retiring', (g) => g.RetiringPrincipal ?? '');

export function storeGrant(grants: Dict<KmsGrant>, grant: KmsGrant): void {
  const known = Object.hasOwn(grants, grant.GrantId);
  grants[grant.GrantId] = grant;
  if (!known) indexInsert(grants, grant.GrantId);
}

export function removeGrant(grants: Dict<KmsGrant>, grantId: string): void {
  if (!Object.hasOwn(grants, grantId)) return;
  indexRemove(grants, grantId);
  delete grants[grantId];
}

/** The grants on one key, oldest first. */
export function grantsOfKey(grants: Dict<KmsGrant>, keyId: string): KmsGrant[] {
  return indexRange(
    grants,
    () => grantsByKey(grants),
    (index) => lowerBound(index, keyId),
    (g) => g.KeyId !== keyId,
  );
}
