import { fromBase64, toBase64 } from '../core/base64';
import { type Dict, dict } from '../core/dict';
import { randomBytes, randomChars } from '../core/random';
import type { OperationContext } from '../core/service';
import type { GrantAllowance, Principal } from '../policy';

/**
 * KMS grants: a grant lets one principal (the grantee) perform some operations with one key,
 * without the key policy or IAM naming it. Grants only allow (an explicit Deny in a key policy or
 * an identity policy still wins), and a grant with an encryption-context constraint allows a
 * cryptographic operation only when the request's context satisfies it.
 */
export interface GrantConstraints {
  /** The request's encryption context must be exactly these pairs. */
  EncryptionContextEquals?: Dict<string>;
  /** The request's encryption context must include these pairs (more are fine). */
  EncryptionContextSubset?: Dict<string>;
}

export interface KmsGrant {
  GrantId: string;
  /** The key's id (grants live in the key's account and region). */
  KeyId: string;
  Name?: string;
  CreationDate: number;
  GranteePrincipal: string;
  RetiringPrincipal?: string;
  IssuingAccount: string;
  Operations: string[];
  Constraints?: GrantConstraints;
}

/** The operations a grant can allow (the API reference's GrantOperation enum). */
export const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
] as const;

/**
 * The operations a constraint applies to: those with an EncryptionContext (symmetric cryptography).
 * A constrained grant may also hold DescribeKey, RetireGrant and CreateGrant, which it allows
 * whatever the context; any other operation cannot be constrained.
 */
export const CONTEXT_OPERATIONS = new Set([
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
]);
export const UNCONSTRAINED_OK = new Set(['DescribeKey', 'RetireGrant', 'CreateGrant']);

/** A grant id: 64 hex characters, as KMS's. */
export const newGrantId = (ctx: OperationContext) => randomChars(ctx.random, 64, '0123456789abcdef');

const TOKEN_HEADER = [0x01, 0x0a, 0x40];

/**
 * A grant token: opaque base64 that names its grant (RetireGrant accepts a token instead of the key
 * and grant id). Each CreateGrant answers a new one. Grants here take effect at once, so a token is
 * never needed for a grant to work; requests may pass up to 10 in GrantTokens.
 */
export function grantToken(ctx: OperationContext, grantId: string): string {
  const id = new TextEncoder().encode(grantId);
  return toBase64(new Uint8Array([...TOKEN_HEADER, ...id, ...randomBytes(ctx.random, 32)]));
}

/** The grant id a token names, or undefined when the text is not a token this emulator issued. */
export function grantIdOfToken(token: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(token);
  } catch {
    return undefined;
  }
  if (bytes.length !== TOKEN_HEADER.length + 64 + 32) return undefined;
  if (TOKEN_HEADER.some((b, i) => bytes[i] !== b)) return undefined;
  const id = new TextDecoder().decode(bytes.subarray(TOKEN_HEADER.length, TOKEN_HEADER.length + 64));
  return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
}

/** A service principal (`secretsmanager.amazonaws.com`): the grantee KMS names for an AWS service. */
const SERVICE_PRINCIPAL = /^([a-z0-9-]+)\.amazonaws\.com$/;

/**
 * How a grant's grantee names the caller ("Valid principals include AWS accounts, IAM users, IAM
 * roles, federated users, and assumed role users", and AWS services):
 * - `principal`: the user or role it names, or a session of that role: the grant allows on its own;
 * - `account`: the caller's account (`arn:aws:iam::<account>:root`): like a key policy naming the
 *   account root, it delegates to the account, whose principals get the grant's operations only as
 *   far as their own identity-based policies allow (authorizeRequest checks that);
 * - `service`: a service principal, matched by the calls that service makes. A service here acts on
 *   a caller's behalf (SSM and Secrets Manager calling KMS, `kms:ViaService`), so a grant to
 *   `secretsmanager.amazonaws.com` allows the key to Secrets Manager's calls, whoever asked for them.
 */
export type GranteeMatch = 'principal' | 'account' | 'service';

export function granteeMatch(
  grantee: string,
  principal: Principal,
  viaService: string | undefined,
): GranteeMatch | undefined {
  if (grantee === principal.principalArn || grantee === principal.callerArn) return 'principal';
  if (grantee === `arn:aws:iam::${principal.accountId}:root`) return 'account';
  if (viaService !== undefined && SERVICE_PRINCIPAL.exec(grantee)?.[1] === viaService) return 'service';
  return undefined;
}

