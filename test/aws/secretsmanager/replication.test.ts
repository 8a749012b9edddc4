import { CreateAliasCommand, CreateKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import {
  DecryptionFailure,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  ListSecretsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  ResourceNotFoundException,
  RotateSecretCommand,
  StopReplicationToReplicaCommand,
  TagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';
import { events, LEARNER_ARN, learnerRotation } from '../rotation/helpers';
import { createSecret, expectError, token } from './helpers';

// Multi-Region secrets through the real SDK: one client per region, the region taken from the
// endpoint host name (secretsmanager.<region>.amazonaws.com), as against AWS.
const aws = useEmulator();
const { sm } = aws; // us-east-1, the primary's region
const { sm: eu, kms: euKms } = clients(undefined, 'eu-west-1');
const READ_ONLY = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
const replicaArnOf = (arn: string) => arn.replace(':us-east-1:', ':eu-west-1:');

describe('replicas', () => {
  it('are readable in their region under the replica ARN and follow every change of the primary', async () => {
    const created = await createSecret(sm, 'app/db', 'v1', {
      Description: 'first',
      AddReplicaRegions: [{ Region: 'eu-west-1' }],
    });
    expect(created.ReplicationStatus).toEqual([
      { Region: 'eu-west-1', KmsKeyId: 'alias/aws/secretsmanager', Status: 'InProgress' },
    ]);
    const replicaArn = replicaArnOf(created.ARN ?? '');
    expect((await eu.send(new GetSecretValueCommand({ SecretId: replicaArn }))).SecretString).toBe('v1');
    expect((await eu.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).ARN).toBe(replicaArn);

    await sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2', ClientRequestToken: token(2) }));
    await sm.send(new UpdateSecretCommand({ SecretId: 'app/db', Description: 'second' }));
    await sm.send(new TagResourceCommand({ SecretId: created.ARN, Tags: [{ Key: 'team', Value: 'core' }] }));
    await sm.send(
      new UpdateSecretVersionStageCommand({ SecretId: 'app/db', VersionStage: 'BLUE', MoveToVersionId: token(2) }),
    );
    const replica = await eu.send(new DescribeSecretCommand({ SecretId: replicaArn }));
    const primary = await sm.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    expect(replica).toMatchObject({
      ARN: replicaArn,
      Name: 'app/db',
      Description: 'second',
      PrimaryRegion: 'us-east-1',
    });
    expect(replica.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
    expect(replica.VersionIdsToStages).toEqual(primary.VersionIdsToStages);
    expect(replica.ReplicationStatus).toBeUndefined();
    expect((await eu.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('v2');
    expect((await eu.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'BLUE' }))).VersionId).toBe(
      token(2),
    );
    // The primary reports its replicas, with when each was last read in its region.
    expect(primary.PrimaryRegion).toBe('us-east-1');
    expect(primary.ReplicationStatus).toEqual([
      {
        Region: 'eu-west-1',
        KmsKeyId: 'alias/aws/secretsmanager',
        Status: 'InSync',
        StatusMessage: 'Replication succeeded',
        LastAccessedDate: expect.any(Date),
      },
    ]);
    expect(primary.LastAccessedDate).toBeUndefined(); // only the replica was read
  });

  it('refuse writes, and a primary with replicas cannot be deleted', async () => {
    const { ARN } = await createSecret(sm, 's', 'v', { AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    const replicaArn = replicaArnOf(ARN ?? '');
    const writes = [
      new PutSecretValueCommand({ SecretId: replicaArn, SecretString: 'x' }),
      new UpdateSecretCommand({ SecretId: 's', Description: 'x' }),
      new TagResourceCommand({ SecretId: 's', Tags: [{ Key: 'k', Value: 'v' }] }),
      new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: '{}' }),
      new GetResourcePolicyCommand({ SecretId: 's' }),
      new RotateSecretCommand({ SecretId: 's' }),
      new DeleteSecretCommand({ SecretId: 's', ForceDeleteWithoutRecovery: true }),
      new ReplicateSecretToRegionsCommand({ SecretId: 's', AddReplicaRegions: [{ Region: 'us-west-2' }] }),
    ] as const;
    for (const command of writes) {
      await expectError(eu.send(command as any), InvalidParameterException, READ_ONLY);
    }
    await expectError(
      sm.send(new DeleteSecretCommand({ SecretId: 's' })),
      InvalidParameterException,
      `You can't delete secret ${ARN} that still has replica regions [eu-west-1]`,
    );
    expect((await eu.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v');
  });
});

it('a scheduled rotation runs on the primary only, and its new version reaches the replica', async () => {
  await createSecret(sm, 'rotated', 'v1', { AddReplicaRegions: [{ Region: 'eu-west-1' }] });
  aws.emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm));
  await sm.send(
    new RotateSecretCommand({
      SecretId: 'rotated',
      RotationLambdaARN: LEARNER_ARN,
      RotationRules: { AutomaticallyAfterDays: 30 },
      RotateImmediately: false,
    }),
  );
  await aws.emulator.advance('30 days');
  expect(events(aws.emulator, 'RotationStarted')).toHaveLength(1);
  const primary = await sm.send(new GetSecretValueCommand({ SecretId: 'rotated' }));
  const replica = await eu.send(new GetSecretValueCommand({ SecretId: 'rotated' }));
  expect(primary.SecretString).toMatch(/^value-/);
  expect([replica.VersionId, replica.SecretString]).toEqual([primary.VersionId, primary.SecretString]);
  const described = await eu.send(new DescribeSecretCommand({ SecretId: 'rotated' }));
  expect(described).toMatchObject({ RotationEnabled: true, LastRotatedDate: expect.any(Date) });
});

describe('ReplicateSecretToRegions', () => {
  it('refuses the primary region, and fails a region where the name is taken unless forced', async () => {
    const { ARN } = await createSecret(sm, 'dup', 'primary');
    await expectError(
      sm.send(new ReplicateSecretToRegionsCommand({ SecretId: 'dup', AddReplicaRegions: [{ Region: 'us-east-1' }] })),
      InvalidParameterException,
      'Invalid replica region.',
    );
    const other = await createSecret(eu, 'dup', 'local');
    const first = await sm.send(
      new ReplicateSecretToRegionsCommand({ SecretId: 'dup', AddReplicaRegions: [{ Region: 'eu-west-1' }] }),
    );
    expect(first).toMatchObject({ ARN, ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InProgress' }] });
    const failed = await sm.send(new DescribeSecretCommand({ SecretId: 'dup' }));
    expect(failed.ReplicationStatus).toEqual([
      {
        Region: 'eu-west-1',
        KmsKeyId: 'alias/aws/secretsmanager',
        Status: 'Failed',
        StatusMessage: 'Secret with this name already exists in this region',
      },
    ]);
    expect((await eu.send(new GetSecretValueCommand({ SecretId: other.ARN }))).SecretString).toBe('local');

    // A failed region is retried by removing it and replicating again, this time overwriting.
    await sm.send(new RemoveRegionsFromReplicationCommand({ SecretId: 'dup', RemoveReplicaRegions: ['eu-west-1'] }));
    await sm.send(
      new ReplicateSecretToRegionsCommand({
        SecretId: 'dup',
        AddReplicaRegions: [{ Region: 'eu-west-1' }],
        ForceOverwriteReplicaSecret: true,
      }),
    );
    await expectError(eu.send(new GetSecretValueCommand({ SecretId: other.ARN })), ResourceNotFoundException);
    const replica = await eu.send(new GetSecretValueCommand({ SecretId: 'dup' }));
    expect(replica).toMatchObject({ ARN: replicaArnOf(ARN ?? ''), SecretString: 'primary' });
  });

  it('a replica overwriting a secret lists where its name entered the region, live and after a restore', async () => {
    const names = async () => ((await eu.send(new ListSecretsCommand({}))).SecretList ?? []).map((s) => s.Name);
    await createSecret(eu, 'r', 'local');
    await createSecret(eu, 'a', 'local');
    aws.emulator.clock.advance(1_000);
    await createSecret(eu, 'x', 'local');
    const before = await names(); // the creation-date index exists before the overwrite

    // A new replica in eu-west-1, created at x's instant: it ties with x.
    await createSecret(sm, 'r', 'primary', {
      AddReplicaRegions: [{ Region: 'eu-west-1' }],
      ForceOverwriteReplicaSecret: true,
    });
    await aws.emulator.idle();
    const live = await names();
    aws.emulator.restore(JSON.parse(JSON.stringify(aws.emulator.snapshot())));
    const restored = await names();

    expect(before).toEqual(['r', 'a', 'x']);
    expect(live).toEqual(['a', 'r', 'x']);
    expect(restored).toEqual(live);
  });

  it('encrypts the replica under the key of its own region (KmsKeyId), which must exist there', async () => {
    await createSecret(sm, 'keyed', 'v');
    const { KeyMetadata } = await euKms.send(new CreateKeyCommand({}));
    await euKms.send(new CreateAliasCommand({ AliasName: 'alias/eu-app', TargetKeyId: KeyMetadata?.KeyId }));
    await sm.send(
      new ReplicateSecretToRegionsCommand({
        SecretId: 'keyed',
        AddReplicaRegions: [
          { Region: 'eu-west-1', KmsKeyId: 'alias/eu-app' },
          { Region: 'us-west-2', KmsKeyId: 'alias/eu-app' }, // no such alias in us-west-2
        ],
      }),
    );
    const status = (await sm.send(new DescribeSecretCommand({ SecretId: 'keyed' }))).ReplicationStatus ?? [];
    expect(status.map((s) => [s.Region, s.KmsKeyId, s.Status])).toEqual([
      ['eu-west-1', 'alias/eu-app', 'InSync'],
      ['us-west-2', 'alias/eu-app', 'Failed'],
    ]);
    expect(status[1]?.StatusMessage).toMatch(
      /^Replication failed: Alias arn:aws:kms:us-west-2:\d{12}:alias\/eu-app is not found/,
    );
    expect((await eu.send(new DescribeSecretCommand({ SecretId: 'keyed' }))).KmsKeyId).toMatch(/alias\/eu-app$/);
    // The replica's key protects the replica only.
    await euKms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    await expectError(eu.send(new GetSecretValueCommand({ SecretId: 'keyed' })), DecryptionFailure);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'keyed' }))).SecretString).toBe('v');
  });
});

