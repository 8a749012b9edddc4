/**
 * The deepest nesting any request of these APIs needs is a handful of levels (a tag inside a list
 * inside a filter). A body nested deeper is refused before it is parsed: deep enough, it would
 * overflow a recursive step later on (logging, copying, `JSON.stringify`) and answer a 500, which
 * SDKs retry. AWS's own JSON parsers refuse it too (Jackson allows 1,000 levels).
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `text` nests objects or arrays deeper than `max` (brackets inside strings do not count). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
