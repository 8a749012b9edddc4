import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';

/** `iam: 'strict'` (`npm run emulator -- --iam strict`): only keys the emulator issued get in. */
const aws = useEmulator({ iam: 'strict' });

describe('a strict emulator', () => {
  it('refuses keys it did not issue, on both protocols, and admits its first IAM user', async () => {
    const admin = clients(aws.emulator.adminCredentials);

    const json = await aws.sm.send(new ListSecretsCommand({})).catch((e) => e);
    const query = await aws.sts.send(new GetCallerIdentityCommand({})).catch((e) => e);
    const who = await admin.sts.send(new GetCallerIdentityCommand({}));
    const list = await admin.sm.send(new ListSecretsCommand({}));

    expect(json.name).toBe('UnrecognizedClientException');
    expect(json.message).toBe('The security token included in the request is invalid.');
    expect(query.name).toBe('InvalidClientTokenId');
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/admin');
    expect(list.SecretList).toEqual([]);
    expect(aws.emulator.preloaded[0]).toMatch(/^IAM user admin \(AdministratorAccess\): AWS_ACCESS_KEY_ID=AKIA/);
  });
});
