import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../src/server/nodeSha256';

/**
 * The headers of one AWS JSON call (`target`, e.g. `secretsmanager.GetSecretValue`) to the endpoint
 * at `url`, signed by @smithy/signature-v4 (the SDK's own signer) with `key`: what a client sends,
 * for a test or the bench's load generator to send as they are (the endpoint recomputes and checks
 * the signature every time). `extra` headers are signed too. The host header is left out: the
 * sender's HTTP client writes it, with the same value.
 */
export async function signJsonCall(
  url: string,
  key: { accessKeyId: string; secretAccessKey: string },
  target: string,
  body: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: target.startsWith('AmazonSSM.') ? 'ssm' : 'secretsmanager',
    region: 'us-east-1',
    sha256: NodeSha256,
    credentials: key,
  });
  const { hostname, port } = new URL(url);
  const { headers } = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    headers: {
      host: `${hostname}:${port}`,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      ...extra,
    },
    body,
  });
  const { host: _host, ...sent } = headers;
  return sent;
}
