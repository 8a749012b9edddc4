import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

export function getEnvironment(): string {
  return process.env.ENVIRONMENT ?? 'dev';
}

export async function getConfig(name: string, environment: string = getEnvironment()): Promise<string> {
  // TODO 1: build the full name /pettracker/<environment>/<name> (this reads the wrong parameter).
  // TODO 2: ask for decryption so SecureString values come back as plain text.
  // TODO 3: remember each full name's promise in a Map at module scope and reuse it.
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: `/pettracker/${name}` }));
  if (Parameter?.Value === undefined) throw new Error(`${name} has no value in ${environment}`);
  return Parameter.Value;
}

const apiUrl = await getConfig('api-url').catch((err: Error) => `(failed: ${err.name})`);
console.log({ apiUrl });
