// expect: scheduled-for-deletion: returned undefined
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

// Every failure looks like "missing": a deleted secret silently becomes the defaults.
export async function readSecret(secretId: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (response.SecretBinary) return new TextDecoder().decode(response.SecretBinary);
    return response.SecretString;
  } catch {
    return undefined;
  }
}
