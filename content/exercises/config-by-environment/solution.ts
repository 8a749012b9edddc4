import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// One entry per full parameter name, for the life of the execution environment.
const cache = new Map<string, Promise<string>>();

export function getEnvironment(): string {
  return process.env.ENVIRONMENT ?? 'dev';
}

async function fetchParameter(fullName: string): Promise<string> {
  // WithDecryption is ignored for String and StringList, and required for SecureString.
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: fullName, WithDecryption: true }));
  if (Parameter?.Value === undefined) throw new Error(`${fullName} has no value`);
  return Parameter.Value;
}

export function getConfig(name: string, environment: string = getEnvironment()): Promise<string> {
  const fullName = `/pettracker/${environment}/${name}`;
  let value = cache.get(fullName);
  if (value === undefined) {
    value = fetchParameter(fullName);
    // A failed read is forgotten, so the next call asks again.
    value.catch(() => cache.delete(fullName));
    cache.set(fullName, value);
  }
  return value;
}

const apiUrl = await getConfig('api-url');
const logLevel = await getConfig('log-level');
console.log({ environment: getEnvironment(), apiUrl, logLevel });
