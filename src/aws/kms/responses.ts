import { toEpochSeconds } from '../core/clock';
import type { OperationContext } from '../core/service';
import { type AsymmetricSpec, signingAlgorithms } from './asymmetric';
import type { KmsGrant } from './grants';
import type { KmsAlias, KmsKey } from './state';

/** Response shapes shared by KMS operations (dates in epoch seconds). */

/** KeyMetadata as DescribeKey, CreateKey and friends return it (dates in epoch seconds). Tags are not part of it. */
export function keyMetadata(ctx: OperationContext, key: KmsKey) {
  return {
    AWSAccountId: ctx.accountId,
    KeyId: key.KeyId,
    Arn: key.Arn,
    CreationDate: toEpochSeconds(key.CreationDate),
    Enabled: key.KeyState === 'Enabled',
    Description: key.Description,
    KeyUsage: key.KeyUsage,
    KeyState: key.KeyState,
    ...(key.DeletionDate !== undefined ? { DeletionDate: toEpochSeconds(key.DeletionDate) } : {}),
    Origin: key.Origin,
    KeyManager: key.KeyManager,
    CustomerMasterKeySpec: key.KeySpec,
    KeySpec: key.KeySpec,
    ...(key.KeyUsage === 'SIGN_VERIFY'
      ? { SigningAlgorithms: signingAlgorithms(key.KeySpec as AsymmetricSpec) }
      : { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }),
    MultiRegion: false,
    ...(key.PendingDeletionWindowInDays !== undefined
      ? { PendingDeletionWindowInDays: key.PendingDeletionWindowInDays }
      : {}),
  };
}

/** An alias as ListAliases returns it. */
export function aliasEntry(alias: KmsAlias) {
  return {
    AliasName: alias.AliasName,
    AliasArn: alias.AliasArn,
    TargetKeyId: alias.TargetKeyId,
    CreationDate: toEpochSeconds(alias.CreationDate),
    LastUpdatedDate: toEpochSeconds(alias.LastUpdatedDate),
  };
}

/** A grant as ListGrants and ListRetirableGrants return it (the key by ARN, the issuing account as its root ARN). */
export function grantEntry(ctx: OperationContext, grant: KmsGrant) {
  return {
    KeyId: `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${grant.KeyId}`,
    GrantId: grant.GrantId,
    ...(grant.Name !== undefined ? { Name: grant.Name } : {}),
    CreationDate: toEpochSeconds(grant.CreationDate),
    GranteePrincipal: grant.GranteePrincipal,
    ...(grant.RetiringPrincipal !== undefined ? { RetiringPrincipal: grant.RetiringPrincipal } : {}),
    IssuingAccount: grant.IssuingAccount,
    Operations: grant.Operations,
    ...(grant.Constraints !== undefined ? { Constraints: grant.Constraints } : {}),
  };
}
