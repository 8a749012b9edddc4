import { MalformedPolicyDocumentError, type Policy, type PolicyKind, parsePolicy } from '../policy';
import { type EntityKind, iamErrors } from './errors';
import type { InlinePolicies } from './state';

/**
 * Policy documents as IAM stores them: validated by the same parser the evaluator uses (so a
 * document IAM accepts is one the emulator can evaluate), sized without white space as IAM counts,
 * and returned URL-encoded, as IAM's API returns every document (the AWS CLI decodes it; the SDKs
 * leave that to the caller: `decodeURIComponent`).
 */
export const INLINE_QUOTA: Record<EntityKind, number> = { user: 2048, role: 10_240, group: 5120 };
export const MANAGED_POLICY_QUOTA = 6144;

/** Parses a document (MalformedPolicyDocument with the parser's explanation). `trust` documents name a Principal. */
export function checkDocument(name: string, document: string, kind: PolicyKind = 'identity'): Policy {
  try {
    return parsePolicy({ name, document }, kind);
  } catch (e) {
    if (e instanceof MalformedPolicyDocumentError)
      throw iamErrors.malformed(e.message.replace(/^Policy "[^"]*": /, ''));
    throw e;
  }
}

export const sizeWithoutWhitespace = (document: string) => document.replace(/\s+/g, '').length;

/** A managed policy's document (CreatePolicy, CreatePolicyVersion): parsed, and at most 6,144 characters. */
export function checkManagedDocument(name: string, document: string): void {
  checkDocument(name, document);
  if (sizeWithoutWhitespace(document) > MANAGED_POLICY_QUOTA)
    throw iamErrors.policySize('managed', name, MANAGED_POLICY_QUOTA);
}

/** Throws LimitExceeded when the entity's inline policies would exceed IAM's aggregate quota. */
export function checkInlineQuota(kind: EntityKind, entityName: string, entity: InlinePolicies): void {
  const total = Object.values(entity.inline).reduce((n, doc) => n + sizeWithoutWhitespace(doc), 0);
  if (total > INLINE_QUOTA[kind]) throw iamErrors.policySize(kind, entityName, INLINE_QUOTA[kind]);
}

export const encodeDocument = (document: string) => encodeURIComponent(document);
