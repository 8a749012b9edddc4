import { own } from '../core/dict';
import { keptPerObjectForLast } from '../core/memo';
import type { OperationContext } from '../core/service';
import {
  actionName,
  awsManagedKeyPolicy,
  customerKeyPolicy,
  kmsKeys,
  type RequestContext,
  type ResourcePolicyInput,
  resourceTagKeys,
} from '../policy';
import { grantsOfKey } from './grantStore';
import { grantAllowing, type KmsGrant } from './grants';
import { AWS_MANAGED_ALIASES, type KmsKey, kmsState } from './state';

/**
 * KMS authorization: every request on a key is decided by the key policy together with the caller's
 * identity-based policies (see src/aws/policy/keyPolicies.ts for the two policies keys get here).
 * A service acting for the caller (SSM, Secrets Manager) sets `viaService`, which is what
 * `kms:ViaService` conditions test; a direct KMS call never carries that key.
 */
export function keyPolicyOf(ctx: OperationContext, key: KmsKey): ResourcePolicyInput {
  if (key.KeyManager === 'CUSTOMER') {
    return key.Policy === undefined
      ? customerKeyPolicy(ctx.accountId)
      : { name: `key policy of ${key.KeyId}`, keyPolicy: true, document: key.Policy };
  }
  // Only AWS's own aliases name an AWS managed key: two lookups, not a walk over every alias.
  const { aliases } = kmsState(ctx);
  const alias = AWS_MANAGED_ALIASES.find((name) => own(aliases, name)?.TargetKeyId === key.KeyId);
  return awsManagedKeyPolicy(ctx.accountId, ctx.region, alias?.slice('alias/aws/'.length) ?? 'unknown');
}

/**
 * Authorizes `kms:<Operation>` on a key as the caller (throws AccessDeniedException): the key
 * policy and IAM, then the key's grants (a grant for the caller and the operation, its constraint
 * met, allows on its own). `creating` is the grant a CreateGrant asks for.
 */
export function authorizeKey(
  ctx: OperationContext,
  operation: string,
  key: KmsKey,
  options: {
    encryptionContext?: Record<string, string>;
    viaService?: 'ssm' | 'secretsmanager';
    creating?: Pick<KmsGrant, 'Operations' | 'Constraints' | 'GranteePrincipal' | 'RetiringPrincipal'>;
  } = {},
): void {
  const { encryptionContext, creating, viaService } = options;
  // Built only when there is a principal to evaluate (see AuthorizeFn), the condition keys only
  // when a statement reads them: the account's administrator, the usual caller of a read, needs none
  // of it. Anonymous functions, no spreads: this runs on every request that reads a secret.
  ctx.authorize(
    actionName('kms', operation),
    key.Arn,
    () => kmsRequestKeys(ctx, key, encryptionContext, viaService, creating),
    () => ({
      resourcePolicy: keyPolicyOf(ctx, key),
      // The key's grants are looked at only if the policies do not allow. A method, not an arrow
      // property: tsx names an arrow property with a defineProperty call each time one is made.
      grant(principal) {
        return grantAllowing(grantsOfKey(kmsState(ctx).grants, key.KeyId), operation, {
          encryptionContext,
          creating,
          viaService,
        })(principal);
      },
    }),
  );
}

/**
 * The `kms:*` keys of the usual read, kept per frozen encryption context (a secret version's:
 * secretsmanager/values.ts) for the last caller account, service and region it was asked with: the
 * same inputs give the same keys, frozen, so the evaluator normalizes them once too
 * (requestContext.ts normalizeOnce). Only for a key without tags (tags can change).
 */
const keysOfFrozenContext = keptPerObjectForLast(
  (encryptionContext: Readonly<Record<string, string>>, callerAccount: string, via: string, region: string) =>
    Object.freeze(
      kmsKeys({
        callerAccount,
        encryptionContext,
        viaService: via ? { service: via as 'ssm' | 'secretsmanager', region } : undefined,
      }),
    ) as RequestContext,
);

/** The `kms:*` condition keys and the key's tags, for a request on `key`. */
function kmsRequestKeys(
  ctx: OperationContext,
  key: KmsKey,
  encryptionContext: Record<string, string> | undefined,
  viaService: 'ssm' | 'secretsmanager' | undefined,
  creating: Pick<KmsGrant, 'Operations' | 'Constraints' | 'GranteePrincipal' | 'RetiringPrincipal'> | undefined,
): RequestContext {
  if (!creating && key.Tags.length === 0 && encryptionContext !== undefined && Object.isFrozen(encryptionContext)) {
    return keysOfFrozenContext(encryptionContext, ctx.caller.accountId, viaService ?? '', ctx.region);
  }
  const constraint = creating?.Constraints?.EncryptionContextEquals
    ? 'EncryptionContextEquals'
    : creating?.Constraints?.EncryptionContextSubset
      ? 'EncryptionContextSubset'
      : undefined;
  const keys = kmsKeys({
    // The caller's account, not the key's: they differ for a secret read across accounts.
    callerAccount: ctx.caller.accountId,
    encryptionContext,
    viaService: viaService ? { service: viaService, region: ctx.region } : undefined,
    grant: creating
      ? {
          operations: creating.Operations,
          grantee: creating.GranteePrincipal,
          retiring: creating.RetiringPrincipal,
          constraint,
        }
      : undefined,
  });
  return Object.assign(keys, resourceTagKeys(key.Tags.map((t) => ({ Key: t.TagKey, Value: t.TagValue }))));
}

/**
 * The key a ciphertext blob names, so Decrypt is authorized on that key before anything is
 * decrypted (KMS reads the key from a symmetric ciphertext). The header is crypto.ts's blob format:
 * 4 magic bytes, the key id's length (1 byte), the key id. Undefined when the blob names no key here,
 * and decryption then fails with InvalidCiphertextException as before.
 */
export function keyOfBlob(ctx: OperationContext, blob: Uint8Array): KmsKey | undefined {
  if (blob.length < 6) return undefined;
  const length = blob[4] ?? 0;
  const id = new TextDecoder().decode(blob.subarray(5, 5 + length));
  const keys = kmsState(ctx).keys;
  return Object.hasOwn(keys, id) ? keys[id] : undefined;
}
