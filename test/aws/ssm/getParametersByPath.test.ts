import {
  GetParametersByPathCommand,
  InvalidFilterKey,
  InvalidFilterOption,
  InvalidNextToken,
  LabelParameterVersionCommand,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const byPath = (input: ConstructorParameters<typeof GetParametersByPathCommand>[0]) =>
  aws.ssm.send(new GetParametersByPathCommand(input));
const names = (out: { Parameters?: { Name?: string }[] }) => out.Parameters?.map((p) => p.Name);

beforeEach(async () => {
  const params: [string, string, 'String' | 'SecureString' | 'StringList'][] = [
    ['/pettracker/dev/db/host', 'db.local', 'String'],
    ['/pettracker/dev/db/password', 'pw', 'SecureString'],
    ['/pettracker/dev/api-url', 'http://api', 'String'],
    ['/pettracker/dev/features', 'a,b', 'StringList'],
    ['/pettracker/prod/api-url', 'https://api', 'String'],
    ['/pettracker/devx/other', 'x', 'String'],
  ];
  for (const [Name, Value, Type] of params) await aws.ssm.send(new PutParameterCommand({ Name, Value, Type }));
});

describe('GetParametersByPath', () => {
  test('non-recursive returns only the direct children of the path', async () => {
    expect(names(await byPath({ Path: '/pettracker/dev' }))).toEqual([
      '/pettracker/dev/api-url',
      '/pettracker/dev/features',
    ]);
    expect(names(await byPath({ Path: '/pettracker/dev/' }))).toEqual([
      '/pettracker/dev/api-url',
      '/pettracker/dev/features',
    ]);
  });

  test('Recursive returns every level below, never siblings that share a prefix', async () => {
    expect(names(await byPath({ Path: '/pettracker/dev', Recursive: true }))).toEqual([
      '/pettracker/dev/api-url',
      '/pettracker/dev/db/host',
      '/pettracker/dev/db/password',
      '/pettracker/dev/features',
    ]);
  });

  test('SecureStrings come back encrypted unless WithDecryption', async () => {
    const hidden = await byPath({ Path: '/pettracker/dev/db' });
    const shown = await byPath({ Path: '/pettracker/dev/db', WithDecryption: true });
    expect(hidden.Parameters?.find((p) => p.Type === 'SecureString')?.Value).not.toBe('pw');
    expect(shown.Parameters?.find((p) => p.Type === 'SecureString')?.Value).toBe('pw');
  });

  test('MaxResults pages with NextToken until every parameter is returned', async () => {
    const first = await byPath({ Path: '/pettracker', Recursive: true, MaxResults: 4 });
    expect(first.Parameters).toHaveLength(4);
    expect(first.NextToken).toBeTruthy();
    const second = await byPath({ Path: '/pettracker', Recursive: true, MaxResults: 4, NextToken: first.NextToken });
    expect(second.Parameters).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    expect(new Set([...names(first)!, ...names(second)!]).size).toBe(6);
  });

  test('MaxResults above 10 is a ValidationException', async () => {
    const err = await byPath({ Path: '/pettracker', MaxResults: 11 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toContain(
      "at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
    );
  });

  test('a token it did not issue is InvalidNextToken', async () => {
    await expect(byPath({ Path: '/pettracker', NextToken: 'garbage' })).rejects.toBeInstanceOf(InvalidNextToken);
  });

  test('ParameterFilters Type and KeyId narrow the results', async () => {
    const secure = await byPath({
      Path: '/pettracker',
      Recursive: true,
      ParameterFilters: [{ Key: 'Type', Option: 'Equals', Values: ['SecureString'] }],
    });
    expect(names(secure)).toEqual(['/pettracker/dev/db/password']);
    const byKey = await byPath({
      Path: '/pettracker',
      Recursive: true,
      ParameterFilters: [{ Key: 'KeyId', Values: ['alias/aws/ssm'] }],
    });
    expect(names(byKey)).toEqual(['/pettracker/dev/db/password']);
  });

  test('a Label filter returns the labelled version', async () => {
    await aws.ssm.send(
      new PutParameterCommand({ Name: '/pettracker/dev/api-url', Value: 'http://v2', Overwrite: true }),
    );
    await aws.ssm.send(
      new LabelParameterVersionCommand({ Name: '/pettracker/dev/api-url', ParameterVersion: 1, Labels: ['stable'] }),
    );
    const out = await byPath({
      Path: '/pettracker/dev',
      ParameterFilters: [{ Key: 'Label', Option: 'Equals', Values: ['stable'] }],
    });
    expect(out.Parameters?.map((p) => [p.Name, p.Value, p.Version])).toEqual([
      ['/pettracker/dev/api-url', 'http://api', 1],
    ]);
  });

  test('Name, Path and Tier filters are not valid here', async () => {
    const err = await byPath({ Path: '/pettracker', ParameterFilters: [{ Key: 'Name', Values: ['x'] }] }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(InvalidFilterKey);
  });

  test('Label only allows Equals', async () => {
    const err = await byPath({
      Path: '/pettracker',
      ParameterFilters: [{ Key: 'Label', Option: 'BeginsWith', Values: ['s'] }],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidFilterOption);
  });

  test('a path without a leading slash is a ValidationException', async () => {
    await expect(byPath({ Path: 'pettracker' })).rejects.toBeInstanceOf(ValidationException);
  });
});
