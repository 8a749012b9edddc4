import { z } from 'zod';
import { formatChars, guardJson } from './jsonGuard';
import { LIMITS } from './limits';
import { migrate, STORE_VERSION } from './migrations';
import { parseDroppingUnknown, partialStateSchema } from './schema';
import type { AppState } from './state';

/**
 * A progress file: the store's persisted state with the schema version it was saved under.
 * `app` and `kind` tell it apart from any other JSON a learner might pick; `version` is the store's
 * schema version, so a file from an older release is migrated exactly like old localStorage is.
 * It is read like any untrusted input: size and nesting checked before parsing, then the store's
 * own strict schema (bounded, keys checked); fields this version does not know are left out and named.
 */
export const PROGRESS_APP = 'secrets-lab';
export const PROGRESS_KIND = 'progress';
/** The longest display name a progress file may carry. */
export const NAME_MAX = 60;

export interface ProgressFile {
  app: typeof PROGRESS_APP;
  kind: typeof PROGRESS_KIND;
  version: number;
  exportedAt: string;
  name?: string;
  state: AppState;
}

/** A parsed file's state: any slice may be missing (older files lack later ones). */
export type IncomingProgress = Partial<AppState>;

const envelopeSchema = z.strictObject({
  app: z.literal(PROGRESS_APP),
  kind: z.literal(PROGRESS_KIND),
  version: z.number().int().nonnegative(),
  exportedAt: z.string().max(40).optional(),
  /** A display name the student chose to add (for an instructor's class report); never required. */
  name: z.string().trim().min(1).max(NAME_MAX).optional(),
  state: z.record(z.string(), z.unknown()),
});

/** The file "Export progress" saves; `name` (optional, trimmed) lets an instructor's class report show who it is. */
export function toProgressFile(state: AppState, now: Date, name?: string): ProgressFile {
  const shown = name?.trim().slice(0, NAME_MAX);
  return {
    app: PROGRESS_APP,
    kind: PROGRESS_KIND,
    version: STORE_VERSION,
    exportedAt: now.toISOString(),
    ...(shown ? { name: shown } : {}),
    state,
  };
}

/** `secrets-lab-progress-2026-11-30.json` */
export function progressFileName(now: Date): string {
  return `secrets-lab-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedProgress =
  | {
      ok: true;
      state: IncomingProgress;
      fromVersion: number;
      exportedAt?: string;
      /** The display name the student put in the file, if any. */
      name?: string;
      /** Fields this version does not know, left out ("state.bookmarks"). */
      dropped: string[];
    }
  | { ok: false; reason: 'too-large' | 'not-json' | 'not-progress' | 'newer' | 'damaged'; message: string };

const CHOOSE = 'Choose the .json file that “Export progress” saved.';

/** Reads a progress file's text: checks it, migrates it to the current schema version, validates it. */
export function parseProgressFile(text: string): ParsedProgress {
  const problem = guardJson(text);
  if (problem?.kind === 'size')
    return {
      ok: false,
      reason: 'too-large',
      message: `This file is ${formatChars(problem.chars)}; a Secrets Lab progress file is at most ${formatChars(LIMITS.fileChars)}. Nothing was imported.`,
    };
  if (problem?.kind === 'depth')
    return {
      ok: false,
      reason: 'damaged',
      message: `This file nests its data more than ${LIMITS.depth} levels deep, which no Secrets Lab progress file does: it was changed or made by something else. Nothing was imported.`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'not-json',
      message: `This file is not a Secrets Lab progress file: it is not JSON. ${CHOOSE}`,
    };
  }
  const marker = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (marker.app !== PROGRESS_APP || marker.kind !== PROGRESS_KIND)
    return {
      ok: false,
      reason: 'not-progress',
      message: `This JSON file is not a Secrets Lab progress file. ${CHOOSE}`,
    };
  if (typeof marker.version === 'number' && marker.version > STORE_VERSION)
    return {
      ok: false,
      reason: 'newer',
      message: `This file was exported by a newer version of Secrets Lab (progress format ${marker.version}; this version reads up to ${STORE_VERSION}). Update the app (open it online and reload), then import the file again. Nothing was imported.`,
    };
  const envelope = parseDroppingUnknown(envelopeSchema, data);
  if (!envelope.ok) return damaged(envelope.path, envelope.message);
  const migrated = migrate(envelope.value.state, envelope.value.version);
  const state = parseDroppingUnknown(partialStateSchema, migrated, ['state']);
  if (!state.ok) return damaged(state.path, state.message);
  return {
    ok: true,
    // The schema checked every field; JSON only widens two types (domain ids as keys, FSRS's State enum).
    state: state.value as unknown as IncomingProgress,
    fromVersion: envelope.value.version,
    exportedAt: envelope.value.exportedAt,
    ...(envelope.value.name ? { name: envelope.value.name } : {}),
    dropped: [...envelope.dropped, ...state.dropped],
  };
}

function damaged(path: string, message: string): ParsedProgress {
  return {
    ok: false,
    reason: 'damaged',
    message: `This progress file is damaged at ${path || 'the file'}: ${message}. Nothing was imported.`,
  };
}
