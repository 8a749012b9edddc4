import { getResponse, type RequestHandler } from 'msw';
import type { Connection } from '../../aws/db/client';
import type { Emulator } from '../../aws/emulator';
import { LIMITS } from '../limits';
import type { LearnerError } from '../messages';
import { type FromLearner, fromLearnerSchema, type SentLine, type ToLearner, type WireRequest } from '../protocol';
import { decode, encode } from '../wire';
import { CHECK_HEADER } from './checkClients';

/** The grader's end of the port (Node's MessagePort and the browser's both fit). */
export interface GraderPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** What one run lends the link: its emulator, its MSW handlers and where console output goes. */
export interface LinkSession {
  emulator: Emulator;
  handlers: RequestHandler[];
  onConsole(lines: SentLine[], omitted: { lines: number; chars: number }): void;
  /** The learner realm broke the protocol: the run ends with this message. */
  onViolation(message: string): void;
}

export class LearnerGoneError extends Error {
  constructor(message = 'The learner realm stopped before answering.') {
    super(message);
    this.name = 'LearnerGoneError';
  }
}

/**
 * The grader's side of the learner realm. Every message that arrives is parsed by the protocol's
 * schema first; a message that does not parse ends the run. Requests are answered by the run's
 * MSW handlers, with the header that marks the checks' own calls removed (learner code cannot pass
 * for a check); course modules act on the run's emulator; values are decoded within bounds.
 */
export class LearnerLink {
  readonly ready: Promise<void>;
  #port: GraderPort;
  #session: LinkSession | undefined;
  #seq = 0;
  #calls = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  #loaded: ((r: { exports: Record<string, unknown>; error?: LearnerError }) => void) | undefined;
  #barrier: Promise<unknown> = Promise.resolve();
  #connections = new Map<number, Connection>();
  #gone: LearnerGoneError | undefined;

  constructor(port: GraderPort) {
    this.#port = port;
    let ready: () => void = () => undefined;
    this.ready = new Promise((resolve) => {
      ready = resolve;
    });
    port.onmessage = (event) => {
      const parsed = fromLearnerSchema.safeParse(event.data);
      if (!parsed.success) {
        const where = parsed.error.issues[0];
        this.#violation(`${where?.path.join('.') || 'message'}: ${where?.message ?? 'unreadable'}`);
        return;
      }
      const m = parsed.data as FromLearner;
      if (m.type === 'ready') ready();
      else void this.#handle(m);
    };
  }

  /** The run that owns the link from now on (a rehearsal, then the learner's run). */
  attach(session: LinkSession): void {
    this.#session = session;
    this.#barrier = Promise.resolve();
    this.#connections.clear();
  }

