/**
 * A policy document IAM would refuse. `code` is the error IAM's API answers with
 * (`MalformedPolicyDocument`); the message says what is wrong and where, in IAM's wording where
 * IAM has one.
 */
export class MalformedPolicyDocumentError extends Error {
  readonly code = 'MalformedPolicyDocument';

  constructor(policyName: string, message: string) {
    super(`Policy "${policyName}": ${message}`);
    this.name = 'MalformedPolicyDocumentError';
  }
}
