// expect: concurrent-calls: 10 concurrent calls
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});
// Caches the value, which exists only after the first answer arrives.
const cache = new Map<string, string>();

export async function getConfig(name: string, environment = process.env.ENVIRONMENT ?? 'dev'): Promise<string> {
  const fullName = `/pettracker/${environment}/${name}`;
  const cached = cache.get(fullName);
  if (cached !== undefined) return cached;
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: fullName, WithDecryption: true }));
  const value = Parameter?.Value ?? '';
  cache.set(fullName, value);
  return value;
}