/** Whether the caller is the grant's grantee in person (the user or role it names, or a session of that role). */
export function isGrantee(grant: Pick<KmsGrant, 'GranteePrincipal'>, principal: Principal): boolean {
  return granteeMatch(grant.GranteePrincipal, principal, undefined) === 'principal';
}

const isRetiring = (grant: KmsGrant, principal: Principal) =>
  grant.RetiringPrincipal !== undefined &&
  (grant.RetiringPrincipal === principal.principalArn || grant.RetiringPrincipal === principal.callerArn);

/** Grant constraints compare keys without case and values with case (the API reference says so). */
function contextHas(context: Record<string, string>, pairs: Dict<string>): boolean {
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(pairs).every(([k, v]) => lower.get(k.toLowerCase()) === v);
}

export function constraintsHold(constraints: GrantConstraints | undefined, context: Record<string, string>): boolean {
  if (!constraints) return true;
  const { EncryptionContextEquals: equals, EncryptionContextSubset: subset } = constraints;
  if (equals && !(contextHas(context, equals) && Object.keys(context).length === Object.keys(equals).length))
    return false;
  return !subset || contextHas(context, subset);
}

/**
 * A grant that lets a grantee create a grant allows only grants no broader than itself: operations
 * it holds, and a constraint at least as strict as its own.
 */
export function coversGrant(grant: KmsGrant, asked: Pick<KmsGrant, 'Operations' | 'Constraints'>): boolean {
  if (!asked.Operations.every((op) => grant.Operations.includes(op))) return false;
  const own = grant.Constraints;
  if (!own) return true;
  const equals = asked.Constraints?.EncryptionContextEquals;
  const subset = asked.Constraints?.EncryptionContextSubset;
  if (own.EncryptionContextEquals) {
    return equals !== undefined && constraintsHold({ EncryptionContextEquals: own.EncryptionContextEquals }, equals);
  }
  const required = own.EncryptionContextSubset ?? dict();
  return (
    (equals !== undefined && contextHas(equals, required)) || (subset !== undefined && contextHas(subset, required))
  );
}

/**
 * What authorizeKey asks: the grant on the key that lets `principal` perform `operation` with this
 * encryption context (constraints apply to cryptographic operations only). `creating` is the grant a
 * CreateGrant request asks for, which the allowing grant must cover.
 */
export function grantAllowing(
  /** The key's grants (grantStore.ts's grantsOfKey). */
  grants: readonly KmsGrant[],
  operation: string,
  request: {
    encryptionContext?: Record<string, string>;
    creating?: Pick<KmsGrant, 'Operations' | 'Constraints'>;
    /** The service making the call on the caller's behalf (`kms:ViaService`), if any. */
    viaService?: string;
  },
): (principal: Principal) => GrantAllowance | undefined {
  return (principal) => {
    let delegated: GrantAllowance | undefined;
    for (const grant of grants) {
      if (!grant.Operations.includes(operation)) continue;
      const match = granteeMatch(grant.GranteePrincipal, principal, request.viaService);
      if (!match) continue;
      if (CONTEXT_OPERATIONS.has(operation) && !constraintsHold(grant.Constraints, request.encryptionContext ?? {}))
        continue;
      if (request.creating && !coversGrant(grant, request.creating)) continue;
      const allowance = { grantId: grant.GrantId, ...(grant.Name ? { name: grant.Name } : {}) };
      // A grant that names the caller (or the service) outranks one that only delegates to the account.
      if (match !== 'account') return allowance;
      delegated ??= { ...allowance, delegated: true };
    }
    return delegated;
  };
}

/** RetireGrant: the grant itself says who may retire it (its retiring principal, or its grantee when it holds RetireGrant). */
export function retiringAllowance(grant: KmsGrant): (principal: Principal) => GrantAllowance | undefined {
  return (principal) =>
    isRetiring(grant, principal) || (isGrantee(grant, principal) && grant.Operations.includes('RetireGrant'))
      ? { grantId: grant.GrantId, ...(grant.Name ? { name: grant.Name } : {}) }
      : undefined;
}
