import { expect, test } from 'vitest';
import { LIMITS } from '../../src/sandbox/limits';
import { decode, ERROR, encode, FUNCTION, WireFormatError, WireLimitError } from '../../src/sandbox/wire';

// wire.ts decodes what the learner realm sends (exports, return values, thrown errors, course
// module arguments) in the grader. Tried as an attacker would: everything below is a value the
// learner's code can make arrive (structured clone keeps own data properties, `__proto__` keys,
// cycles, sparse arrays and views on large buffers). Decoding must stay bounded, never touch a
// prototype, and fail only with WireLimitError (which ends the run with a clear message).

/** What arrives after the port's structured clone, as in the browser and in Node's MessageChannel. */
const arrive = <T>(value: T): T => structuredClone(value);

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

const decodeError = (value: unknown): unknown => {
  try {
    decode(value);
  } catch (e) {
    return e;
  }
  return undefined;
};

test('a `__proto__` key stays an own field and changes no prototype', () => {
  const value = arrive(JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": [1]}}'));

  const out = decode(value) as Record<string, unknown>;

  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: true });
  expect(out.polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Array.isArray(Object.getPrototypeOf(out.a))).toBe(false);
});

test('keys named like inherited members are plain data, and Object.prototype is untouched', () => {
  const value = arrive({
    constructor: { prototype: { polluted: true } },
    toString: 'not a function',
    hasOwnProperty: 1,
    valueOf: null,
  });

  const out = decode(value) as Record<string, unknown>;

  expect(Object.keys(out)).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf']);
  expect(out.toString).toBe('not a function');
  expect(Object.hasOwn(out, 'hasOwnProperty')).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call(out)).toBe('[object Object]');
});

