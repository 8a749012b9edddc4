import { AwsError, validationError } from '../core/errors';

/**
 * Parameter Store's exceptions with AWS's names (the SDK maps `__type` to its own classes) and
 * AWS's wording where it is known. All are HTTP 400.
 */
export { validationError };

export const parameterNotFound = (name: string) => new AwsError('ParameterNotFound', `Parameter ${name} not found.`);

export const parameterVersionNotFound = (version: string | number, name: string) =>
  new AwsError(
    'ParameterVersionNotFound',
    `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`,
  );

export const parameterAlreadyExists = () =>
  new AwsError(
    'ParameterAlreadyExists',
    'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
  );

export const parameterPatternMismatch = (pattern: string) =>
  new AwsError(
    'ParameterPatternMismatchException',
    `Parameter value, cannot be validated against allowedPattern: ${pattern}`,
  );

export const invalidAllowedPattern = (pattern: string) =>
  new AwsError('InvalidAllowedPatternException', `The allowed pattern ${pattern} is not a valid regular expression.`);

export const hierarchyLevelLimitExceeded = () =>
  new AwsError(
    'HierarchyLevelLimitExceededException',
    'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.',
  );

export const parameterLimitExceeded = () =>
  new AwsError(
    'ParameterLimitExceeded',
    'You have exceeded the number of parameters for this AWS account. Delete one or more parameters and try again.',
  );

export const parameterMaxVersionLimitExceeded = (name: string, oldest: number) =>
  new AwsError(
    'ParameterMaxVersionLimitExceeded',
    `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
  );

export const parameterVersionLabelLimitExceeded = () =>
  new AwsError(
    'ParameterVersionLabelLimitExceeded',
    'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
  );

export const accessDeniedReservedName = (name: string) =>
  new AwsError('AccessDeniedException', `No access to reserved parameter name: ${name.replace(/^\//, '')}.`);

/**
 * SSM reports a KMS failure (missing, disabled or deleting key) as InvalidKeyId and quotes the
 * KMS error inside the message, the way the Java service wraps AWSKMS exceptions.
 */
export const invalidKeyIdFromKms = (kms: AwsError, requestId: string) =>
  new AwsError(
    'InvalidKeyId',
    `${kms.message} (Service: AWSKMS; Status Code: 400; Error Code: ${kms.type}; Request ID: ${requestId}; Proxy: null)`,
  );

export const invalidPolicyType = (type: string) =>
  new AwsError(
    'InvalidPolicyTypeException',
    `The policy type ${type} is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.`,
  );

export const invalidPolicyAttribute = (detail: string) =>
  new AwsError('InvalidPolicyAttributeException', `A policy attribute or its value is invalid. ${detail}`);

export const incompatiblePolicy = () =>
  new AwsError(
    'IncompatiblePolicyException',
    "There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter.",
  );

export const policiesLimitExceeded = () =>
  new AwsError(
    'PoliciesLimitExceededException',
    'You specified more than the maximum number of allowed policies for the parameter. The maximum is 10.',
  );

export const invalidFilterKey = (message: string) => new AwsError('InvalidFilterKey', message);
export const invalidFilterOption = (message: string) => new AwsError('InvalidFilterOption', message);
export const invalidFilterValue = (message: string) => new AwsError('InvalidFilterValue', message);
export const invalidNextToken = () => new AwsError('InvalidNextToken', 'The specified token is not valid.');
export const invalidResourceId = () => new AwsError('InvalidResourceId', 'Invalid Resource Id');
export const invalidResourceType = () => new AwsError('InvalidResourceType', 'Invalid Resource Type');
export const tooManyTags = () =>
  new AwsError('TooManyTagsError', 'The Tags parameter can have at most 50 tags for each resource.');

/** The Coral-style message AWS gives for a member that breaks a modelled constraint. */
export function constraintError(value: unknown, member: string, constraint: string) {
  const shown = value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return validationError(
    `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}
