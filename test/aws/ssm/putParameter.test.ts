import {
  GetParameterCommand,
  InvalidAllowedPatternException,
  ParameterAlreadyExists,
  ParameterPatternMismatchException,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const put = (input: ConstructorParameters<typeof PutParameterCommand>[0]) =>
  aws.ssm.send(new PutParameterCommand(input));
const get = (Name: string, WithDecryption = false) => aws.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

describe('PutParameter', () => {
  test('creates String and StringList parameters at version 1 in the Standard tier', async () => {
    const a = await put({ Name: '/app/dev/url', Value: 'https://example.com', Type: 'String' });
    const b = await put({ Name: '/app/dev/hosts', Value: 'a,b,c', Type: 'StringList' });
    expect(a).toMatchObject({ Version: 1, Tier: 'Standard' });
    expect(b.Version).toBe(1);
    const got = (await get('/app/dev/hosts')).Parameter;
    expect(got).toMatchObject({
      Name: '/app/dev/hosts',
      Type: 'StringList',
      Value: 'a,b,c',
      Version: 1,
      DataType: 'text',
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/dev/hosts',
    });
    expect(got?.LastModifiedDate).toEqual(new Date(Date.UTC(2026, 0, 1)));
  });

  test('a name without a slash has an ARN with parameter/ and the name', async () => {
    await put({ Name: 'plain-name', Value: 'v', Type: 'String' });
    expect((await get('plain-name')).Parameter?.ARN).toBe('arn:aws:ssm:us-east-1:123456789012:parameter/plain-name');
  });

  test('a second put without Overwrite is ParameterAlreadyExists', async () => {
    await put({ Name: '/x', Value: '1', Type: 'String' });
    const err = await put({ Name: '/x', Value: '2', Type: 'String' }).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterAlreadyExists);
    expect(err.name).toBe('ParameterAlreadyExists');
    expect(err.message).toBe(
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
    expect((await get('/x')).Parameter?.Value).toBe('1');
  });

  test('Overwrite increments the version and keeps the type when Type is omitted', async () => {
    await put({ Name: '/x', Value: '1', Type: 'StringList' });
    expect((await put({ Name: '/x', Value: '2', Overwrite: true })).Version).toBe(2);
    expect((await put({ Name: '/x', Value: '3', Overwrite: true })).Version).toBe(3);
    expect((await get('/x')).Parameter).toMatchObject({ Value: '3', Version: 3, Type: 'StringList' });
  });

  test('creating without Type is a ValidationException', async () => {
    const err = await put({ Name: '/x', Value: '1' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe('A parameter type is required when you create a parameter.');
  });

  test('an unknown Type fails the enum constraint', async () => {
    const err = await put({ Name: '/x', Value: '1', Type: 'Number' as never }).catch((e) => e);
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain("at 'type' failed to satisfy constraint: Member must satisfy enum value set");
  });

  test('KeyId on a String parameter is a ValidationException', async () => {
    const err = await put({ Name: '/x', Value: '1', Type: 'String', KeyId: 'alias/aws/ssm' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe('KeyId is required for SecureString type parameter only.');
  });

  test('Tags together with Overwrite are refused with AWS wording', async () => {
    await put({ Name: '/x', Value: '1', Type: 'String' });
    const err = await put({ Name: '/x', Value: '2', Overwrite: true, Tags: [{ Key: 'k', Value: 'v' }] }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/^Invalid request: tags and overwrite can't be used together\./);
  });

  test('a description over 1024 characters fails the length constraint', async () => {
    const err = await put({ Name: '/x', Value: '1', Type: 'String', Description: 'd'.repeat(1025) }).catch((e) => e);
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain(
      "at 'description' failed to satisfy constraint: Member must have length less than or equal to 1024",
    );
  });

  test('an empty value is a ValidationException', async () => {
    const err = await put({ Name: '/x', Value: '', Type: 'String' }).catch((e) => e);
    expect(err.name).toBe('ValidationException');
  });
});

describe('AllowedPattern', () => {
  test('a value that does not match the whole pattern is ParameterPatternMismatchException', async () => {
    const err = await put({ Name: '/max', Value: '10,000', Type: 'String', AllowedPattern: '\\d{1,4}' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ParameterPatternMismatchException);
    expect(err.message).toBe('Parameter value, cannot be validated against allowedPattern: \\d{1,4}');
  });

  test('an overwrite is still held to the stored pattern', async () => {
    await put({ Name: '/max', Value: '100', Type: 'String', AllowedPattern: '\\d{1,4}' });
    const err = await put({ Name: '/max', Value: '10,000', Overwrite: true }).catch((e) => e);
    expect(err.name).toBe('ParameterPatternMismatchException');
    expect((await put({ Name: '/max', Value: '9999', Overwrite: true })).Version).toBe(2);
  });

  test("Java's (?i) flag and escapes such as \\_ are understood", async () => {
    await put({ Name: '/ci', Value: 'ABC_x', Type: 'String', AllowedPattern: '(?i)[a-z\\_]+' });
    await expect(put({ Name: '/ci', Value: 'AB-C', Overwrite: true })).rejects.toBeInstanceOf(
      ParameterPatternMismatchException,
    );
  });

  test('an invalid regular expression is InvalidAllowedPatternException', async () => {
    const err = await put({ Name: '/p', Value: 'x', Type: 'String', AllowedPattern: '([a-z' }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidAllowedPatternException);
  });
});

describe('DataType', () => {
  test('aws:ec2:image accepts an AMI id', async () => {
    await put({ Name: '/ami', Value: 'ami-0123456789abcdef0', Type: 'String', DataType: 'aws:ec2:image' });
    expect((await get('/ami')).Parameter?.DataType).toBe('aws:ec2:image');
  });

  test('aws:ec2:image refuses a value that is not an AMI id', async () => {
    const err = await put({ Name: '/ami', Value: 'not-an-ami', Type: 'String', DataType: 'aws:ec2:image' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationException);
  });

  test('an unknown data type is refused with AWS wording', async () => {
    const err = await put({ Name: '/d', Value: 'x', Type: 'String', DataType: 'Text' }).catch((e) => e);
    expect(err.message).toBe('The following data type is not supported: Text (Data type names are all lowercase.)');
  });
});
