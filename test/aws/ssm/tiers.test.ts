import {
  DescribeParametersCommand,
  ParameterLimitExceeded,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { findParameter, storeParameter } from '../../../src/aws/ssm/names';
import type { SsmState } from '../../../src/aws/ssm/state';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const put = (input: ConstructorParameters<typeof PutParameterCommand>[0]) =>
  aws.ssm.send(new PutParameterCommand(input));
const expiration = JSON.stringify([
  { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2026-06-01T00:00:00.000Z' } },
]);

describe('tiers', () => {
  test('a Standard value may be 4096 characters, not 4097', async () => {
    expect((await put({ Name: '/ok', Value: 'x'.repeat(4096), Type: 'String' })).Tier).toBe('Standard');
    const err = await put({ Name: '/big', Value: 'x'.repeat(4097), Type: 'String' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/^Standard tier parameters support a maximum parameter value of 4096 characters\./);
  });

  test('Advanced allows 8192 characters, not 8193', async () => {
    expect((await put({ Name: '/adv', Value: 'x'.repeat(8192), Type: 'String', Tier: 'Advanced' })).Tier).toBe(
      'Advanced',
    );
    const err = await put({ Name: '/adv2', Value: 'x'.repeat(8193), Type: 'String', Tier: 'Advanced' }).catch((e) => e);
    expect(err.name).toBe('ValidationException');
  });

  test('an Advanced parameter cannot go back to Standard', async () => {
    await put({ Name: '/adv', Value: 'x', Type: 'String', Tier: 'Advanced' });
    const err = await put({ Name: '/adv', Value: 'y', Overwrite: true, Tier: 'Standard' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/^This parameter uses the advanced-parameter tier\. You can't downgrade a parameter/);
    expect((await put({ Name: '/adv', Value: 'y', Overwrite: true })).Tier).toBe('Advanced');
  });

  test('Intelligent-Tiering picks Standard for small values and Advanced when needed', async () => {
    expect((await put({ Name: '/small', Value: 'x', Type: 'String', Tier: 'Intelligent-Tiering' })).Tier).toBe(
      'Standard',
    );
    const big = await put({ Name: '/big', Value: 'x'.repeat(5000), Type: 'String', Tier: 'Intelligent-Tiering' });
    expect(big.Tier).toBe('Advanced');
    const withPolicy = await put({
      Name: '/pol',
      Value: 'x',
      Type: 'String',
      Tier: 'Intelligent-Tiering',
      Policies: expiration,
    });
    expect(withPolicy.Tier).toBe('Advanced');
  });

  test('policies need the Advanced tier and are reported as Pending', async () => {
    const err = await put({ Name: '/p', Value: 'x', Type: 'String', Policies: expiration }).catch((e) => e);
    expect(err.name).toBe('ValidationException');
    await put({ Name: '/p', Value: 'x', Type: 'String', Tier: 'Advanced', Policies: expiration });
    const { Parameters } = await aws.ssm.send(new DescribeParametersCommand({}));
    expect(Parameters?.[0]?.Policies).toEqual([
      { PolicyText: JSON.stringify(JSON.parse(expiration)[0]), PolicyType: 'Expiration', PolicyStatus: 'Pending' },
    ]);
  });

  test('an unknown policy type is InvalidPolicyTypeException; bad attributes InvalidPolicyAttributeException', async () => {
    const bad = JSON.stringify([{ Type: 'Rotate', Version: '1.0', Attributes: {} }]);
    await expect(
      put({ Name: '/p', Value: 'x', Type: 'String', Tier: 'Advanced', Policies: bad }),
    ).rejects.toMatchObject({
      name: 'InvalidPolicyTypeException',
    });
    const attrs = JSON.stringify([
      { Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: 'soon', Unit: 'Days' } },
    ]);
    await expect(
      put({ Name: '/p', Value: 'x', Type: 'String', Tier: 'Advanced', Policies: attrs }),
    ).rejects.toMatchObject({
      name: 'InvalidPolicyAttributeException',
    });
  });

  test('two Expiration policies are incompatible', async () => {
    const two = JSON.stringify([...JSON.parse(expiration), ...JSON.parse(expiration)]);
    await expect(
      put({ Name: '/p', Value: 'x', Type: 'String', Tier: 'Advanced', Policies: two }),
    ).rejects.toMatchObject({
      name: 'IncompatiblePolicyException',
    });
  });

  test('the 10,001st standard parameter is ParameterLimitExceeded; Intelligent-Tiering goes Advanced', async () => {
    // Prepare: 10,000 standard parameters written straight into state (10,000 calls would be slow).
    await put({ Name: '/seed', Value: 'x', Type: 'String' });
    const state = aws.emulator.context().state<SsmState>('ssm');
    const seed = findParameter(state, '/seed')!;
    for (let i = 1; i < 10_000; i++) storeParameter(state, { ...structuredClone(seed), Name: `/p${i}` });
    const err = await put({ Name: '/one-more', Value: 'x', Type: 'String' }).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterLimitExceeded);
    expect((await put({ Name: '/adv', Value: 'x', Type: 'String', Tier: 'Advanced' })).Tier).toBe('Advanced');
    expect((await put({ Name: '/it', Value: 'x', Type: 'String', Tier: 'Intelligent-Tiering' })).Tier).toBe('Advanced');
    expect((await put({ Name: '/seed', Value: 'y', Overwrite: true })).Version).toBe(2);
  });
});
