import { addNotice, clearNotice } from './notices';
import { type Field, fieldSchemas } from './schema';
import type { AppState } from './state';
import { lastSaveOutcome, type SaveOutcome } from './storage';
import { useAppStore } from './store';

/** What a write did: refused by the schema (nothing changed), or done, and then saved or not. */
export type WriteResult = ({ ok: true } & SaveOutcome) | { ok: false; message: string };

const REFUSED = 'write-refused';

/**
 * The one way to change the store. `change` returns the fields to replace; each is checked by its
 * schema (strict, bounded, keys checked) and stored as the schema returns it (prototype-free
 * records). A field that fails refuses the whole write, and the learner is told, since what they
 * did is then not kept. The store's persist middleware saves the result at once.
 */
export function write(change: (state: AppState) => Partial<AppState>): WriteResult {
  const patch = change(useAppStore.getState());
  if (Object.keys(patch).length === 0) return { ok: true, ...lastSaveOutcome() };
  const checked: Partial<Record<Field, unknown>> = {};
  for (const field of Object.keys(patch) as Field[]) {
    const schema = fieldSchemas[field];
    if (!schema) return refuse(`${String(field)} is not part of saved progress`);
    const parsed = schema.safeParse(patch[field]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const inner = issue?.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
      return refuse(`${[field, ...(issue?.path ?? [])].map(String).join('.')}: ${inner ?? issue?.message}`);
    }
    checked[field] = parsed.data;
  }
  clearNotice(REFUSED);
  useAppStore.setState(checked as Partial<AppState>);
  return { ok: true, ...lastSaveOutcome() };
}

/** Replaces the whole state (import, reset), checked like any write. */
export function writeAll(state: AppState): WriteResult {
  return write(() => state);
}

function refuse(message: string): WriteResult {
  addNotice({ key: REFUSED, text: `Not saved: ${message}.` });
  return { ok: false, message };
}
