// expect: errors-stop-startup: lists it in the response's Errors
// Reads only SecretValues: a secret that can't be decrypted is silently missing.
import { BatchGetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});
// The trailing slash matters: the name filter matches a prefix.
const PREFIX = 'pettracker/prod/api/';

export async function loadSecrets(): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await sm.send(
      new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: [PREFIX] }], NextToken: nextToken }),
    );
    for (const s of page.SecretValues ?? []) {
      if (s.Name !== undefined && s.SecretString !== undefined) secrets.set(s.Name, s.SecretString);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return secrets;
}

const secrets = await loadSecrets();
// Names only: the values never go to the logs.
console.log(`loaded ${secrets.size} secrets:`, [...secrets.keys()].join(', '));
