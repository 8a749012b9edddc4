import { toEpochSeconds } from '../core/clock';
import { AwsError } from '../core/errors';
import type { OperationContext } from '../core/service';
import { readSecretValue, requireSecret } from '../secretsmanager';
import { validationError } from './errors';
import type { ParsedReference } from './names';

export const SECRET_REFERENCE_PREFIX = '/aws/reference/secretsmanager/';

/**
 * `/aws/reference/secretsmanager/<secret-id>[:<VersionId or staging label>]`: Parameter Store reads
 * the secret from Secrets Manager (GetSecretValue under the hood, so LastAccessedDate moves too).
 * AWS's rules, in order: a malformed selector is refused first (parseReference); then
 * WithDecryption must be true; the answer is a SecureString at Version 0 whose ARN is the secret's,
 * LastModifiedDate the version's creation, no DataType, and SourceResult the secret as JSON.
 * A binary secret has no Value.
 */
export function getSecretReference(ctx: OperationContext, ref: ParsedReference, decrypt: boolean) {
  if (!decrypt) throw validationError('WithDecryption flag must be True for retrieving a Secret Manager secret.');
  const secretId = ref.name.slice(SECRET_REFERENCE_PREFIX.length);
  const selector = ref.selector?.slice(1);
  const notFound = () =>
    new AwsError(
      'ParameterNotFound',
      `An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret ${ref.name.slice(1)}${ref.selector ?? 'null'} not found.`,
    );
  let value: ReturnType<typeof readSecretValue>;
  try {
    // Parameter Store reads the secret as the caller: secretsmanager:GetSecretValue is needed too.
    const secret = requireSecret(ctx, secretId, { authorize: 'GetSecretValue' });
    const isVersionId = selector !== undefined && secret.versions.some((v) => v.VersionId === selector);
    value = readSecretValue(ctx, secret, isVersionId ? { versionId: selector } : { stage: selector });
  } catch (e) {
    if (!(e instanceof AwsError) || e.type === 'AccessDeniedException') throw e;
    if (e.type === 'ResourceNotFoundException') throw notFound();
    // A secret scheduled for deletion, or one whose key cannot decrypt it.
    throw validationError('Invalid Request to Secrets Manager');
  }
  const plain = 'SecretString' in value ? value.SecretString : undefined;
  const source = {
    ARN: value.ARN,
    name: value.Name,
    versionId: value.VersionId,
    ...('SecretString' in value ? { secretString: value.SecretString } : { secretBinary: value.SecretBinary }),
    versionStages: value.VersionStages,
    createdDate: new Date((value.CreatedDate ?? 0) * 1000).toISOString(),
  };
  return {
    Name: ref.name,
    Type: 'SecureString' as const,
    ...(plain !== undefined ? { Value: plain } : {}),
    Version: 0,
    ...(ref.selector ? { Selector: ref.selector } : {}),
    SourceResult: JSON.stringify(source),
    LastModifiedDate: value.CreatedDate ?? toEpochSeconds(ctx.clock.now()),
    ARN: value.ARN,
  };
}
