import {
  GetParameterCommand,
  GetParameterHistoryCommand,
  LabelParameterVersionCommand,
  ParameterMaxVersionLimitExceeded,
  ParameterNotFound,
  ParameterVersionLabelLimitExceeded,
  ParameterVersionNotFound,
  PutParameterCommand,
  UnlabelParameterVersionCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const put = (Value: string, extra: Partial<ConstructorParameters<typeof PutParameterCommand>[0]> = {}) =>
  aws.ssm.send(new PutParameterCommand({ Name: '/cfg', Value, Type: 'String', Overwrite: true, ...extra }));
const label = (Labels: string[], ParameterVersion?: number) =>
  aws.ssm.send(new LabelParameterVersionCommand({ Name: '/cfg', Labels, ParameterVersion }));
const history = async () => (await aws.ssm.send(new GetParameterHistoryCommand({ Name: '/cfg' }))).Parameters ?? [];

describe('GetParameterHistory', () => {
  test('lists every version oldest first with its own fields', async () => {
    await put('one', { Description: 'first' });
    aws.emulator.clock.advance(1000);
    await put('two', { Tier: 'Advanced' });
    const h = await history();
    expect(h.map((p) => [p.Version, p.Value, p.Tier, p.Description])).toEqual([
      [1, 'one', 'Standard', 'first'],
      [2, 'two', 'Advanced', 'first'],
    ]);
    expect(h[1]).toMatchObject({ Name: '/cfg', Type: 'String', Labels: [], Policies: [], DataType: 'text' });
    expect(h[1]?.LastModifiedDate).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 0, 1)));
  });

  test('pages with MaxResults and refuses more than 50', async () => {
    for (let i = 1; i <= 5; i++) await put(`v${i}`);
    const first = await aws.ssm.send(new GetParameterHistoryCommand({ Name: '/cfg', MaxResults: 3 }));
    const rest = await aws.ssm.send(
      new GetParameterHistoryCommand({ Name: '/cfg', MaxResults: 3, NextToken: first.NextToken }),
    );
    expect(first.Parameters?.map((p) => p.Version)).toEqual([1, 2, 3]);
    expect(rest.Parameters?.map((p) => p.Version)).toEqual([4, 5]);
    await expect(aws.ssm.send(new GetParameterHistoryCommand({ Name: '/cfg', MaxResults: 51 }))).rejects.toBeInstanceOf(
      ValidationException,
    );
  });

  test('a missing parameter is ParameterNotFound', async () => {
    await expect(aws.ssm.send(new GetParameterHistoryCommand({ Name: '/none' }))).rejects.toBeInstanceOf(
      ParameterNotFound,
    );
  });

  test('only 100 versions are kept: the oldest is dropped', async () => {
    for (let i = 1; i <= 101; i++) await put(`v${i}`);
    const all = [];
    let NextToken: string | undefined;
    do {
      const out = await aws.ssm.send(new GetParameterHistoryCommand({ Name: '/cfg', NextToken }));
      all.push(...(out.Parameters ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    expect(all).toHaveLength(100);
    expect(all[0]?.Version).toBe(2);
    expect(all[99]?.Version).toBe(101);
  });

  test('a label on the oldest of 100 versions blocks a new one: ParameterMaxVersionLimitExceeded', async () => {
    for (let i = 1; i <= 100; i++) await put(`v${i}`);
    await label(['pinned'], 1);
    const err = await put('v101').catch((e) => e);
    expect(err).toBeInstanceOf(ParameterMaxVersionLimitExceeded);
    expect(err.message).toContain(
      "Version 1, the oldest version, can't be deleted because it has a label associated with it.",
    );
  });
});

describe('LabelParameterVersion / UnlabelParameterVersion', () => {
  test('labels the latest version by default and reports it', async () => {
    await put('one');
    await put('two');
    expect(await label(['prod', 'blue'])).toEqual(expect.objectContaining({ InvalidLabels: [], ParameterVersion: 2 }));
    expect((await history())[1]?.Labels).toEqual(['prod', 'blue']);
  });

  test('moving a label takes it off the other version', async () => {
    await put('one');
    await put('two');
    await label(['prod'], 1);
    await label(['prod'], 2);
    const h = await history();
    expect(h.map((p) => p.Labels)).toEqual([[], ['prod']]);
    const got = await aws.ssm.send(new GetParameterCommand({ Name: '/cfg:prod' }));
    expect(got.Parameter?.Value).toBe('two');
  });

  test('labels that break the rules come back in InvalidLabels and are not applied', async () => {
    await put('one');
    const out = await label(['ok-label', 'awsThing', 'SSMx', '1st', 'has space']);
    expect(out.InvalidLabels).toEqual(['awsThing', 'SSMx', '1st', 'has space']);
    expect((await history())[0]?.Labels).toEqual(['ok-label']);
  });

  test('a label over 100 characters is a ValidationException', async () => {
    await put('one');
    await expect(label(['x'.repeat(101)])).rejects.toBeInstanceOf(ValidationException);
  });

  test('a version holds at most 10 labels', async () => {
    await put('one');
    await label(Array.from({ length: 10 }, (_, i) => `l${i}`));
    const err = await label(['eleventh']).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterVersionLabelLimitExceeded);
  });

  test('a missing version or parameter', async () => {
    await put('one');
    await expect(label(['x'], 5)).rejects.toBeInstanceOf(ParameterVersionNotFound);
    await expect(
      aws.ssm.send(new LabelParameterVersionCommand({ Name: '/none', Labels: ['x'] })),
    ).rejects.toBeInstanceOf(ParameterNotFound);
  });

  test('unlabel removes the labels the version carries and reports the others as invalid', async () => {
    await put('one');
    await label(['a', 'b']);
    const out = await aws.ssm.send(
      new UnlabelParameterVersionCommand({ Name: '/cfg', ParameterVersion: 1, Labels: ['a', 'zzz'] }),
    );
    expect(out.RemovedLabels).toEqual(['a']);
    expect(out.InvalidLabels).toEqual(['zzz']);
    expect((await history())[0]?.Labels).toEqual(['b']);
    await expect(
      aws.ssm.send(new UnlabelParameterVersionCommand({ Name: '/cfg', ParameterVersion: 9, Labels: ['b'] })),
    ).rejects.toBeInstanceOf(ParameterVersionNotFound);
  });
});
