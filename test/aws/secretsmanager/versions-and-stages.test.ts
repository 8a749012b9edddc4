import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidNextTokenException,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, DAY_MS, expectError, token } from './helpers';

const aws = useEmulator();
const { sm } = aws;

const put = (SecretString: string, n: number, VersionStages?: string[]) =>
  sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString, ClientRequestToken: token(n), VersionStages }));
const stages = async () => (await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).VersionIdsToStages;

describe('PutSecretValue and staging labels', () => {
  it('moves AWSCURRENT to the new version and AWSPREVIOUS to the old one', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    const out = await put('v2', 2);
    expect(out).toMatchObject({ Name: 's', VersionId: token(2), VersionStages: ['AWSCURRENT'] });
    await put('v3', 3);
    expect(await stages()).toEqual({ [token(2)]: ['AWSPREVIOUS'], [token(3)]: ['AWSCURRENT'] });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v3');
  });

  it('leaves AWSCURRENT alone when the new version is AWSPENDING', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    const out = await put('v2', 2, ['AWSPENDING']);
    expect(out.VersionStages).toEqual(['AWSPENDING']);
    expect(await stages()).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v1');
  });

  it('moves custom labels from their old version; a version left without labels is deprecated', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2, ['one', 'two', 'three']);
    await put('v3', 3, ['four', 'one', 'two']);
    expect(await stages()).toEqual({
      [token(1)]: ['AWSCURRENT'],
      [token(2)]: ['three'],
      [token(3)]: ['four', 'one', 'two'],
    });
    await put('v4', 4, ['three']);
    expect(Object.keys((await stages()) ?? {})).not.toContain(token(2));
  });

  it('gives the first version of an empty secret AWSCURRENT whatever was asked', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's' }));
    const out = await put('v1', 1, ['MINE']);
    expect(out.VersionStages).toEqual(['AWSCURRENT', 'MINE']);
  });

  it('is idempotent on ClientRequestToken, and refuses to change an existing version', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2);
    const again = await put('v2', 2);
    expect(again.VersionId).toBe(token(2));
    expect(Object.keys((await stages()) ?? {})).toHaveLength(2);
    await expectError(put('changed', 2), ResourceExistsException);
  });

  it('requires a value', async () => {
    await createSecret(sm, 's', 'v1');
    await expectError(
      sm.send(new PutSecretValueCommand({ SecretId: 's' })),
      InvalidRequestException,
      'You must provide either SecretString or SecretBinary.',
    );
  });

  it('removes AWSPENDING from the version AWSCURRENT leaves (a finished rotation)', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2, ['AWSPENDING']);
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 's',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token(2),
        RemoveFromVersionId: token(1),
      }),
    );
    expect(await stages()).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT', 'AWSPENDING'] });
    await put('v3', 3);
    expect(await stages()).toEqual({ [token(2)]: ['AWSPREVIOUS'], [token(3)]: ['AWSCURRENT'] });
  });
});

