import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

interface WarehouseLogin {
  host: string;
  port: number;
  username: string;
  password: string;
}

// Both sign with the report job's own credentials (its execution role).
const sts = new STSClient({});
const sm = new SecretsManagerClient({});

export async function readWarehouseLogin(): Promise<WarehouseLogin> {
  // TODO 1: assume the role the analytics account trusts:
  //   sts.send(new AssumeRoleCommand({ RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN }))
  // TODO 2: read with a new SecretsManagerClient whose credentials are the ones
  //   AssumeRole returned.
  // TODO 3: the secret is in another account: name it by its full ARN,
  //   process.env.WAREHOUSE_SECRET_ARN.
  const { SecretString } = await sm.send(
    new GetSecretValueCommand({ SecretId: 'analytics/prod/warehouse' }),
  );
  if (SecretString === undefined) throw new Error('The warehouse secret has no value');
  return JSON.parse(SecretString) as WarehouseLogin;
}
