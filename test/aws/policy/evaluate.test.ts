import { describe, expect, it } from 'vitest';
import { evaluatePolicies, parsePolicy } from '../../../src/aws/policy';
import { decide, paramArn, secretArn } from './helpers';

/** An IAM policy variable (plain text to TypeScript). */
const USERNAME_VARIABLE = ['$', '{aws:username}'].join('');

const allow = (Action: unknown, Resource: unknown, extra: object = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'A', Effect: 'Allow', Action, Resource, ...extra }],
});

describe('evaluatePolicies: Allow, explicit Deny, implicit Deny', () => {
  it('allows through the matching statement and names it', () => {
    const d = decide(allow('ssm:GetParameter', paramArn('app/*')), 'ssm:GetParameter', paramArn('app/x'));
    expect(d).toMatchObject({ decision: 'Allow', statement: { policyName: 'test', sid: 'A', index: 0 } });
    expect(d.reason).toContain('statement 0 (Sid "A") of policy "test"');
  });

  it('denies implicitly when no statement matches, and explains the near miss', () => {
    const d = decide(allow('ssm:GetParameter', paramArn('app/*')), 'ssm:GetParameter', paramArn('other/x'));
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.statement).toBeUndefined();
    expect(d.reason).toContain('names the action but not this resource');
  });

  it('lets an explicit Deny in any policy win over an Allow, and names the Deny', () => {
    const allowAll = parsePolicy({ name: 'admin', document: allow('*', '*') });
    const denyProd = parsePolicy({
      name: 'guard',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'ssm:*', Resource: '*' },
          { Sid: 'NoProd', Effect: 'Deny', Action: 'ssm:*', Resource: paramArn('pettracker/prod/*') },
        ],
      },
    });
    const request = { action: 'ssm:GetParameter', resource: paramArn('pettracker/prod/db-password') };
    expect(evaluatePolicies([allowAll, denyProd], request)).toMatchObject({
      decision: 'ExplicitDeny',
      statement: { policyName: 'guard', sid: 'NoProd', index: 1 },
    });
    expect(
      evaluatePolicies([allowAll, denyProd], { ...request, resource: paramArn('pettracker/dev/x') }),
    ).toMatchObject({
      decision: 'Allow',
      statement: { policyName: 'admin', index: 0 },
    });
  });

  it('accepts Statement as a single object', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' } };
    expect(decide(doc, 'kms:Decrypt', 'arn:aws:kms:us-east-1:123456789012:key/k').decision).toBe('Allow');
  });

  it('matches the action with wildcards, case-insensitively', () => {
    const doc = allow('ssm:GetParameter*', '*');
    expect(decide(doc, 'ssm:GetParametersByPath', paramArn('a')).decision).toBe('Allow');
    expect(decide(doc, 'ssm:GetParameterHistory', paramArn('a')).decision).toBe('Allow');
    expect(decide(doc, 'ssm:PutParameter', paramArn('a')).decision).toBe('ImplicitDeny');
    expect(decide(allow('SSM:getparameter', '*'), 'ssm:GetParameter', paramArn('a')).decision).toBe('Allow');
    expect(decide(allow('ssm:Get?arameter', '*'), 'ssm:GetParameter', paramArn('a')).decision).toBe('Allow');
    expect(decide(allow('ssm:Get?arameter', '*'), 'ssm:GetParameters', paramArn('a')).decision).toBe('ImplicitDeny');
  });

  it('NotAction allows everything but the listed actions', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 'kms:*', Resource: '*' } };
    expect(decide(doc, 'ssm:GetParameter', paramArn('a')).decision).toBe('Allow');
    expect(decide(doc, 'kms:Decrypt', '*').decision).toBe('ImplicitDeny');
  });

  it('NotResource denies everything outside the listed resources', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' },
        { Sid: 'OnlyDev', Effect: 'Deny', Action: 'ssm:GetParameter', NotResource: paramArn('pettracker/dev/*') },
      ],
    };
    expect(decide(doc, 'ssm:GetParameter', paramArn('pettracker/dev/api-url')).decision).toBe('Allow');
    expect(decide(doc, 'ssm:GetParameter', paramArn('pettracker/prod/api-url'))).toMatchObject({
      decision: 'ExplicitDeny',
      statement: { sid: 'OnlyDev', index: 1 },
    });
  });
});

describe('resource ARN wildcards', () => {
  const can = (pattern: string, arn: string) =>
    decide(allow('*', pattern), 'ssm:GetParameter', arn).decision === 'Allow';

  it('a * in the region or account part stays inside that part', () => {
    expect(can('arn:aws:ssm:*:123456789012:parameter/a', paramArn('a'))).toBe(true);
    expect(can('arn:aws:ssm:us-*:*:parameter/a', paramArn('a'))).toBe(true);
    expect(can('arn:aws:ssm:eu-*:*:parameter/a', paramArn('a'))).toBe(false);
    expect(can('arn:aws:ssm:*:*:parameter/a', paramArn('a'))).toBe(true);
    expect(can('arn:aws:ssm:*:999999999999:parameter/a', paramArn('a'))).toBe(false);
  });

  it('a * in the resource part spans slashes; matching is case-sensitive', () => {
    expect(can(paramArn('pettracker/*'), paramArn('pettracker/dev/db/password'))).toBe(true);
    expect(can(paramArn('pettracker/*'), paramArn('PetTracker/dev/x'))).toBe(false);
    expect(can(paramArn('pettracker/dev/*'), paramArn('pettracker/dev'))).toBe(false);
  });

  it('secret ARNs end in a six-character suffix that the pattern must allow for', () => {
    const arn = secretArn('pettracker/prod/db-credentials-AbC123');
    expect(can(secretArn('pettracker/*'), arn)).toBe(true);
    expect(can(secretArn('pettracker/prod/db-credentials'), arn)).toBe(false);
    expect(can(secretArn('pettracker/prod/db-credentials-??????'), arn)).toBe(true);
    expect(can(secretArn('pettracker/prod/db-credentials-?????'), arn)).toBe(false);
    expect(can(secretArn('pettracker/prod/db-credentials-*'), arn)).toBe(true);
  });

  it('substitutes policy variables (2012-10-17) and treats them as text in 2008-10-17', () => {
    const doc = (Version: string) => ({
      Version,
      Statement: { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: paramArn(`home/${USERNAME_VARIABLE}/*`) },
    });
    const ctx = { 'aws:username': 'alex' };
    expect(decide(doc('2012-10-17'), 'ssm:GetParameter', paramArn('home/alex/x'), ctx).decision).toBe('Allow');
    expect(decide(doc('2012-10-17'), 'ssm:GetParameter', paramArn('home/jordan/x'), ctx).decision).toBe('ImplicitDeny');
    expect(decide(doc('2012-10-17'), 'ssm:GetParameter', paramArn('home/alex/x'), {}).decision).toBe('ImplicitDeny');
    expect(decide(doc('2008-10-17'), 'ssm:GetParameter', paramArn('home/alex/x'), ctx).decision).toBe('ImplicitDeny');
    expect(decide(doc('2008-10-17'), 'ssm:GetParameter', paramArn(`home/${USERNAME_VARIABLE}/x`), ctx).decision).toBe(
      'Allow',
    );
  });
});