describe('UpdateSecretVersionStage', () => {
  it('moves a custom label between versions', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2);
    await sm.send(
      new UpdateSecretVersionStageCommand({ SecretId: 's', VersionStage: 'BLUE', MoveToVersionId: token(1) }),
    );
    expect(await stages()).toEqual({ [token(1)]: ['AWSPREVIOUS', 'BLUE'], [token(2)]: ['AWSCURRENT'] });
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 's',
        VersionStage: 'BLUE',
        MoveToVersionId: token(2),
        RemoveFromVersionId: token(1),
      }),
    );
    expect(await stages()).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT', 'BLUE'] });
  });

  it('rolls back: moving AWSCURRENT to the previous version swaps AWSPREVIOUS', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2);
    const out = await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 's',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token(1),
        RemoveFromVersionId: token(2),
      }),
    );
    expect(out.Name).toBe('s');
    expect(await stages()).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPREVIOUS'] });
  });

  it('requires RemoveFromVersionId when the label is attached elsewhere', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2, ['AWSPENDING']);
    await expectError(
      sm.send(
        new UpdateSecretVersionStageCommand({ SecretId: 's', VersionStage: 'AWSCURRENT', MoveToVersionId: token(2) }),
      ),
      InvalidParameterException,
      `The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version ${token(1)}, so you must explicitly reference that version in RemoveFromVersionId.`,
    );
  });

  it('cannot take AWSCURRENT away without moving it, nor remove a label a version does not carry', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2, ['AWSPENDING']);
    await expectError(
      sm.send(
        new UpdateSecretVersionStageCommand({
          SecretId: 's',
          VersionStage: 'AWSCURRENT',
          RemoveFromVersionId: token(1),
        }),
      ),
      InvalidParameterException,
    );
    await expectError(
      sm.send(
        new UpdateSecretVersionStageCommand({
          SecretId: 's',
          VersionStage: 'AWSPENDING',
          RemoveFromVersionId: token(1),
        }),
      ),
      InvalidParameterException,
    );
    await expectError(
      sm.send(new UpdateSecretVersionStageCommand({ SecretId: 's', VersionStage: 'X', MoveToVersionId: token(9) })),
      InvalidParameterException,
    );
  });

  it('removing the last label of a version deprecates it', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await put('v2', 2, ['AWSPENDING']);
    await sm.send(
      new UpdateSecretVersionStageCommand({ SecretId: 's', VersionStage: 'AWSPENDING', RemoveFromVersionId: token(2) }),
    );
    expect(await stages()).toEqual({ [token(1)]: ['AWSCURRENT'] });
  });
});

describe('ListSecretVersionIds', () => {
  it('lists labelled versions with dates and KMS key ids; deprecated ones only on request', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    aws.emulator.clock.advance(60_000);
    await put('v2', 2);
    await put('v3', 3);
    const out = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 's' }));
    expect(out.Name).toBe('s');
    expect(out.Versions?.map((v) => [v.VersionId, v.VersionStages])).toEqual([
      [token(2), ['AWSPREVIOUS']],
      [token(3), ['AWSCURRENT']],
    ]);
    expect(out.Versions?.[0]?.KmsKeyIds).toEqual(['DefaultEncryptionKey']);
    expect(out.Versions?.[0]?.CreatedDate?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    const all = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 's', IncludeDeprecated: true }));
    expect(all.Versions?.map((v) => v.VersionId)).toEqual([token(1), token(2), token(3)]);
    expect(all.Versions?.[0]?.VersionStages).toBeUndefined();
  });

  it('pages with MaxResults and NextToken, and rejects a foreign token', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    for (let i = 2; i <= 5; i++) await put(`v${i}`, i, [`L${i}`]);
    const first = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 's', MaxResults: 2 }));
    expect(first.Versions).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const rest = await sm.send(
      new ListSecretVersionIdsCommand({ SecretId: 's', MaxResults: 10, NextToken: first.NextToken }),
    );
    expect(rest.Versions?.map((v) => v.VersionId)).toEqual([token(3), token(4), token(5)]);
    expect(rest.NextToken).toBeUndefined();
    await expectError(
      sm.send(new ListSecretVersionIdsCommand({ SecretId: 's', NextToken: 'garbage' })),
      InvalidNextTokenException,
    );
  });

  it('keeps at most 100 deprecated versions, but never prunes one younger than 24 hours', async () => {
    const allVersionIds = async () => {
      const ids: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await sm.send(
          new ListSecretVersionIdsCommand({ SecretId: 's', IncludeDeprecated: true, NextToken }),
        );
        ids.push(...(page.Versions ?? []).map((v) => v.VersionId ?? ''));
        NextToken = page.NextToken;
      } while (NextToken);
      return ids;
    };
    await createSecret(sm, 's', 'v0', { ClientRequestToken: token(0) });
    for (let i = 1; i <= 105; i++) await put(`v${i}`, i);
    expect(await allVersionIds()).toHaveLength(106);
    aws.emulator.clock.advance(DAY_MS + 1);
    await put('v106', 106);
    const ids = await allVersionIds();
    expect(ids).toHaveLength(102);
    expect(ids.slice(0, 2)).toEqual([token(5), token(6)]);
    expect(ids.at(-1)).toBe(token(106));
  }, 60_000);
});
