import { z } from 'zod';
import { migrate, STORE_VERSION } from '../store/migrations';
import { type IncomingProgress, type ProgressState, progressStateSchema } from './progressSchema';

/**
 * A progress file: the store's persisted state with the schema version it was saved under.
 * `app` and `kind` tell it apart from any other JSON a learner might pick; `version` is the store's
 * schema version, so a file from an older release is migrated exactly like old localStorage is.
 */
export const PROGRESS_APP = 'secrets-lab';
export const PROGRESS_KIND = 'progress';

export interface ProgressFile {
  app: typeof PROGRESS_APP;
  kind: typeof PROGRESS_KIND;
  version: number;
  exportedAt: string;
  state: ProgressState;
}

const envelopeSchema = z.object({
  app: z.literal(PROGRESS_APP),
  kind: z.literal(PROGRESS_KIND),
  version: z.number().int().nonnegative(),
  exportedAt: z.string().optional(),
  state: z.record(z.string(), z.unknown()),
});

export function toProgressFile(state: ProgressState, now: Date): ProgressFile {
  return { app: PROGRESS_APP, kind: PROGRESS_KIND, version: STORE_VERSION, exportedAt: now.toISOString(), state };
}

/** `secrets-lab-progress-2026-11-30.json` */
export function progressFileName(now: Date): string {
  return `secrets-lab-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedProgress =
  | { ok: true; state: IncomingProgress; fromVersion: number; exportedAt?: string }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'newer' | 'damaged'; message: string };

/** Reads a progress file's text: checks it, migrates it to the current schema version, validates it. */
export function parseProgressFile(text: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'not-json',
      message:
        'This file is not a Secrets Lab progress file: it is not JSON. Choose the .json file that “Export progress” saved.',
    };
  }
  const marker = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  if (marker.app !== PROGRESS_APP || marker.kind !== PROGRESS_KIND) {
    return {
      ok: false,
      reason: 'not-progress',
      message: 'This JSON file is not a Secrets Lab progress file. Choose the .json file that “Export progress” saved.',
    };
  }
  if (typeof marker.version === 'number' && marker.version > STORE_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      message: `This file was exported by a newer version of Secrets Lab (progress format ${marker.version}; this version reads up to ${STORE_VERSION}). Update the app (open it online and reload), then import the file again. Nothing was imported.`,
    };
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return damaged(envelope.error, []);
  const migrated = migrate(envelope.data.state, envelope.data.version);
  const state = progressStateSchema.safeParse(migrated);
  if (!state.success) return damaged(state.error, ['state']);
  // The schema checked every field; JSON only widens two types (see ProgressState).
  return {
    ok: true,
    state: state.data as unknown as IncomingProgress,
    fromVersion: envelope.data.version,
    exportedAt: envelope.data.exportedAt,
  };
}

function damaged(error: z.ZodError, prefix: PropertyKey[]): ParsedProgress {
  const first = error.issues[0];
  const where = [...prefix, ...(first?.path ?? [])].map(String).join('.') || 'the file';
  return {
    ok: false,
    reason: 'damaged',
    message: `This progress file is damaged at ${where}: ${first?.message ?? 'unreadable'}. Nothing was imported.`,
  };
}
