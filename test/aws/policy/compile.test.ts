import { describe, expect, it } from 'vitest';
import { compileStatement } from '../../../src/aws/policy/compile';
import { normalizeContext } from '../../../src/aws/policy/requestContext';
import type { PolicyStatement } from '../../../src/aws/policy/types';
import { arnMatch, wildcardMatch } from '../../../src/aws/policy/wildcard';

/**
 * A statement's patterns are compiled once (compile.ts); they must decide exactly as matching the
 * pattern text each time does (wildcard.ts), for every pattern shape: wildcards in each ARN part,
 * colons and slashes in the resource part, fewer than six parts, policy variables (substituted
 * under 2012-10-17, literal text under 2008-10-17), and case (actions ignore it, resources do not).
 */
const v = (name: string) => ['$', `{${name}}`].join('');
const RESOURCES = [
  '*',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf',
  'arn:aws:secretsmanager:*:123456789012:secret:app/*',
  'arn:aws:secretsmanager:us-east-?:*:secret:app/db-??????',
  'arn:aws:ssm:us-east-1:123456789012:parameter/app/*/pw',
  'arn:aws:*:*:*:*',
  'arn:aws:kms:us-east-1:123456789012:key/*',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:a:b*',
  'app/*',
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:${v('aws:username')}/*`,
  `arn:aws:ssm:us-east-1:123456789012:parameter/${v('aws:PrincipalTag/team')}-${v('*')}`,
  `arn:aws:iam::123456789012:user/${v("aws:username, 'nobody'")}`,
  `arn:aws:${v('aws:username')}:us-east-1:123456789012:x`,
];
const ARNS = [
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf',
  'arn:aws:secretsmanager:us-east-2:123456789012:secret:app/db-AbCdEf',
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/x:y',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:a:bc',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/x',
  'arn:aws:ssm:us-east-1:123456789012:parameter/app/x/pw',
  'arn:aws:ssm:us-east-1:123456789012:parameter/app/x/y/pw',
  'arn:aws:ssm:us-east-1:123456789012:parameter/blue-*',
  'arn:aws:ssm:us-east-1:123456789012:parameter/blue-x',
  'arn:aws:kms:us-east-1:123456789012:key/1234',
  'arn:aws:iam::123456789012:user/dev',
  'arn:aws:iam::123456789012:user/nobody',
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:${v('aws:username')}/x`,
  'arn:aws:dev:us-east-1:123456789012:x',
  'app/x',
  'APP/x',
  '*',
];
const ACTIONS = [
  '*',
  'secretsmanager:GetSecretValue',
  'secretsmanager:Get*',
  'SSM:getparameter?',
  'kms:*',
  'kms:Re*Encrypt*',
];
const CALLS = [
  'secretsmanager:GetSecretValue',
  'ssm:GetParameters',
  'ssm:GetParameter',
  'kms:ReEncryptFrom',
  'KMS:decrypt',
];
const CONTEXTS = [
  undefined,
  normalizeContext({ 'aws:username': 'dev', 'aws:PrincipalTag/team': 'blue' }),
  normalizeContext({ 'aws:username': ['dev', 'ops'] }),
];

const statement = (field: 'resources' | 'notResources' | 'actions', pattern: string): PolicyStatement => ({
  index: 0,
  effect: 'Allow',
  ...(field === 'actions' ? { actions: [pattern] } : { actions: ['*'], [field]: [pattern] }),
  conditions: [],
});

describe('compiled statements decide as the pattern text does', () => {
  it('resources and not-resources, with and without policy variables', () => {
    const differences: string[] = [];
    let matched = 0;
    for (const pattern of RESOURCES) {
      for (const withVariables of [true, false]) {
        const resource = compileStatement(statement('resources', pattern), withVariables).resource;
        const notResource = compileStatement(statement('notResources', pattern), withVariables).resource;
        for (const arn of ARNS) {
          for (const context of CONTEXTS) {
            const variables = withVariables ? context : undefined;
            const expected = arnMatch(pattern, arn, { variables });
            if (expected) matched++;
            if (resource(arn, variables) !== expected || notResource(arn, variables) !== !expected)
              differences.push(`${pattern} ${withVariables} ${arn} ${context ? [...context.keys()] : '-'}`);
          }
        }
      }
    }

    expect(differences).toEqual([]);
    expect(matched).toBeGreaterThan(40); // the table holds matches, not only misses
  });

  it('actions, case-insensitively', () => {
    const differences: string[] = [];
    for (const pattern of ACTIONS) {
      const action = compileStatement(statement('actions', pattern), true).action;
      for (const call of CALLS) {
        if (action(call) !== wildcardMatch(pattern, call, { ignoreCase: true })) differences.push(`${pattern} ${call}`);
      }
    }

    expect(differences).toEqual([]);
    expect(compileStatement(statement('actions', 'SSM:getparameter?'), true).action('ssm:GetParameters')).toBe(true);
  });
});
