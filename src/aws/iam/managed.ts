import { own } from '../core/dict';
import { AWS_POLICY_PREFIX } from './arns';
import type { IamState } from './state';

/**
 * AWS managed policies this emulator knows, with their documents as AWS publishes them. Only
 * policies whose document is short enough to keep exact are modelled; another
 * `arn:aws:iam::aws:policy/...` is NoSuchEntity.
 */
export const AWS_MANAGED_POLICIES: Record<string, { name: string; document: string; description: string }> = {
  [`${AWS_POLICY_PREFIX}AdministratorAccess`]: {
    name: 'AdministratorAccess',
    description: 'Provides full access to AWS services and resources.',
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  },
};

/** When AWS published the modelled AWS managed policies' only version (v1, their default). */
export const AWS_MANAGED_DATE = Date.UTC(2015, 1, 6, 18, 39, 46);

/** The document of the default version of a managed policy (customer or AWS), or undefined. */
export function managedDocument(state: IamState, arn: string): { name: string; document: string } | undefined {
  const aws = Object.hasOwn(AWS_MANAGED_POLICIES, arn) ? AWS_MANAGED_POLICIES[arn] : undefined;
  if (aws) return aws;
  const policy = own(state.policies, arn);
  const version = policy?.versions.find((v) => v.VersionId === policy.DefaultVersionId);
  return policy && version ? { name: policy.PolicyName, document: version.Document } : undefined;
}
