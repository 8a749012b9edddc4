/** IAM policy evaluation for the emulator. See README.md. */
export { actionName } from './actionName';
export { type AuthorizationRecord, authorizeRequest, type GrantAllowance, type ResourcePolicyInput } from './authorize';
export { type AuthorizeFn, type AuthorizeOptions, createAuthorizer } from './authorizer';
export { globalKeys, kmsKeys, resourceTagKeys } from './conditionKeys';
export { MalformedPolicyDocumentError } from './errors';
export { evaluatePolicies } from './evaluate';
export { awsManagedKeyPolicy, customerKeyPolicy } from './keyPolicies';
export { type PolicyKind, parsePolicy } from './parsePolicy';
export { type Principal, type PrincipalInput, principalContext, principalMatch, toPrincipal } from './principal';
export {
  missingSecretArn,
  type SecretForAuthorization,
  secretAuthorization,
  secretKeys,
  secretPolicyOptions,
} from './secretKeys';
export type * from './types';
