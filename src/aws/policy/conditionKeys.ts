import type { RequestContext } from './types';

/**
 * Builders for the condition keys a request carries. Services call these with plain data, so the
 * keys are named in one place: `aws:*` global keys, resource tags, and the `kms:*` keys KMS sets
 * on every cryptographic request (including those a service makes on the caller's behalf).
 */

/** Keys every request has: the time (on the simulated clock), HTTPS, the region asked for. */
export function globalKeys(now: number, region: string): RequestContext {
  return {
    'aws:CurrentTime': new Date(now).toISOString(),
    'aws:EpochTime': Math.floor(now / 1000),
    // The SDK and the AWS CLI always call AWS over HTTPS.
    'aws:SecureTransport': true,
    'aws:RequestedRegion': region,
  };
}

type Tags = readonly { Key: string; Value: string }[] | Record<string, string>;

/**
 * `aws:ResourceTag/<key>` for each tag, plus the service's own spelling when it has one
 * (`secretsmanager:ResourceTag/<key>`, `ssm:resourceTag/<key>`; key names are case-insensitive).
 */
export function resourceTagKeys(tags: Tags | undefined, servicePrefix?: string): RequestContext {
  const entries = Array.isArray(tags)
    ? (tags as readonly { Key: string; Value: string }[]).map((t) => [t.Key, t.Value] as const)
    : Object.entries((tags ?? {}) as Record<string, string>);
  const context: RequestContext = {};
  for (const [key, value] of entries) {
    context[`aws:ResourceTag/${key}`] = value;
    if (servicePrefix) context[`${servicePrefix}:ResourceTag/${key}`] = value;
  }
  return context;
}

/**
 * The `kms:*` keys of a KMS request: `kms:CallerAccount`, `kms:EncryptionContext:<key>` for each
 * pair and `kms:EncryptionContextKeys`, and `kms:ViaService` (`<service>.<region>.amazonaws.com`)
 * only when a service such as SSM or Secrets Manager calls KMS for the caller.
 */
export function kmsKeys(args: {
  callerAccount: string;
  encryptionContext?: Record<string, string>;
  viaService?: { service: string; region: string };
  /** CreateGrant: the grant asked for (`kms:GrantOperations`, `kms:GranteePrincipal`...). */
  grant?: { operations: string[]; grantee: string; retiring?: string; constraint?: string };
}): RequestContext {
  const context: RequestContext = { 'kms:CallerAccount': args.callerAccount };
  if (args.grant) {
    context['kms:GrantOperations'] = args.grant.operations;
    context['kms:GranteePrincipal'] = args.grant.grantee;
    if (args.grant.retiring) context['kms:RetiringPrincipal'] = args.grant.retiring;
    if (args.grant.constraint) context['kms:GrantConstraintType'] = args.grant.constraint;
    // Only a service acting for the caller (kms:ViaService) creates grants for an AWS resource.
    context['kms:GrantIsForAWSResource'] = args.viaService !== undefined;
  }
  if (args.viaService) context['kms:ViaService'] = `${args.viaService.service}.${args.viaService.region}.amazonaws.com`;
  const pairs = Object.entries(args.encryptionContext ?? {});
  for (const [key, value] of pairs) context[`kms:EncryptionContext:${key}`] = value;
  if (pairs.length > 0) context['kms:EncryptionContextKeys'] = pairs.map(([k]) => k);
  return context;
}
