// expect: environments-apart: returned the dev value
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});
const cache = new Map<string, Promise<string>>();

export function getConfig(name: string, environment = process.env.ENVIRONMENT ?? 'dev'): Promise<string> {
  // Keyed by the short name: the first environment read wins for every other one.
  let value = cache.get(name);
  if (!value) {
    value = ssm
      .send(new GetParameterCommand({ Name: `/pettracker/${environment}/${name}`, WithDecryption: true }))
      .then((r) => r.Parameter?.Value ?? '');
    cache.set(name, value);
  }
  return value;
}