  /** Runs the module in the learner realm; resolves with its exports (functions call back into it). */
  load(js: string, env: Record<string, string>): Promise<{ exports: Record<string, unknown>; error?: LearnerError }> {
    return new Promise((resolve, reject) => {
      if (this.#gone) return reject(this.#gone);
      this.#loaded = resolve;
      this.#rejectLoad = reject;
      this.#send({ type: 'load', js, env, now: this.#now() });
    });
  }
  #rejectLoad: ((e: unknown) => void) | undefined;

  /** Calls a function the learner's module exported; its result comes back structured-cloned. */
  call(path: string[], args: unknown[]): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#send({ type: 'call', id, path, args: args.map((a) => encode(a)), now: this.#now() });
    });
  }

  /** The learner realm is gone (time limit, crash): whatever waits on it is rejected, now and later. */
  close(reason = new LearnerGoneError()): void {
    this.#gone = reason;
    this.#rejectLoad?.(reason);
    for (const waiting of this.#calls.values()) waiting.reject(reason);
    this.#calls.clear();
    this.#port.onmessage = null;
  }

  #now(): number {
    return this.#session?.emulator.clock.now() ?? 0;
  }

  #send(message: ToLearner, transfer: Transferable[] = []): void {
    if (!this.#gone) this.#port.postMessage(message, transfer);
  }

  #violation(message: string): void {
    this.#session?.onViolation(`The sandbox sent a message it may not send (${message}).`);
  }

  async #handle(m: Exclude<FromLearner, { type: 'ready' }>): Promise<void> {
    const session = this.#session;
    if (!session || this.#gone) return;
    try {
      if (m.type === 'console') session.onConsole(m.lines, m.omitted);
      else if (m.type === 'loaded') {
        const exports = decode(m.exports, (path, args) => this.call(path, args));
        const record = exports && typeof exports === 'object' && !Array.isArray(exports) ? exports : {};
        this.#loaded?.({ exports: record as Record<string, unknown>, ...(m.error ? { error: m.error } : {}) });
        this.#loaded = undefined;
      } else if (m.type === 'returned') {
        const waiting = this.#calls.get(m.id);
        this.#calls.delete(m.id);
        if (!waiting) return;
        if (m.error !== undefined) waiting.reject(decode(m.error, (path, args) => this.call(path, args)));
        else waiting.resolve(decode(m.value, (path, args) => this.call(path, args)));
      } else if (m.type === 'fetch') await this.#fetch(session, m.id, m.request);
      else if (m.type === 'course')
        await this.#course(
          session,
          m.id,
          m.call,
          m.args.map((a) => decode(a)),
        );
    } catch (e) {
      this.#violation(e instanceof Error ? e.message : String(e));
    }
  }

  async #fetch(session: LinkSession, id: number, wire: WireRequest): Promise<void> {
    // A clock move the learner asked for comes first: its requests see the time it set.
    await this.#barrier;
    let request: Request;
    try {
      const headers = new Headers(wire.headers);
      headers.delete(CHECK_HEADER);
      const hasBody = wire.body !== undefined && !['GET', 'HEAD'].includes(wire.method.toUpperCase());
      request = new Request(wire.url, { method: wire.method, headers, ...(hasBody ? { body: wire.body } : {}) });
    } catch (e) {
      this.#send({
        type: 'fetched',
        id,
        now: this.#now(),
        error: { name: 'TypeError', message: String((e as Error).message) },
      });
      return;
    }
    const response = await getResponse(session.handlers, request);
    if (!response) {
      const message = `Network access is blocked in the sandbox: ${request.method} ${request.url}. Only the emulated AWS endpoints (Secrets Manager, SSM, KMS, STS) and the Lambda extension on http://localhost:2773 are reachable.`;
      this.#send({ type: 'fetched', id, now: this.#now(), error: { name: 'SandboxNetworkError', message } });
      return;
    }
    const body = await response.arrayBuffer();
    this.#send(
      {
        type: 'fetched',
        id,
        now: this.#now(),
        response: { status: response.status, statusText: response.statusText, headers: [...response.headers], body },
      },
      [body],
    );
  }

  async #course(session: LinkSession, id: number, call: string, args: unknown[]): Promise<void> {
    const { emulator } = session;
    const answer = (value: unknown) => this.#send({ type: 'answer', id, now: this.#now(), value: encode(value) });
    try {
      if (call === 'clock.advance') {
        const to = Number(args[0]);
        const moved = this.#barrier.then(() => emulator.setTime(Math.max(to, emulator.clock.now())));
        this.#barrier = moved.catch(() => undefined);
        await moved;
        answer(undefined);
      } else if (call === 'db.connect') {
        if (this.#connections.size >= LIMITS.connections)
          throw new Error(
            `Too many open connections (at most ${LIMITS.connections}): close the ones you are done with.`,
          );
        await this.#barrier;
        const connection = await emulator.connectDatabase(args[0] as never);
        const handle = ++this.#seq;
        this.#connections.set(handle, connection);
        answer(handle);
      } else {
        const connection = this.#connections.get(Number(args[0]));
        if (!connection) throw new Error('Client was closed and is not queryable');
        if (call === 'db.close') {
          this.#connections.delete(Number(args[0]));
          answer(await connection.close());
        } else answer(await connection.query(String(args[1]), Array.isArray(args[2]) ? args[2] : []));
      }
    } catch (e) {
      this.#send({ type: 'answer', id, now: this.#now(), error: encode(e) });
    }
  }
}
