import { addPetTrackerDatabase, PETTRACKER_DB } from '../db/pettracker';
import type { DatabaseRegistry } from '../db/registry';
import { serverKey } from '../db/state';
import type { AccountStore } from './accounts';

/**
 * What a fresh emulator holds beyond an empty account:
 * - `empty`: nothing (the lab's runs and the tests start here and build their own fixtures);
 * - `pettracker`: the world the seed's tutorial assumes: the PetTracker database that
 *   `pettracker/prod/db-credentials` points at. The local endpoint starts with it. (The rotation
 *   functions are Lambda functions registered by createEmulator, not state.)
 */
export type Preset = 'empty' | 'pettracker';

/** One line per thing the preset added, for the endpoint's start-up banner. */
export function applyPreset(preset: Preset, _accounts: AccountStore, databases: DatabaseRegistry): string[] {
  if (preset === 'empty') return [];
  const loaded: string[] = [];
  if (!Object.hasOwn(databases.state.servers, serverKey(PETTRACKER_DB.host, PETTRACKER_DB.port))) {
    addPetTrackerDatabase(databases);
    loaded.push(
      `PostgreSQL ${PETTRACKER_DB.host}:${PETTRACKER_DB.port}, database ${PETTRACKER_DB.dbname}, user ${PETTRACKER_DB.username}`,
    );
  }
  return loaded;
}
