import { AwsError } from '../core/errors';

/**
 * KMS's exceptions with AWS's names and wording. KMS names a key by its ARN in most messages
 * and an alias by its alias ARN ("AWS itself uses AliasArn instead of AliasName").
 */
export const kmsErrors = {
  keyNotFound: (keyArn: string) => new AwsError('NotFoundException', `Key '${keyArn}' does not exist`),
  /** A KeyId that is neither a key id, a key ARN, an alias name nor an alias ARN. */
  invalidKeyId: (keyId: string) => new AwsError('NotFoundException', `Invalid keyId '${keyId}'`),
  aliasNotFound: (aliasArn: string) => new AwsError('NotFoundException', `Alias ${aliasArn} is not found.`),
  aliasExists: (aliasArn: string) =>
    new AwsError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`),
  aliasPrefix: () =>
    new AwsError(
      'ValidationException',
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    ),
  /** `alias/aws/` belongs to AWS managed keys: no caller may create, repoint or delete those aliases. */
  reservedAlias: (aliasName: string) =>
    new AwsError(
      'NotAuthorizedException',
      `Alias names beginning with alias/aws/ are reserved for AWS managed keys: ${aliasName}`,
    ),
  aliasToAlias: () => new AwsError('ValidationException', 'Aliases must refer to keys. Not aliases'),
  awsManagedKey: (operation: string, keyArn: string, accountId: string) =>
    new AwsError(
      'AccessDeniedException',
      `User: arn:aws:iam::${accountId}:root is not authorized to perform: kms:${operation} on resource: ${keyArn} because no resource-based policy allows the kms:${operation} action`,
    ),
  disabled: (keyArn: string) => new AwsError('DisabledException', `${keyArn} is disabled.`),
  pendingDeletion: (keyArn: string) => new AwsError('KMSInvalidStateException', `${keyArn} is pending deletion.`),
  notPendingDeletion: (keyArn: string) =>
    new AwsError('KMSInvalidStateException', `${keyArn} is not pending deletion.`),
  /** AWS sends no message with this one; an empty string keeps the `{__type, message}` shape. */
  invalidCiphertext: () => new AwsError('InvalidCiphertextException', ''),
  incorrectKey: () =>
    new AwsError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a CMK that can perform this operation.',
    ),
  invalidMarker: () => new AwsError('InvalidMarkerException', 'Invalid marker'),
  tag: (message: string) => new AwsError('TagException', message),
  unsupported: (message: string) => new AwsError('UnsupportedOperationException', message),
  validation: (message: string) => new AwsError('ValidationException', message),
  /** A key used for what its KeyUsage does not allow (AWS's recorded wording). */
  keyUsage: (keyArn: string, usage: string, operation: string) =>
    new AwsError('InvalidKeyUsageException', `${keyArn} key usage is ${usage} which is not valid for ${operation}.`),
  invalidKeyUsageAlgorithm: (message: string) => new AwsError('InvalidKeyUsageException', message),
  /** Verify with a signature that does not verify: AWS throws rather than answering SignatureValid false. */
  invalidSignature: () => new AwsError('KMSInvalidSignatureException', ''),
  required: (field: string) =>
    new AwsError(
      'ValidationException',
      `1 validation error detected: Value null at '${field.charAt(0).toLowerCase()}${field.slice(1)}' failed to satisfy constraint: Member must not be null`,
    ),
  dryRun: () =>
    new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.'),
  grantNotFound: (grantId: string) => new AwsError('NotFoundException', `Grant ${grantId} does not exist`),
  invalidGrantToken: () => new AwsError('InvalidGrantTokenException', 'The grant token is invalid.'),
  invalidGrantId: (grantId: string) => new AwsError('InvalidGrantIdException', `Invalid grant id ${grantId}`),
  dataKeySpec: () => new AwsError('ValidationException', 'Please specify either number of bytes or key spec.'),
};