describe('RemoveRegionsFromReplication and StopReplicationToReplica', () => {
  it('remove deletes the replica; stop (in the replica region) makes it a standalone secret', async () => {
    const { ARN } = await createSecret(sm, 'r', 'v1', {
      AddReplicaRegions: [{ Region: 'eu-west-1' }, { Region: 'us-west-2' }],
    });
    const removed = await sm.send(
      new RemoveRegionsFromReplicationCommand({ SecretId: 'r', RemoveReplicaRegions: ['us-west-2', 'ap-south-1'] }),
    );
    expect(removed.ReplicationStatus?.map((s) => s.Region)).toEqual(['eu-west-1']);
    const { sm: west } = clients(undefined, 'us-west-2');
    await expectError(west.send(new DescribeSecretCommand({ SecretId: 'r' })), ResourceNotFoundException);

    await expectError(
      sm.send(new StopReplicationToReplicaCommand({ SecretId: 'r' })),
      InvalidParameterException,
      "Operation not permitted on a primary secret. Call must be made in replica secret's region.",
    );
    const stopped = await eu.send(new StopReplicationToReplicaCommand({ SecretId: replicaArnOf(ARN ?? '') }));
    expect(stopped.ARN).toBe(replicaArnOf(ARN ?? ''));
    const primary = await sm.send(new DescribeSecretCommand({ SecretId: 'r' }));
    expect(primary.ReplicationStatus).toBeUndefined();
    expect(primary.PrimaryRegion).toBeUndefined();
    // Standalone: writable, and no longer follows the old primary.
    await eu.send(new PutSecretValueCommand({ SecretId: 'r', SecretString: 'eu', ClientRequestToken: token(7) }));
    await sm.send(new PutSecretValueCommand({ SecretId: 'r', SecretString: 'us', ClientRequestToken: token(8) }));
    expect((await eu.send(new GetSecretValueCommand({ SecretId: 'r' }))).SecretString).toBe('eu');
    expect((await eu.send(new DescribeSecretCommand({ SecretId: 'r' }))).PrimaryRegion).toBeUndefined();
    await sm.send(new DeleteSecretCommand({ SecretId: 'r', ForceDeleteWithoutRecovery: true }));
  });
});

it('ListSecrets filters by primary-region in any region', async () => {
  await createSecret(sm, 'plain', 'v');
  await createSecret(sm, 'replicated', 'v', { AddReplicaRegions: [{ Region: 'eu-west-1' }] });
  await createSecret(eu, 'local', 'v');
  const names = async (client: typeof sm, value: string) =>
    (
      await client.send(new ListSecretsCommand({ Filters: [{ Key: 'primary-region', Values: [value] }] }))
    ).SecretList?.map((s) => s.Name);
  expect(await names(sm, 'us-east-1')).toEqual(['replicated']);
  expect(await names(eu, 'us-east')).toEqual(['replicated']);
  expect(await names(eu, '!us-east-1')).toEqual(['local']);
  const listed = (await eu.send(new ListSecretsCommand({}))).SecretList?.find((s) => s.Name === 'replicated');
  expect(listed?.PrimaryRegion).toBe('us-east-1');
});
