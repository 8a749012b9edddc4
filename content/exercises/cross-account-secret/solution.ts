import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

interface WarehouseLogin {
  host: string;
  port: number;
  username: string;
  password: string;
}

// Signs with the report job's own credentials (its execution role).
const sts = new STSClient({});

export async function readWarehouseLogin(): Promise<WarehouseLogin> {
  // 1. The role the analytics account trusts: temporary credentials for 15 minutes.
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN,
      RoleSessionName: 'nightly-report',
      DurationSeconds: 900,
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken)
    throw new Error('AssumeRole returned no credentials');

  // 2. A client that signs as the assumed role: all three parts of the temporary credentials.
  const reader = new SecretsManagerClient({
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    },
  });
  try {
    // 3. Another account's secret: only its full ARN finds it (a name means one of our own).
    const { SecretString } = await reader.send(
      new GetSecretValueCommand({ SecretId: process.env.WAREHOUSE_SECRET_ARN }),
    );
    if (SecretString === undefined) throw new Error('The warehouse secret has no SecretString');
    return JSON.parse(SecretString) as WarehouseLogin;
  } finally {
    reader.destroy();
  }
}
