import { z } from 'zod';

/**
 * What a key from outside may be (a lesson, exercise, question, option or attempt id used as a
 * record key in saved progress): letters, digits, dots, colons, underscores and dashes, starting
 * with a letter or digit, at most 100 characters, and never a name every object already answers to
 * (`constructor`, `toString`…; `__proto__` cannot match the pattern). Such names would read as
 * present in a plain object that never stored them.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const ID_MAX_CHARS = 100;

/** True for names every plain object already answers to (`constructor`, `toString`, `valueOf`…). */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}

export const keySchema = z
  .string()
  .max(ID_MAX_CHARS, `an id has at most ${ID_MAX_CHARS} characters`)
  .regex(ID_PATTERN, 'an id is letters, digits, dots, colons and dashes')
  .refine((key) => !isInheritedName(key), {
    error: (issue) => `"${String(issue.input)}" cannot be an id: every object already has a property of that name`,
  });
