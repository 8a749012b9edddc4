// expect: batched: made 21 GetSecretValue requests
// Lists the secrets by prefix, then reads each one: 21 requests and a ListSecrets on every start-up.
import { GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});

export async function loadSecrets(): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  const { SecretList = [] } = await sm.send(
    new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['pettracker/prod/api/'] }], MaxResults: 100 }),
  );
  for (const s of SecretList) {
    const { Name, SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: s.ARN }));
    if (Name !== undefined && SecretString !== undefined) secrets.set(Name, SecretString);
  }
  return secrets;
}

const secrets = await loadSecrets();
console.log(`loaded ${secrets.size} secrets`);
