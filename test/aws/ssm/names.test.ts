import {
  AccessDeniedException,
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  HierarchyLevelLimitExceededException,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
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

describe('a top-level `name` and `/name` are one parameter', () => {
  test('put, get, overwrite, label, history, tags, describe and delete reach the same parameter', async () => {
    const { ssm } = aws;
    await put('config');

    const exists = await put('/config').catch((e) => e);
    const viaSlash = await ssm.send(new GetParameterCommand({ Name: '/config' }));
    const overwritten = await ssm.send(
      new PutParameterCommand({ Name: '/config', Value: 'v2', Type: 'String', Overwrite: true }),
    );
    await ssm.send(new LabelParameterVersionCommand({ Name: '/config', ParameterVersion: 1, Labels: ['first'] }));
    const history = await ssm.send(new GetParameterHistoryCommand({ Name: 'config' }));
    await ssm.send(
      new AddTagsToResourceCommand({
        ResourceType: 'Parameter',
        ResourceId: '/config',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    const tags = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'config' }));
    const described = await ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['config'] }] }),
    );
    const byArn = await ssm.send(
      new GetParameterCommand({ Name: 'arn:aws:ssm:us-east-1:123456789012:parameter/config:first' }),
    );
    await ssm.send(new DeleteParameterCommand({ Name: '/config' }));
    const gone = await ssm.send(new GetParameterCommand({ Name: 'config' })).catch((e) => e);

    expect(exists).toBeInstanceOf(ParameterAlreadyExists);
    expect(viaSlash.Parameter).toMatchObject({ Name: 'config', Value: 'v', Version: 1 });
    expect(overwritten.Version).toBe(2);
    expect(history.Parameters?.map((p) => [p.Version, p.Labels])).toEqual([
      [1, ['first']],
      [2, []],
    ]);
    expect(tags.TagList).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(described.Parameters?.map((p) => p.Name)).toEqual(['config']);
    expect(byArn.Parameter).toMatchObject({ Value: 'v', Selector: ':first' });
    expect(gone).toBeInstanceOf(ParameterNotFound);
  });
});
