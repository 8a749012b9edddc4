import { LIMITS } from './limits';

/**
 * Values crossing between the learner realm and the grader: structured-clonable data in which a
 * function becomes a marker naming where it lives (`{ [FUNCTION]: ['handler'] }`) and an error a
 * plain record (structured clone would drop a custom name, a `cause` or an SDK error's fields).
 * Markers in learner data only ever turn into calls back into the learner realm: nothing in the
 * grader can be reached through them.
 */
export const FUNCTION = '__secretsLabFunction';
export const ERROR = '__secretsLabError';

export interface WireError {
  name: string;
  message: string;
  /** Own fields worth keeping: `code`, `$metadata`, `$fault`... (encoded). */
  fields: Record<string, unknown>;
  cause?: unknown;
}

export class WireLimitError extends Error {
  constructor(what: string) {
    super(`A value from the sandbox is too large: ${what}`);
    this.name = 'WireLimitError';
  }
}

export class WireFormatError extends Error {
  constructor(what: string) {
    super(`A value from the sandbox is not one it can send: ${what}`);
    this.name = 'WireFormatError';
  }
}

function structuredCloneable(v: object): boolean {
  return (
    v instanceof Date ||
    v instanceof RegExp ||
    ArrayBuffer.isView(v) ||
    v instanceof ArrayBuffer ||
    v instanceof Map ||
    v instanceof Set ||
    (typeof Blob !== 'undefined' && v instanceof Blob)
  );
}

/** Encodes a value for the port (in the realm that owns it). Getters run; what throws becomes a string. */
export function encode(
  value: unknown,
  path: readonly (string | number)[] = [],
  seen = new Map<object, unknown>(),
): unknown {
  if (typeof value === 'function') return { [FUNCTION]: path.map(String) };
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (path.length > LIMITS.valueDepth) return '[Too deep]';
  if (value instanceof Error) {
    const fields: Record<string, unknown> = {};
    const out = { [ERROR]: { name: String(value.name), message: String(value.message), fields } as WireError };
    seen.set(value, out);
    for (const key of Object.keys(value)) {
      if (key === 'name' || key === 'message' || key === 'cause') continue;
      fields[key] = encode(read(value, key), [...path, key], seen);
    }
    if ('cause' in value) out[ERROR].cause = encode(value.cause, [...path, 'cause'], seen);
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(encode(k, [...path, 'key'], seen), encode(v, [...path, String(k)], seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    let i = 0;
    for (const v of value) out.add(encode(v, [...path, i++], seen));
    return out;
  }
  if (structuredCloneable(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out.push(encode(value[i], [...path, i], seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) define(out, key, encode(read(value, key), [...path, key], seen));
  return out;
}

function read(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch (e) {
    return `[getter threw ${e instanceof Error ? e.name : 'a value'}]`;
  }
}

/** An own data property whatever the key (`__proto__` included): no setter, no prototype change. */
function define(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Decodes a value that came across the port, within the bounds of `LIMITS`: functions become calls
 * into the realm that sent them, error records become `Error`s with their name, and every object
 * is rebuilt from own data properties (a `__proto__` key stays a key). Everything the value brings
 * counts against the bounds: its parts, its nesting, the text of its strings and keys, the bytes
 * of its binary data (a view brings its whole buffer). Throws WireLimitError past a bound and
 * WireFormatError for a marker that encode() never makes: the grader then ends the run.
 */
export function decode(value: unknown, call?: (path: string[], args: unknown[]) => Promise<unknown>): unknown {
  let nodes = 0;
  let chars = 0;
  let bytes = 0;
  const text = (s: string) => {
    chars += s.length;
    if (chars > LIMITS.valueStringChars) throw new WireLimitError(`more than ${LIMITS.valueStringChars} characters`);
    return s;
  };
  const binary = (n: number) => {
    bytes += n;
    if (bytes > LIMITS.valueBytes) throw new WireLimitError(`more than ${LIMITS.valueBytes} bytes of binary data`);
  };
  const seen = new Map<object, unknown>();
  const walk = (v: unknown, depth: number): unknown => {
    if (++nodes > LIMITS.valueNodes) throw new WireLimitError(`more than ${LIMITS.valueNodes} parts`);
    if (depth > LIMITS.valueDepth) throw new WireLimitError(`nested deeper than ${LIMITS.valueDepth}`);
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    if (v instanceof Map) {
      const out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(walk(k, depth + 1), walk(x, depth + 1));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      seen.set(v, out);
      for (const x of v) out.add(walk(x, depth + 1));
      return out;
    }
    if (ArrayBuffer.isView(v)) binary(v.buffer.byteLength);
    else if (v instanceof ArrayBuffer) binary(v.byteLength);
    else if (typeof Blob !== 'undefined' && v instanceof Blob) binary(v.size);
    if (structuredCloneable(v)) return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(walk(x, depth + 1));
      return out;
    }
    const own = v as Record<string, unknown>;
    if (Object.hasOwn(own, FUNCTION)) {
      const path = functionPath(own[FUNCTION]);
      for (const name of path) text(name);
      nodes += path.length;
      const fn = (...args: unknown[]) => {
        if (!call) throw new TypeError('This function cannot be called from here');
        return call(path, args);
      };
      Object.defineProperty(fn, 'name', { value: path.at(-1) ?? 'anonymous' });
      seen.set(v, fn);
      return fn;
    }
    if (Object.hasOwn(own, ERROR) && own[ERROR] && typeof own[ERROR] === 'object') {
      const record = own[ERROR] as Record<string, unknown>;
      const err = new Error(typeof record.message === 'string' ? text(record.message) : '');
      seen.set(v, err);
      const fields =
        record.fields && typeof record.fields === 'object' ? (record.fields as Record<string, unknown>) : {};
      for (const key of Object.keys(fields)) define(err, text(key), walk(fields[key], depth + 1));
      define(err, 'name', typeof record.name === 'string' && record.name ? text(record.name) : 'Error');
      Object.defineProperty(err, 'name', { enumerable: false });
      if (Object.hasOwn(record, 'cause')) {
        define(err, 'cause', walk(record.cause, depth + 1));
        Object.defineProperty(err, 'cause', { enumerable: false });
      }
      return err;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const key of Object.keys(own)) define(out, text(key), walk(own[key], depth + 1));
    return out;
  };
  return walk(value, 0);
}

/**
 * Where a function lives, as encode() writes it: names (array indexes as text), no more of them
 * than a value may be deep. Anything else was not made by encode().
 */
function functionPath(path: unknown): string[] {
  if (!Array.isArray(path)) throw new WireFormatError('a function marker without a path');
  if (path.length > LIMITS.valueDepth + 1) throw new WireLimitError(`nested deeper than ${LIMITS.valueDepth}`);
  return path.map((name) => {
    if (typeof name === 'string') return name;
    if (typeof name === 'number' && Number.isInteger(name)) return String(name);
    throw new WireFormatError('a function path that is not names');
  });
}
