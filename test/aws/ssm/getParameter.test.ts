import {
  GetParameterCommand,
  GetParametersCommand,
  LabelParameterVersionCommand,
  ParameterNotFound,
  ParameterVersionNotFound,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const get = (Name: string, WithDecryption?: boolean) => aws.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

beforeEach(async () => {
  await aws.ssm.send(new PutParameterCommand({ Name: '/app/color', Value: 'red', Type: 'String' }));
  await aws.ssm.send(new PutParameterCommand({ Name: '/app/color', Value: 'green', Overwrite: true }));
  await aws.ssm.send(new PutParameterCommand({ Name: '/app/color', Value: 'blue', Overwrite: true }));
});

describe('GetParameter', () => {
  test('returns the latest version with every field', async () => {
    aws.emulator.clock.advance(90_500);
    const { Parameter } = await get('/app/color');
    expect(Parameter).toEqual({
      Name: '/app/color',
      Type: 'String',
      Value: 'blue',
      Version: 3,
      LastModifiedDate: new Date(Date.UTC(2026, 0, 1)),
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/color',
      DataType: 'text',
    });
  });

  test('LastModifiedDate follows the simulated clock in epoch seconds', async () => {
    aws.emulator.clock.advance(61_000);
    await aws.ssm.send(new PutParameterCommand({ Name: '/app/color', Value: 'later', Overwrite: true }));
    expect((await get('/app/color')).Parameter?.LastModifiedDate).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 1, 1)));
  });

  test('name:version selects a version and echoes the Selector', async () => {
    const { Parameter } = await get('/app/color:1');
    expect(Parameter).toMatchObject({ Name: '/app/color', Value: 'red', Version: 1, Selector: ':1' });
  });

  test('name:label selects the labelled version', async () => {
    await aws.ssm.send(new LabelParameterVersionCommand({ Name: '/app/color', ParameterVersion: 2, Labels: ['prod'] }));
    const { Parameter } = await get('/app/color:prod');
    expect(Parameter).toMatchObject({ Value: 'green', Version: 2, Selector: ':prod' });
  });

  test('a missing parameter is ParameterNotFound', async () => {
    const err = await get('/app/nope').catch((e) => e);
    expect(err).toBeInstanceOf(ParameterNotFound);
    expect(err.name).toBe('ParameterNotFound');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  test('a missing version is ParameterVersionNotFound', async () => {
    const err = await get('/app/color:9').catch((e) => e);
    expect(err).toBeInstanceOf(ParameterVersionNotFound);
    expect(err.message).toBe(
      'Systems Manager could not find version 9 of /app/color. Verify the version and try again.',
    );
  });

  test('a label no version carries is ParameterNotFound', async () => {
    await expect(get('/app/color:nolabel')).rejects.toBeInstanceOf(ParameterNotFound);
  });

  test('two selectors are a ValidationException', async () => {
    const err = await get('/app/color:1:2').catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/^Invalid parameter name\. Please use correct syntax/);
  });

  test('a parameter can be read by its ARN', async () => {
    const { Parameter } = await get('arn:aws:ssm:us-east-1:123456789012:parameter/app/color');
    expect(Parameter).toMatchObject({ Name: '/app/color', Value: 'blue' });
  });
});

describe('GetParameters', () => {
  test('returns the found parameters and lists the missing ones in InvalidParameters', async () => {
    await aws.ssm.send(new PutParameterCommand({ Name: '/app/size', Value: 'L', Type: 'String' }));
    const out = await aws.ssm.send(
      new GetParametersCommand({ Names: ['/app/color', '/app/size', '/app/missing', '/app/color:7'] }),
    );
    expect(out.Parameters?.map((p) => [p.Name, p.Value])).toEqual([
      ['/app/color', 'blue'],
      ['/app/size', 'L'],
    ]);
    expect(out.InvalidParameters).toEqual(['/app/missing', '/app/color:7']);
  });

  test('selectors work in GetParameters too', async () => {
    const out = await aws.ssm.send(new GetParametersCommand({ Names: ['/app/color:1', '/app/color'] }));
    expect(out.Parameters?.map((p) => [p.Value, p.Selector])).toEqual([
      ['red', ':1'],
      ['blue', undefined],
    ]);
  });

  test('SecureStrings are decrypted only WithDecryption', async () => {
    await aws.ssm.send(new PutParameterCommand({ Name: '/app/secret', Value: 'pw', Type: 'SecureString' }));
    const hidden = await aws.ssm.send(new GetParametersCommand({ Names: ['/app/secret'] }));
    expect(hidden.Parameters?.[0]?.Value).not.toBe('pw');
    const shown = await aws.ssm.send(new GetParametersCommand({ Names: ['/app/secret'], WithDecryption: true }));
    expect(shown.Parameters?.[0]?.Value).toBe('pw');
  });

  test('more than 10 names is a ValidationException', async () => {
    const Names = Array.from({ length: 11 }, (_, i) => `/n${i}`);
    const err = await aws.ssm.send(new GetParametersCommand({ Names })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toContain(
      "at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });
});
