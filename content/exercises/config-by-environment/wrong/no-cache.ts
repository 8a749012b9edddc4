// expect: fetches-once: GetParameter was called
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// Correct names and decryption, but a request on every call.
export async function getConfig(name: string, environment = process.env.ENVIRONMENT ?? 'dev'): Promise<string> {
  const { Parameter } = await ssm.send(
    new GetParameterCommand({ Name: `/pettracker/${environment}/${name}`, WithDecryption: true }),
  );
  return Parameter?.Value ?? '';
}
