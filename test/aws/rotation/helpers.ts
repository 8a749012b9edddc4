import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import type { CallLogEntry } from '../../../src/aws/core/callLog';
import { PETTRACKER_DB } from '../../../src/aws/db/pettracker';
import type { Emulator } from '../../../src/aws/emulator';
import type { RotationEvent, RotationStep } from '../../../src/aws/rotation/lambdaRegistry';

export const ACCOUNT = '123456789012';
export const templateArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
export const LEARNER_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:pettracker-rotation`;

/** The seed's secret, with the engine the real templates require. */
export const dbSecret = (extra: Record<string, unknown> = {}) => JSON.stringify({ ...PETTRACKER_DB, ...extra });

/**
 * A rotation function as a learner writes it in exercise 6, through the real SDK: createSecret
 * stores a new value as AWSPENDING (unless the version already has one), finishSecret moves
 * AWSCURRENT. `behaviour.failAt` makes a step throw; `calls` records each step it ran.
 */
export function learnerRotation(sm: SecretsManagerClient, behaviour: { failAt?: RotationStep; calls?: string[] } = {}) {
  return async (event: RotationEvent) => {
    const { SecretId, ClientRequestToken: token, Step } = event;
    behaviour.calls?.push(Step);
    if (Step === behaviour.failAt) throw new Error(`${Step} failed on purpose`);
    if (Step === 'createSecret') {
      try {
        await sm.send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }));
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
        await sm.send(
          new PutSecretValueCommand({
            SecretId,
            ClientRequestToken: token,
            SecretString: `value-${token.slice(0, 8)}`,
            VersionStages: ['AWSPENDING'],
          }),
        );
      }
    }
    if (Step === 'finishSecret') {
      const d = await sm.send(new DescribeSecretCommand({ SecretId }));
      const current = Object.entries(d.VersionIdsToStages ?? {}).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
      if (current !== token) {
        await sm.send(
          new UpdateSecretVersionStageCommand({
            SecretId,
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: token,
            RemoveFromVersionId: current,
          }),
        );
      }
    }
  };
}

/** The call log's events of one kind (source 'event'), e.g. every RotationSucceeded. */
export function events(emulator: Emulator, operation: string): CallLogEntry[] {
  return emulator.log.entries().filter((e) => e.source === 'event' && e.operation === operation);
}
