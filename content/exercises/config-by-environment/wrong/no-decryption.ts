// expect: decrypts-securestring: WithDecryption: true
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});
const cache = new Map<string, Promise<string>>();

export function getConfig(name: string, environment = process.env.ENVIRONMENT ?? 'dev'): Promise<string> {
  const fullName = `/pettracker/${environment}/${name}`;
  let value = cache.get(fullName);
  if (!value) {
    // Without WithDecryption a SecureString comes back encrypted.
    value = ssm.send(new GetParameterCommand({ Name: fullName })).then((r) => r.Parameter?.Value ?? '');
    cache.set(fullName, value);
  }
  return value;
}
