import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { migrate, STORE_VERSION } from './migrations';
import { FIELDS, type Field, fieldSchemas, parseDroppingUnknown } from './schema';
import { type AppState, defaultState } from './state';
import { jsonStorage, setAside } from './storage';
import { adoptEarlierEntry, storageKeyFor } from './storageKey';

export type { AppState } from './state';

/** This course's key (its base path names it: see storageKey.ts). */
export const STORAGE_KEY = storageKeyFor(import.meta.env.BASE_URL);
adoptEarlierEntry(browserStorage(), STORAGE_KEY);

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The one store: what the learner did and chose. It holds data only; actions (`actions/`) are the
 * only writers and check each write with the schema (`write.ts`). What is loaded from localStorage
 * is checked too, field by field, in `hydrate` below.
 */
export const useAppStore = create<AppState>()(
  persist(() => defaultState(), {
    name: STORAGE_KEY,
    version: STORE_VERSION,
    storage: jsonStorage(),
    migrate: (persisted, version) => {
      if (version > STORE_VERSION)
        keepCopy(
          `Your saved progress comes from a newer version of Secrets Lab (format ${version}); this version reads what it knows of it.`,
        );
      return migrate(persisted, version);
    },
    merge: (persisted, current) => hydrate(persisted, current),
  }),
);

/** The defaults, for tests and "reset all progress". */
export const initialState: AppState = defaultState();

/**
 * Saved state → the store: each field through its schema. A field that fails keeps its default and
 * fields this version does not know are left out; either way the saved entry is first set aside
 * (nothing is lost) and the learner is told which parts could not be used.
 */
function hydrate(persisted: unknown, current: AppState): AppState {
  if (!persisted || typeof persisted !== 'object' || Array.isArray(persisted)) return current;
  const saved = persisted as Record<string, unknown>;
  const state: Record<string, unknown> = { ...current };
  const unusable: string[] = [];
  const dropped = Object.keys(saved).filter((key) => !Object.hasOwn(fieldSchemas, key));
  for (const field of FIELDS) {
    if (!Object.hasOwn(saved, field)) continue;
    const parsed = parseDroppingUnknown(fieldSchemas[field as Field], saved[field], [field]);
    if (parsed.ok) {
      state[field] = parsed.value;
      dropped.push(...parsed.dropped);
    } else unusable.push(`${parsed.path} (${parsed.message})`);
  }
  if (unusable.length || dropped.length) {
    const parts = [
      unusable.length ? `could not be used: ${unusable.join('; ')}` : '',
      dropped.length ? `fields this version does not know were left out: ${dropped.join(', ')}` : '',
    ].filter(Boolean);
    keepCopy(`Part of your saved progress ${parts.join('; ')}.`);
  }
  return state as unknown as AppState;
}

function keepCopy(why: string): void {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    /* unreadable storage: nothing to copy */
  }
  if (raw !== null) setAside(STORAGE_KEY, raw, why);
}
