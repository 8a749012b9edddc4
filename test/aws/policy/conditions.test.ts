import { describe, expect, it } from 'vitest';
import { allowedUnder, decide, paramArn } from './helpers';

/** An IAM policy variable (plain text to TypeScript). */
const USERNAME_VARIABLE = ['$', '{aws:username}'].join('');

/** [operator, key, policy value(s), request context, expected] — one Allow statement under that condition. */
type Case = [string, string, unknown, Record<string, unknown>, boolean];

const cases: Case[] = [
  [
    'StringEquals',
    'kms:ViaService',
    'ssm.us-east-1.amazonaws.com',
    { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' },
    true,
  ],
  [
    'StringEquals',
    'kms:ViaService',
    'ssm.us-east-1.amazonaws.com',
    { 'kms:ViaService': 'SSM.us-east-1.amazonaws.com' },
    false,
  ],
  [
    'StringEquals',
    'kms:ViaService',
    ['ssm.us-east-1.amazonaws.com', 'secretsmanager.us-east-1.amazonaws.com'],
    { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' },
    true,
  ],
  ['StringEquals', 'kms:ViaService', 'ssm.us-east-1.amazonaws.com', {}, false],
  ['StringEquals', 'aws:ResourceTag/env', 'd*', { 'aws:ResourceTag/env': 'dev' }, false],
  ['StringNotEquals', 'aws:ResourceTag/env', 'prod', { 'aws:ResourceTag/env': 'dev' }, true],
  ['StringNotEquals', 'aws:ResourceTag/env', ['prod', 'dev'], { 'aws:ResourceTag/env': 'dev' }, false],
  ['StringNotEquals', 'aws:ResourceTag/env', 'prod', {}, true],
  ['StringEqualsIgnoreCase', 'aws:ResourceTag/env', 'DEV', { 'aws:ResourceTag/env': 'dev' }, true],
  ['StringNotEqualsIgnoreCase', 'aws:ResourceTag/env', 'DEV', { 'aws:ResourceTag/env': 'dev' }, false],
  [
    'StringLike',
    'aws:PrincipalArn',
    'arn:aws:iam::*:role/pettracker-*',
    { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/pettracker-dev-lambda' },
    true,
  ],
  ['StringLike', 'secretsmanager:VersionStage', 'AWS????ENT', { 'secretsmanager:VersionStage': 'AWSCURRENT' }, true],
  ['StringLike', 'secretsmanager:VersionStage', 'AWS????ENT', { 'secretsmanager:VersionStage': 'AWSPENDING' }, false],
  [
    'StringNotLike',
    'aws:PrincipalArn',
    '*prod*',
    { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/pettracker-dev-lambda' },
    true,
  ],
  [
    'ArnEquals',
    'aws:PrincipalArn',
    'arn:aws:iam::123456789012:role/pettracker-dev-lambda',
    { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/pettracker-dev-lambda' },
    true,
  ],
  [
    'ArnLike',
    'kms:EncryptionContext:PARAMETER_ARN',
    'arn:aws:ssm:*:*:parameter/pettracker/dev/*',
    { 'kms:EncryptionContext:PARAMETER_ARN': paramArn('pettracker/dev/db-password') },
    true,
  ],
  [
    'ArnLike',
    'kms:EncryptionContext:PARAMETER_ARN',
    'arn:aws:ssm:*:*:parameter/pettracker/dev/*',
    { 'kms:EncryptionContext:PARAMETER_ARN': paramArn('pettracker/prod/db-password') },
    false,
  ],
  [
    'ArnNotLike',
    'kms:EncryptionContext:SecretARN',
    'arn:aws:secretsmanager:*:*:secret:pettracker/prod/*',
    {
      'kms:EncryptionContext:SecretARN':
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/dev/db-AbCdEf',
    },
    true,
  ],
  ['ArnNotLike', 'kms:EncryptionContext:SecretARN', 'arn:aws:secretsmanager:*:*:secret:pettracker/prod/*', {}, true],
  ['Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': true }, true],
  ['Bool', 'aws:SecureTransport', false, { 'aws:SecureTransport': true }, false],
  ['Bool', 'ssm:Recursive', 'true', { 'ssm:Recursive': 'TRUE' }, true],
  ['NumericEquals', 'test:n', '5', { 'test:n': 5 }, true],
  ['NumericNotEquals', 'test:n', 5, { 'test:n': 5 }, false],
  ['NumericLessThan', 'test:n', 10, { 'test:n': 9 }, true],
  ['NumericLessThan', 'test:n', 10, { 'test:n': 10 }, false],
  ['NumericLessThanEquals', 'test:n', 10, { 'test:n': 10 }, true],
  ['NumericGreaterThan', 'test:n', 10, { 'test:n': 11 }, true],
  ['NumericGreaterThanEquals', 'test:n', 10, { 'test:n': 9 }, false],
  ['NumericLessThan', 'test:n', 10, { 'test:n': 'many' }, false],
  [
    'DateGreaterThan',
    'aws:CurrentTime',
    '2026-01-01T00:00:00Z',
    { 'aws:CurrentTime': '2026-03-01T12:00:00.000Z' },
    true,
  ],
  ['DateLessThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', { 'aws:CurrentTime': '2026-03-01T12:00:00.000Z' }, false],
  ['DateLessThanEquals', 'aws:CurrentTime', '1767225600', { 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' }, true],
  ['DateGreaterThanEquals', 'aws:CurrentTime', '2026-01-02', { 'aws:CurrentTime': '2026-01-01T23:59:59.000Z' }, false],
  ['DateEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z', { 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' }, true],
  [
    'DateNotEquals',
    'aws:CurrentTime',
    '2026-01-01T00:00:00Z',
    { 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' },
    false,
  ],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '203.0.113.7' }, true],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '198.51.100.7' }, true],
  ['BinaryEquals', 'test:b', 'QmluYXJ5', { 'test:b': 'QmluYXJ5' }, true],
  ['Null', 'aws:ResourceTag/env', 'true', {}, true],
  ['Null', 'aws:ResourceTag/env', 'true', { 'aws:ResourceTag/env': 'dev' }, false],
  ['Null', 'aws:ResourceTag/env', 'false', { 'aws:ResourceTag/env': 'dev' }, true],
  ['StringEqualsIfExists', 'aws:ResourceTag/env', 'dev', {}, true],
  ['StringEqualsIfExists', 'aws:ResourceTag/env', 'dev', { 'aws:ResourceTag/env': 'prod' }, false],
  ['ArnLikeIfExists', 'aws:SourceArn', 'arn:aws:lambda:*:*:function:pettracker-*', {}, true],
  [
    'ForAnyValue:StringEquals',
    'kms:EncryptionContextKeys',
    'PARAMETER_ARN',
    { 'kms:EncryptionContextKeys': ['SecretARN', 'PARAMETER_ARN'] },
    true,
  ],
  ['ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', 'PARAMETER_ARN', {}, false],
  [
    'ForAllValues:StringEquals',
    'kms:EncryptionContextKeys',
    ['SecretARN', 'SecretVersionId'],
    { 'kms:EncryptionContextKeys': ['SecretARN', 'SecretVersionId'] },
    true,
  ],
  [
    'ForAllValues:StringEquals',
    'kms:EncryptionContextKeys',
    ['SecretARN'],
    { 'kms:EncryptionContextKeys': ['SecretARN', 'Other'] },
    false,
  ],
  // The classic trap: ForAllValues holds when the key is absent.
  ['ForAllValues:StringEquals', 'kms:EncryptionContextKeys', ['SecretARN'], {}, true],
  ['ForAnyValue:StringLike', 'test:list', 'pet*', { 'test:list': ['cat', 'pettracker'] }, true],
  ['ForAllValues:StringNotEquals', 'test:list', 'prod', { 'test:list': ['dev', 'staging'] }, true],
];

describe('condition operators', () => {
  it.each(cases)('%s %s %j with %j → %s', (operator, key, values, context, expected) => {
    expect(allowedUnder({ [operator]: { [key]: values } }, context as never)).toBe(expected);
  });

  it('condition key names are case-insensitive, values are not', () => {
    expect(
      allowedUnder(
        { StringEquals: { 'KMS:VIASERVICE': 'ssm.us-east-1.amazonaws.com' } },
        { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' },
      ),
    ).toBe(true);
  });

  it('ANDs keys and operators, ORs the values of one key', () => {
    const condition = {
      StringEquals: {
        'kms:ViaService': ['ssm.us-east-1.amazonaws.com', 'ssm.eu-west-1.amazonaws.com'],
        'kms:CallerAccount': '123456789012',
      },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    const ok = {
      'kms:ViaService': 'ssm.eu-west-1.amazonaws.com',
      'kms:CallerAccount': '123456789012',
      'aws:SecureTransport': true,
    };
    expect(allowedUnder(condition, ok)).toBe(true);
    expect(allowedUnder(condition, { ...ok, 'kms:CallerAccount': '999999999999' })).toBe(false);
    expect(allowedUnder(condition, { ...ok, 'aws:SecureTransport': false })).toBe(false);
  });

  it('substitutes policy variables in condition values', () => {
    expect(
      allowedUnder(
        { StringEquals: { 'aws:ResourceTag/owner': USERNAME_VARIABLE } },
        { 'aws:ResourceTag/owner': 'alex', 'aws:username': 'alex' },
      ),
    ).toBe(true);
    expect(
      allowedUnder(
        { StringEquals: { 'aws:ResourceTag/owner': USERNAME_VARIABLE } },
        { 'aws:ResourceTag/owner': 'alex', 'aws:username': 'jordan' },
      ),
    ).toBe(false);
  });

  it('explains a failed condition in the implicit deny', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' } },
      },
    };
    const d = decide(doc, 'kms:Decrypt', 'arn:aws:kms:us-east-1:123456789012:key/k');
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.reason).toContain('its condition StringEquals kms:ViaService is not met');
  });
});
