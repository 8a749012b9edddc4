import {
  AccessDeniedException,
  GetParameterCommand,
  HierarchyLevelLimitExceededException,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const put = (Name: string) => aws.ssm.send(new PutParameterCommand({ Name, Value: 'v', Type: 'String' }));

describe('parameter names', () => {
  test.each(['aws-config', 'AWSconfig', 'ssm-thing', 'SSM', '/ssmconfig', '/awsx'])(
    '%s is reserved (aws/ssm prefix, case-insensitive)',
    async (name) => {
      const err = await put(name).catch((e) => e);
      expect(err).toBeInstanceOf(ValidationException);
      expect(err.message).toBe('Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).');
    },
  );

  test('an /ssm path gets the path wording', async () => {
    const err = await put('/ssm/app/key').catch((e) => e);
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(
      /^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/,
    );
  });

  test('an /aws path is AWS namespace: AccessDeniedException naming it without the slash', async () => {
    const err = await put('/AWS/app/key').catch((e) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect(err.message).toBe('No access to reserved parameter name: AWS/app/key.');
  });

  test.each(['/has space', 'a/b', '/a//b', '/semi;colon', '/trailing/'])('%s breaks the naming rules', async (name) => {
    const err = await put(name).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
  });

  test('names are case sensitive', async () => {
    await put('/App/Key');
    await put('/app/key');
    const upper = await aws.ssm.send(new GetParameterCommand({ Name: '/App/Key' }));
    expect(upper.Parameter?.Name).toBe('/App/Key');
  });

  test('15 hierarchy levels are allowed, 16 are HierarchyLevelLimitExceededException', async () => {
    const levels = (n: number) => Array.from({ length: n }, (_, i) => `/l${i + 1}`).join('');
    expect((await put(levels(15))).Version).toBe(1);
    const err = await put(levels(16)).catch((e) => e);
    expect(err).toBeInstanceOf(HierarchyLevelLimitExceededException);
    expect(err.message).toMatch(/^A hierarchy can have a maximum of 15 levels/);
  });

  test('a name longer than 1011 characters with its ARN prefix is refused', async () => {
    const prefixLength = 'arn:aws:ssm:us-east-1:123456789012:parameter/'.length;
    expect((await put(`/${'n'.repeat(1011 - prefixLength)}`)).Version).toBe(1);
    const err = await put(`/${'n'.repeat(1012 - prefixLength)}`).catch((e) => e);
    expect(err.name).toBe('ValidationException');
  });

  test('the allowed symbols are letters, digits, _ . - and /', async () => {
    expect((await put('/Dev/DBServer/MySQL/db-string_13.v2')).Version).toBe(1);
  });
});
