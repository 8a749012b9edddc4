import { AwsError } from '../core/errors';

/**
 * Secrets Manager's exceptions with AWS's names and wording. Every factory returns an AwsError
 * (HTTP 400) whose `__type` the SDK maps to its own exception class.
 */

export const secretNotFound = () =>
  new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

/** GetSecretValue asked for a VersionId or VersionStage the secret does not have. */
export const secretValueNotFound = (what: 'VersionId' | 'staging label', value: string) =>
  new AwsError(
    'ResourceNotFoundException',
    `Secrets Manager can't find the specified secret value for ${what}: ${value}`,
  );

/** Any access to a secret scheduled for deletion, other than DescribeSecret and RestoreSecret. */
export const markedForDeletion = () =>
  new AwsError(
    'InvalidRequestException',
    "You can't perform this operation on the secret because it was marked for deletion.",
  );

/** DeleteSecret (without ForceDeleteWithoutRecovery) on a secret already scheduled for deletion. */
export const alreadyMarkedDeleted = () =>
  new AwsError(
    'InvalidRequestException',
    "You tried to perform the operation on a secret that's currently marked deleted.",
  );

export const secretExists = (name: string) =>
  new AwsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);

export const nameScheduledForDeletion = () =>
  new AwsError(
    'InvalidRequestException',
    "You can't create this secret because a secret with this name is already scheduled for deletion.",
  );

/** A ClientRequestToken that names an existing version, sent with different secret data (AWS's wording). */
export const tokenInUse = (token: string, secretArn: string) =>
  new AwsError(
    'ResourceExistsException',
    `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${secretArn}.`,
  );

export const bothValues = () =>
  new AwsError(
    'InvalidParameterException',
    "You can't specify both a binary secret value and a string secret value in the same secret.",
  );

export const noValue = () =>
  new AwsError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.');

export const missingToken = (
  type: 'InvalidRequestException' | 'InvalidParameterException' = 'InvalidRequestException',
) => new AwsError(type, 'You must provide a ClientRequestToken value. We recommend a UUID-type value.');

export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
export const invalidRequest = (message: string) => new AwsError('InvalidRequestException', message);

export const invalidName = () =>
  new AwsError(
    'ValidationException',
    'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
  );

export const invalidNextToken = () => new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');

export const decryptionFailure = () =>
  new AwsError(
    'DecryptionFailure',
    "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
  );

export const encryptionFailure = () =>
  new AwsError(
    'EncryptionFailure',
    "Secrets Manager can't encrypt the protected secret text using the provided KMS key. Check that the KMS key is available, enabled, and not in an invalid state.",
  );

export const encryptionKeyNotFound = () =>
  new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified encryption key.");

export const malformedPolicy = (message: string) => new AwsError('MalformedPolicyDocumentException', message);

export const publicPolicy = () =>
  new AwsError(
    'PublicPolicyException',
    'This resource policy grants public access to the secret. Remove the public access and try again.',
  );

export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);

/** RotateSecret/CancelRotateSecret on a secret that never had a rotation function configured. */
export const noRotationFunction = () =>
  invalidRequest(
    "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.",
  );

export const rotationInProgress = () =>
  invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");

/**
 * RotateSecret naming a function that does not exist (or that Secrets Manager may not invoke): AWS
 * checks at call time and changes nothing. (Recorded against AWS in LocalStack's
 * test_rotate_secret_invalid_lambda_arn, whose snapshot differs from LocalStack's own
 * ResourceNotFoundException; this is AWS's error for a function it cannot invoke.)
 */
export const cannotInvokeFunction = () =>
  new AwsError(
    'AccessDeniedException',
    'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
  );
