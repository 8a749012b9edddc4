import { LIMITS } from './limits';

export type JsonGuardProblem = { kind: 'size'; chars: number } | { kind: 'depth'; depth: number };

/**
 * Checks JSON text before it is parsed: its length, and how deeply its objects and arrays nest.
 * `JSON.parse` itself copes with any depth, but `JSON.stringify` and `structuredClone` recurse and
 * throw "Maximum call stack size exceeded" on a value nested 100,000 deep, so such a value must never
 * get into the store. One pass over the characters, skipping strings; not a validator (the schema
 * and `JSON.parse` are).
 */
export function guardJson(
  text: string,
  maxChars: number = LIMITS.fileChars,
  maxDepth: number = LIMITS.depth,
): JsonGuardProblem | undefined {
  if (text.length > maxChars) return { kind: 'size', chars: text.length };
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { kind: 'depth', depth };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return undefined;
}

/** "4.0 MB" or "25 KB": sizes in the messages (characters ≈ bytes for JSON). */
export function formatChars(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(chars / 1024))} KB`;
}
