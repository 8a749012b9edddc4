import { addPetTrackerDatabase, PETTRACKER_DB } from '../db/pettracker';
import { serverKey } from '../db/state';
import type { Emulator } from '../emulator';
import { registerRotationTemplates } from '../rotation/templates/register';

/**
 * What the local endpoint offers on start: the built-in rotation templates registered in the
 * emulator's account (000000000000 for the endpoint) and us-east-1, and the PetTracker database
 * the seed's `pettracker/prod/db-credentials` points at (unless a loaded state already has it).
 */
export function preparePetTracker(emulator: Emulator): void {
  registerRotationTemplates(emulator, { region: 'us-east-1' });
  if (!emulator.databases.state.servers[serverKey(PETTRACKER_DB.host, PETTRACKER_DB.port)]) {
    addPetTrackerDatabase(emulator.databases);
  }
}