test('an error record cannot change what an Error is: its prototype, name and fields stay data', () => {
  const value = arrive({
    [ERROR]: {
      name: 'AccessDeniedException',
      message: 'no',
      fields: JSON.parse('{"__proto__": {"polluted": true}, "constructor": 5, "$metadata": {"httpStatusCode": 400}}'),
    },
  });

  const err = decode(value) as Error & Record<string, unknown>;

  expect(err).toBeInstanceOf(Error);
  expect(Object.getPrototypeOf(err)).toBe(Error.prototype);
  expect(err.name).toBe('AccessDeniedException');
  expect(err.polluted).toBeUndefined();
  expect(err.constructor).toBe(5);
  expect(err.$metadata).toEqual({ httpStatusCode: 400 });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('an error record whose name or message is not text gets text, bounded like any string', () => {
  const odd = decode(arrive({ [ERROR]: { name: ['a', ['b']], message: { m: 1 } } })) as Error;
  expect(odd.name).toBe('Error');
  expect(odd.message).toBe('');

  const deepMessage = { [ERROR]: { name: 'E', message: nested(100_000, (v) => [v]) } };
  expect(decode(deepMessage)).toBeInstanceOf(Error);

  const huge = { [ERROR]: { name: 'E', message: 'm'.repeat(LIMITS.valueStringChars + 1) } };
  expect(decodeError(huge)).toBeInstanceOf(WireLimitError);
});

test('cycles come back as cycles, in objects, arrays, maps and error causes, without looping', () => {
  const a: Record<string, unknown> = { name: 'a' };
  a.self = a;
  a.list = [a, a];
  a.map = new Map([['back', a]]);
  const err = { [ERROR]: { name: 'E', message: 'loop', fields: {} } } as Record<string, Record<string, unknown>>;
  (err[ERROR] as Record<string, unknown>).cause = err;
  a.err = err;

  const out = decode(arrive(a)) as Record<string, unknown>;

  expect(out.self).toBe(out);
  expect((out.list as unknown[])[1]).toBe(out);
  expect((out.map as Map<string, unknown>).get('back')).toBe(out);
  const e = out.err as Error;
  expect(e.cause).toBe(e);
});

test('nesting 100,000 deep is refused by depth, in arrays, objects, maps, sets and error causes', () => {
  const shapes: ((inner: unknown) => unknown)[] = [
    (v) => [v],
    (v) => ({ v }),
    (v) => new Map([[1, v]]),
    (v) => new Set([v]),
    (v) => ({ [ERROR]: { name: 'E', message: 'm', fields: {}, cause: v } }),
    (v) => ({ [ERROR]: { name: 'E', message: 'm', fields: { v } } }),
  ];
  for (const wrap of shapes) {
    const error = decodeError(nested(100_000, wrap));
    expect(error, String(wrap)).toBeInstanceOf(WireLimitError);
    expect((error as Error).message).toBe(
      `A value from the sandbox is too large: nested deeper than ${LIMITS.valueDepth}`,
    );
  }
  // Just inside the bound is fine.
  expect(decodeError(nested(LIMITS.valueDepth, (v) => [v]))).toBeUndefined();
});

test('a huge or sparse array is refused by its number of parts, at once', () => {
  const sparse: unknown[] = [];
  sparse.length = 2 ** 32 - 1;
  expect(decodeError(sparse)).toBeInstanceOf(WireLimitError);
  expect(decodeError(new Array(LIMITS.valueNodes + 1).fill(0))).toBeInstanceOf(WireLimitError);
  expect(decodeError(new Map(Array.from({ length: LIMITS.valueNodes }, (_, i) => [i, i])))).toBeInstanceOf(
    WireLimitError,
  );
  const wide = Object.fromEntries(Array.from({ length: LIMITS.valueNodes + 1 }, (_, i) => [`k${i}`, i]));
  expect(decodeError(wide)).toBeInstanceOf(WireLimitError);
});

test('text is bounded wherever it hides: values, keys, map keys', () => {
  const half = 'x'.repeat(LIMITS.valueStringChars / 2 + 1);
  expect(decodeError([half, half])).toBeInstanceOf(WireLimitError);
  expect(decodeError({ [half]: 1, [`y${half}`]: 2 })).toBeInstanceOf(WireLimitError);
  expect(decodeError(new Map([[half, half]]))).toBeInstanceOf(WireLimitError);
  expect(decodeError(['x'.repeat(1000), { ['y'.repeat(1000)]: 'z' }])).toBeUndefined();
});

test('binary data is bounded by the bytes it brings, a small view on a large buffer included', () => {
  const big = LIMITS.valueBytes + 1;
  expect(decodeError(new Uint8Array(big))).toBeInstanceOf(WireLimitError);
  expect(decodeError(new ArrayBuffer(big))).toBeInstanceOf(WireLimitError);
  expect(decodeError(new Uint8Array(new ArrayBuffer(big), 0, 1))).toBeInstanceOf(WireLimitError);
  expect(decodeError(new DataView(new ArrayBuffer(big)))).toBeInstanceOf(WireLimitError);
  expect(decodeError(new Blob([new Uint8Array(big)]))).toBeInstanceOf(WireLimitError);
  expect(decode(new Uint8Array([1, 2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
});

test('a function marker only ever calls back into the learner realm, with the path as text, bounded', async () => {
  const calls: [string[], unknown[]][] = [];
  const call = async (path: string[], args: unknown[]) => {
    calls.push([path, args]);
    return 'answer';
  };
  const out = decode(arrive({ handler: { [FUNCTION]: ['handler', 2] } }), call) as Record<string, unknown>;

  expect(typeof out.handler).toBe('function');
  expect(await (out.handler as (...a: unknown[]) => Promise<unknown>)(1)).toBe('answer');
  expect(calls).toEqual([[['handler', '2'], [1]]]);
  // Without a way back (course module arguments) a marker cannot be called at all.
  expect(() => (decode({ [FUNCTION]: ['x'] }) as () => unknown)()).toThrow(TypeError);
  // A path is a few names, not a place to hide a flood or a deep structure.
  expect(decodeError({ [FUNCTION]: new Array(LIMITS.valueNodes + 1).fill('a') })).toBeInstanceOf(WireLimitError);
  expect(decodeError({ [FUNCTION]: ['x'.repeat(LIMITS.valueStringChars + 1)] })).toBeInstanceOf(WireLimitError);
  expect(decodeError({ [FUNCTION]: [nested(100_000, (v) => [v])] })).toBeInstanceOf(WireFormatError);
  expect(decodeError({ [FUNCTION]: 'handler' })).toBeInstanceOf(WireFormatError);
});

test('what encode makes in the learner realm decodes to the same shape in the grader', () => {
  class NotFound extends Error {
    code = 'E404';
  }
  const value = {
    when: new Date(0),
    bytes: new Uint8Array([1]),
    tags: new Set(['a']),
    err: Object.assign(new NotFound('missing', { cause: new TypeError('inner') }), {
      name: 'ResourceNotFoundException',
    }),
    fn() {
      return 1;
    },
  };

  const out = decode(arrive(encode(value)), async () => undefined) as Record<string, unknown>;

  expect(out.when).toEqual(new Date(0));
  expect(out.bytes).toEqual(new Uint8Array([1]));
  expect(out.tags).toEqual(new Set(['a']));
  const err = out.err as Error & { code?: string };
  expect([err.name, err.message, err.code, (err.cause as Error).name]).toEqual([
    'ResourceNotFoundException',
    'missing',
    'E404',
    'TypeError',
  ]);
  expect(typeof out.fn).toBe('function');
});
