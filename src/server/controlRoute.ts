import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX, handleControl } from '../aws/control/controlApi';
import type { Emulator } from '../aws/emulator';
import { readBody } from './readBody';

export { CONTROL_PREFIX };

/**
 * `/_emulator/...`: the control API (src/aws/control/controlApi.ts) on the endpoint's port. With
 * `--state FILE`, what a call changed (a clock move, a reset) is journalled before the answer.
 */
export async function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  emulator: Emulator,
  journal: { begin(): number; commit(id: number): void } | undefined,
): Promise<void> {
  const body = await readBody(req, 64 * 1024);
  const method = req.method ?? 'GET';
  const request = journal?.begin();
  let answer: Awaited<ReturnType<typeof handleControl>>;
  try {
    answer = body.ok
      ? await handleControl(emulator, method, req.url ?? CONTROL_PREFIX, body.body)
      : { status: 413, body: { error: 'The body is too large' } };
  } finally {
    if (request !== undefined) journal?.commit(request);
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
