import { describe, expect, it } from 'vitest';
import { MalformedPolicyDocumentError, parsePolicy } from '../../../src/aws/policy';

const statement = { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' };
const parse = (document: unknown, kind: 'identity' | 'resource' = 'identity') =>
  parsePolicy({ name: 'p', document: document as object }, kind);
const problem = (document: unknown, kind: 'identity' | 'resource' = 'identity') => {
  try {
    parse(document, kind);
  } catch (e) {
    expect(e).toBeInstanceOf(MalformedPolicyDocumentError);
    expect((e as MalformedPolicyDocumentError).code).toBe('MalformedPolicyDocument');
    return (e as Error).message;
  }
  throw new Error('expected the policy to be refused');
};

describe('parsePolicy', () => {
  it('normalizes single values to lists and flattens conditions', () => {
    const policy = parse({
      Version: '2012-10-17',
      Statement: {
        ...statement,
        Condition: { 'ForAnyValue:StringLikeIfExists': { 'kms:EncryptionContextKeys': ['A*', 'B'] } },
      },
    });
    expect(policy.statements[0]).toMatchObject({
      index: 0,
      effect: 'Allow',
      actions: ['ssm:GetParameter'],
      resources: ['*'],
      conditions: [
        {
          base: 'StringLike',
          set: 'ForAnyValue',
          ifExists: true,
          key: 'kms:EncryptionContextKeys',
          values: ['A*', 'B'],
        },
      ],
    });
  });

  it('accepts JSON text and a missing Version (the legacy 2008-10-17)', () => {
    expect(parse(JSON.stringify({ Statement: [statement] })).version).toBe('2008-10-17');
  });

  it.each([
    ['not JSON', '{"Version": ', 'not valid JSON'],
    ['no Statement', { Version: '2012-10-17' }, 'no Statement'],
    [
      'an unknown top-level element',
      { Version: '2012-10-17', Statement: [statement], Extra: 1 },
      'Unknown element "Extra"',
    ],
    ['a bad Version', { Version: '2012-10-18', Statement: [statement] }, 'Version must be "2012-10-17"'],
    ['a bad Effect', { Statement: [{ ...statement, Effect: 'allow' }] }, 'Effect must be "Allow" or "Deny"'],
    ['no actions', { Statement: [{ Effect: 'Allow', Resource: '*' }] }, 'Policy statement must contain actions.'],
    [
      'no resources',
      { Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter' }] },
      'Policy statement must contain resources.',
    ],
    ['Action and NotAction', { Statement: [{ ...statement, NotAction: 'kms:*' }] }, 'both Action and NotAction'],
    [
      'an action without a vendor',
      { Statement: [{ ...statement, Action: 'GetParameter' }] },
      'must be prefaced by a vendor',
    ],
    [
      'a resource that is not an ARN',
      { Statement: [{ ...statement, Resource: 'pettracker/dev/*' }] },
      'must be in ARN format or "*"',
    ],
    [
      'a Principal in an identity policy',
      { Statement: [{ ...statement, Principal: '*' }] },
      'should not specify a principal',
    ],
    [
      'duplicate Sids',
      {
        Statement: [
          { ...statement, Sid: 'A' },
          { ...statement, Sid: 'A' },
        ],
      },
      'must be unique',
    ],
    ['a non-alphanumeric Sid', { Statement: [{ ...statement, Sid: 'read dev' }] }, 'must be alpha-numeric'],
    [
      'an unknown condition operator',
      { Statement: [{ ...statement, Condition: { StringEqual: { 'aws:x': 'y' } } }] },
      'Invalid Condition type : StringEqual',
    ],
    [
      'NullIfExists',
      { Statement: [{ ...statement, Condition: { NullIfExists: { 'aws:x': 'true' } } }] },
      'Invalid Condition type',
    ],
    [
      'an object as a condition value',
      { Statement: [{ ...statement, Condition: { StringEquals: { 'aws:x': { a: 1 } } } }] },
      'must be strings, numbers or booleans',
    ],
  ])('refuses %s', (_, document, message) => {
    expect(problem(document)).toContain(message);
  });

  it('requires a Principal in a resource policy, and allows spaces in its Sids', () => {
    expect(problem({ Statement: [statement] }, 'resource')).toContain('needs a Principal');
    const policy = parse(
      { Statement: [{ ...statement, Sid: 'Allow the app', Principal: { AWS: 'arn:aws:iam::123456789012:root' } }] },
      'resource',
    );
    expect(policy.statements[0]?.principal).toEqual({ AWS: ['arn:aws:iam::123456789012:root'] });
  });
});
