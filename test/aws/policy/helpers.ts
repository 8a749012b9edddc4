import type { Decision, RequestContext } from '../../../src/aws/policy';
import { evaluatePolicies, parsePolicy } from '../../../src/aws/policy';

export const ACCOUNT = '123456789012';
export const paramArn = (name: string) => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${name.replace(/^\//, '')}`;
export const secretArn = (nameWithSuffix: string) =>
  `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${nameWithSuffix}`;
export const keyArn = (id: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`;

/** Evaluates one identity policy document (named "test") for one request. */
export function decide(
  document: object,
  action: string,
  resource: string,
  context: RequestContext = {},
  name = 'test',
): Decision {
  return evaluatePolicies([parsePolicy({ name, document })], { action, resource, context });
}

/** A one-statement Allow of `ssm:GetParameter` on everything, under the given Condition. */
export function allowedUnder(condition: object, context: RequestContext): boolean {
  const document = {
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*', Condition: condition },
  };
  return decide(document, 'ssm:GetParameter', paramArn('x'), context).decision === 'Allow';
}
