import {
  AddTagsToResourceCommand,
  DescribeParametersCommand,
  InvalidFilterKey,
  InvalidFilterOption,
  InvalidFilterValue,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const describeParams = (input: ConstructorParameters<typeof DescribeParametersCommand>[0] = {}) =>
  aws.ssm.send(new DescribeParametersCommand(input));
const names = (out: { Parameters?: { Name?: string }[] }) => out.Parameters?.map((p) => p.Name);

beforeEach(async () => {
  await aws.ssm.send(
    new PutParameterCommand({
      Name: '/shop/dev/url',
      Value: 'u',
      Type: 'String',
      Description: 'the url',
      AllowedPattern: '.*',
    }),
  );
  await aws.ssm.send(new PutParameterCommand({ Name: '/shop/dev/db/pass', Value: 'p', Type: 'SecureString' }));
  await aws.ssm.send(new PutParameterCommand({ Name: '/shop/prod/url', Value: 'u', Type: 'String', Tier: 'Advanced' }));
  await aws.ssm.send(new PutParameterCommand({ Name: 'rootname', Value: 'r', Type: 'StringList' }));
  await aws.ssm.send(
    new AddTagsToResourceCommand({
      ResourceType: 'Parameter',
      ResourceId: '/shop/prod/url',
      Tags: [{ Key: 'env', Value: 'prod' }],
    }),
  );
});

describe('DescribeParameters', () => {
  test('returns metadata without values, sorted by name', async () => {
    const out = await describeParams();
    expect(names(out)).toEqual(['/shop/dev/db/pass', '/shop/dev/url', '/shop/prod/url', 'rootname']);
    const url = out.Parameters?.find((p) => p.Name === '/shop/dev/url');
    expect(url).toEqual({
      Name: '/shop/dev/url',
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/shop/dev/url',
      Type: 'String',
      LastModifiedDate: new Date(Date.UTC(2026, 0, 1)),
      LastModifiedUser: 'arn:aws:iam::123456789012:root',
      Description: 'the url',
      AllowedPattern: '.*',
      Version: 1,
      Tier: 'Standard',
      Policies: [],
      DataType: 'text',
    });
    expect(out.Parameters?.some((p) => 'Value' in p)).toBe(false);
  });

  test('Path OneLevel and Recursive', async () => {
    const one = await describeParams({ ParameterFilters: [{ Key: 'Path', Values: ['/shop/dev'] }] });
    expect(names(one)).toEqual(['/shop/dev/url']);
    const all = await describeParams({ ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/shop'] }] });
    expect(names(all)).toEqual(['/shop/dev/db/pass', '/shop/dev/url', '/shop/prod/url']);
  });

  test('Name with Equals, BeginsWith and Contains', async () => {
    const eq = await describeParams({ ParameterFilters: [{ Key: 'Name', Values: ['/shop/dev/url'] }] });
    expect(names(eq)).toEqual(['/shop/dev/url']);
    const begins = await describeParams({
      ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/shop/dev'] }],
    });
    expect(names(begins)).toEqual(['/shop/dev/db/pass', '/shop/dev/url']);
    const contains = await describeParams({ ParameterFilters: [{ Key: 'Name', Option: 'Contains', Values: ['url'] }] });
    expect(names(contains)).toEqual(['/shop/dev/url', '/shop/prod/url']);
  });

  test('Type, KeyId, Tier, DataType and tag filters', async () => {
    const filter = async (Key: string, Values: string[]) =>
      names(await describeParams({ ParameterFilters: [{ Key, Values }] }));
    expect(await filter('Type', ['SecureString'])).toEqual(['/shop/dev/db/pass']);
    expect(await filter('KeyId', ['alias/aws/ssm'])).toEqual(['/shop/dev/db/pass']);
    expect(await filter('Tier', ['Advanced'])).toEqual(['/shop/prod/url']);
    expect(await filter('DataType', ['text'])).toHaveLength(4);
    expect(await filter('tag:env', ['prod'])).toEqual(['/shop/prod/url']);
    expect(await filter('tag:env', ['dev'])).toEqual([]);
  });

  test('filters combine with AND', async () => {
    const out = await describeParams({
      ParameterFilters: [
        { Key: 'Type', Values: ['String'] },
        { Key: 'Path', Option: 'Recursive', Values: ['/shop'] },
      ],
    });
    expect(names(out)).toEqual(['/shop/dev/url', '/shop/prod/url']);
  });

  test('legacy Filters still work, but not together with ParameterFilters', async () => {
    const legacy = await describeParams({ Filters: [{ Key: 'Type', Values: ['StringList'] }] });
    expect(names(legacy)).toEqual(['rootname']);
    const err = await describeParams({
      Filters: [{ Key: 'Type', Values: ['String'] }],
      ParameterFilters: [{ Key: 'Type', Values: ['String'] }],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe('You can use either Filters or ParameterFilters in a single request.');
  });

  test('MaxResults and NextToken page through the results', async () => {
    const first = await describeParams({ MaxResults: 3 });
    const second = await describeParams({ MaxResults: 3, NextToken: first.NextToken });
    expect(names(first)).toHaveLength(3);
    expect(names(second)).toEqual(['rootname']);
    expect(second.NextToken).toBeUndefined();
  });

  test('MaxResults above 50 is a ValidationException', async () => {
    await expect(describeParams({ MaxResults: 51 })).rejects.toBeInstanceOf(ValidationException);
  });

  test('invalid filter keys, options and values get their own exceptions', async () => {
    await expect(describeParams({ ParameterFilters: [{ Key: 'Label', Values: ['x'] }] })).rejects.toBeInstanceOf(
      InvalidFilterKey,
    );
    await expect(
      describeParams({ ParameterFilters: [{ Key: 'Type', Option: 'Contains', Values: ['String'] }] }),
    ).rejects.toBeInstanceOf(InvalidFilterOption);
    await expect(describeParams({ ParameterFilters: [{ Key: 'Type', Values: ['Number'] }] })).rejects.toBeInstanceOf(
      InvalidFilterValue,
    );
    await expect(describeParams({ ParameterFilters: [{ Key: 'Type' }] })).rejects.toBeInstanceOf(InvalidFilterValue);
    await expect(
      describeParams({ ParameterFilters: [{ Key: 'Path', Option: 'Equals', Values: ['/shop'] }] }),
    ).rejects.toBeInstanceOf(InvalidFilterOption);
    await expect(describeParams({ ParameterFilters: [{ Key: 'Colour', Values: ['x'] }] })).rejects.toBeInstanceOf(
      ValidationException,
    );
  });

  test('a filter key given twice is InvalidFilterKey', async () => {
    const err = await describeParams({
      ParameterFilters: [
        { Key: 'Type', Values: ['String'] },
        { Key: 'Type', Values: ['SecureString'] },
      ],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidFilterKey);
    expect(err.message).toMatch(/^The following filter is duplicated in the request: Type\./);
  });

  test('a Path filter into /aws or /ssm is refused', async () => {
    const err = await describeParams({ ParameterFilters: [{ Key: 'Path', Values: ['/aws/service'] }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/^Filters for common parameters can't be prefixed with "aws" or "ssm"/);
  });
});
