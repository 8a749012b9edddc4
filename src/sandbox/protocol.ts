import { z } from 'zod';
import { LIMITS } from './limits';
import type { ConsoleLine, LearnerError } from './messages';

/**
 * Every message between the grader and the learner realm, over the one port that joins them.
 * The grader is trusted; the learner realm is not, so what it sends is parsed by
 * `fromLearnerSchema` on arrival (bounded sizes), and its values are decoded by `wire.ts`.
 * Every message to the learner carries the simulated clock (`now`), which its `Date` and
 * `performance.now()` follow.
 */
export type ToLearner =
  /** Runs the learner's module (transpiled to a function body) with the given process.env. */
  | { type: 'load'; js: string; now: number; env: Record<string, string> }
  /** Calls a function the module exported (`path`: where it lives, from `loaded.exports`). */
  | { type: 'call'; id: number; path: string[]; args: unknown[]; now: number }
  /** The answer to a `fetch`: a response, or the error `fetch` rejects with. */
  | { type: 'fetched'; id: number; now: number; response?: WireResponse; error?: { name: string; message: string } }
  /** The answer to a call of a course module (`@lab/clock`, `@pettracker/db`). */
  | { type: 'answer'; id: number; now: number; value?: unknown; error?: unknown };

export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

export type CourseCall = 'clock.advance' | 'db.connect' | 'db.query' | 'db.close';

export type FromLearner =
  /** The realm has loaded the SDK and is waiting for code. */
  | { type: 'ready' }
  /** Console lines, in order; `omitted`: whole lines the realm has not sent so far (over its budget). */
  | { type: 'console'; lines: SentLine[]; omitted: { lines: number; chars: number } }
  /** The module has run (or failed): what it exported, encoded. */
  | { type: 'loaded'; exports: unknown; error?: LearnerError }
  /** The result of a `call`: a value or an error, encoded. */
  | { type: 'returned'; id: number; value?: unknown; error?: unknown }
  | { type: 'fetch'; id: number; request: WireRequest }
  | { type: 'course'; id: number; call: CourseCall; args: unknown[] };

/** A console line as the learner realm sends it: at most LIMITS.lineChars, `cut`: characters of it not sent. */
export interface SentLine extends ConsoleLine {
  cut?: number;
}

export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: ArrayBuffer;
}

const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const consoleLine = z.strictObject({
  level: z.enum(['log', 'info', 'warn', 'error']),
  text: text(LIMITS.lineChars),
  cut: count.optional(),
});
const learnerError = z.strictObject({
  name: text(200),
  message: text(20_000),
  line: z.number().int().positive().max(1e7).optional(),
  column: z.number().int().positive().max(1e7).optional(),
  phase: z.enum(['transpile', 'runtime']),
});

/** What the learner realm may send, with every size bounded. Anything else ends the run. */
export const fromLearnerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('console'),
    lines: z
      .array(consoleLine)
      .max(LIMITS.batchLines)
      .refine((lines) => lines.reduce((n, l) => n + l.text.length, 0) <= LIMITS.batchChars, 'too many characters'),
    omitted: z.strictObject({ lines: count, chars: count }),
  }),
  z.strictObject({ type: z.literal('loaded'), exports: z.unknown(), error: learnerError.optional() }),
  z.strictObject({ type: z.literal('returned'), id, value: z.unknown().optional(), error: z.unknown().optional() }),
  z.strictObject({
    type: z.literal('fetch'),
    id,
    request: z.strictObject({
      method: text(16),
      url: text(LIMITS.urlChars),
      headers: z.array(z.tuple([text(256), text(LIMITS.headerChars)])).max(LIMITS.headers),
      body: z
        // An ArrayBuffer of whichever realm cloned it (jsdom's tests have two).
        .custom<ArrayBuffer>((v) => Object.prototype.toString.call(v) === '[object ArrayBuffer]', 'an ArrayBuffer')
        .refine((b) => b.byteLength <= LIMITS.bodyBytes, `a request body is at most ${LIMITS.bodyBytes - 1} bytes`)
        .optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('course'),
    id,
    call: z.enum(['clock.advance', 'db.connect', 'db.query', 'db.close']),
    args: z.array(z.unknown()).max(8),
  }),
]);
