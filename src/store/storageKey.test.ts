import { describe, expect, it } from 'vitest';
import { adoptEarlierEntry, ROOT_STORAGE_KEY, storageKeyFor } from './storageKey';

describe('storageKeyFor', () => {
  it('keeps the key of earlier releases for a course at the root or with a relative base', () => {
    expect(storageKeyFor('/')).toBe('secrets-lab');
    expect(storageKeyFor('./')).toBe('secrets-lab');
  });

  it('gives two courses on one host two keys, however the base is written', () => {
    expect(storageKeyFor('/course-a/')).toBe('secrets-lab@/course-a/');
    expect(storageKeyFor('/course-a')).toBe('secrets-lab@/course-a/');
    expect(storageKeyFor('/course-b/')).not.toBe(storageKeyFor('/course-a/'));
  });
});

describe('adoptEarlierEntry', () => {
  const store = (entries: Record<string, string>) => {
    const map = new Map(Object.entries(entries));
    return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };

  it('starts a course under a base path from a copy of the entry an earlier release kept at the root', () => {
    const s = store({ [ROOT_STORAGE_KEY]: '{"state":{"lessonsRead":{"rotation":1}}}' });
    adoptEarlierEntry(s, 'secrets-lab@/course-a/');
    expect(s.map.get('secrets-lab@/course-a/')).toBe('{"state":{"lessonsRead":{"rotation":1}}}');
    // Copied, not moved: another course of the same origin can adopt it too.
    expect(s.map.get(ROOT_STORAGE_KEY)).toBe('{"state":{"lessonsRead":{"rotation":1}}}');
  });

  it('never overwrites a course that has state of its own, and does nothing at the root', () => {
    const s = store({ [ROOT_STORAGE_KEY]: 'old', 'secrets-lab@/course-a/': 'mine' });
    adoptEarlierEntry(s, 'secrets-lab@/course-a/');
    adoptEarlierEntry(s, ROOT_STORAGE_KEY);
    expect(Object.fromEntries(s.map)).toEqual({ [ROOT_STORAGE_KEY]: 'old', 'secrets-lab@/course-a/': 'mine' });
  });

  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(() => adoptEarlierEntry(throwing, 'secrets-lab@/course-a/')).not.toThrow();
  });
});
