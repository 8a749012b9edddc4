import type { Emulator } from '../emulator';

export interface ControlResponse {
  status: number;
  body: unknown;
}

export const CONTROL_PREFIX = '/_emulator/';

const clockBody = (emulator: Emulator) => {
  const now = emulator.clock.now();
  return { now: new Date(now).toISOString(), epochMillis: now };
};

const error = (status: number, message: string): ControlResponse => ({ status, body: { error: message } });

/**
 * The emulator's control API, as moto's `/moto-api/` and LocalStack's `/_localstack/`: plain JSON
 * over HTTP, environment-free (the local endpoint adapts it to node:http).
 * - `GET /_emulator/clock` → `{ now, epochMillis }`; `POST /_emulator/clock` with
 *   `{ "advance": "30 days" }` or `{ "set": "2026-03-01T00:00:00Z" }` moves simulated time and runs
 *   what falls due on the way (scheduled rotations, deletions, parameter policies), then answers
 *   the new time and the events that ran;
 * - `GET /_emulator/log` → `{ entries }` (the call log); `DELETE /_emulator/log` clears it;
 * - `POST /_emulator/reset` → a fresh emulator: empty state plus its preset, start time, the seed
 *   again (built-in functions stay);
 * - `GET /_emulator/lambdas` → `{ functions }`: the rotation functions registered by ARN;
 * - `GET /_emulator/state` → the snapshot (`--state FILE` format).
 */
export async function handleControl(
  emulator: Emulator,
  method: string,
  path: string,
  body: string,
): Promise<ControlResponse> {
  const route = path
    .replace(/\?.*$/, '')
    .replace(/\/+$/, '')
    .slice(CONTROL_PREFIX.length - 1);
  const verb = method.toUpperCase();
  const allowed: Record<string, string[]> = {
    '/clock': ['GET', 'POST'],
    '/log': ['GET', 'DELETE'],
    '/reset': ['POST'],
    '/lambdas': ['GET'],
    '/state': ['GET'],
  };
  const verbs = allowed[route];
  if (!verbs)
    return error(
      404,
      `No control endpoint ${path}. Try ${Object.keys(allowed)
        .map((r) => `/_emulator${r}`)
        .join(', ')}.`,
    );
  if (!verbs.includes(verb))
    return error(405, `${verb} is not allowed on /_emulator${route} (use ${verbs.join(' or ')})`);
  if (route === '/clock' && verb === 'GET') return { status: 200, body: clockBody(emulator) };
  if (route === '/clock') {
    let input: { advance?: unknown; set?: unknown };
    try {
      input = body.trim() ? JSON.parse(body) : {};
    } catch {
      return error(400, 'The body must be JSON: {"advance": "30 days"} or {"set": "2026-03-01T00:00:00Z"}');
    }
    const before = emulator.log.entries().at(-1)?.seq ?? 0;
    try {
      if (typeof input.advance === 'string' || typeof input.advance === 'number') await emulator.advance(input.advance);
      else if (typeof input.set === 'string' || typeof input.set === 'number') await emulator.setTime(input.set);
      else return error(400, 'Send {"advance": "30 days"} (or a number of ms) or {"set": "<ISO time>"}');
    } catch (e) {
      if (e instanceof RangeError) return error(400, e.message);
      throw e;
    }
    const events = emulator.log.entries().filter((e) => e.seq > before && e.source === 'event');
    return { status: 200, body: { ...clockBody(emulator), events } };
  }
  if (route === '/log' && verb === 'GET') return { status: 200, body: { entries: emulator.log.entries() } };
  if (route === '/log') {
    emulator.log.reset();
    return { status: 200, body: { cleared: true } };
  }
  if (route === '/reset') {
    emulator.reset();
    return { status: 200, body: { reset: true, ...clockBody(emulator) } };
  }
  if (route === '/lambdas') return { status: 200, body: { functions: emulator.lambdas.list() } };
  return { status: 200, body: emulator.snapshot() };
}
