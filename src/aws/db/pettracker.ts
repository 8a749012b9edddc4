import type { DatabaseRegistry } from './registry';
import type { Pet } from './state';

/** The seed's database: what `pettracker/prod/db-credentials` points at. */
export const PETTRACKER_DB = {
  engine: 'postgres',
  host: 'pettracker-db.cluster-xxx.us-east-1.rds.amazonaws.com',
  port: 5432,
  dbname: 'pettracker',
  username: 'pettracker_app',
  password: 'SuperSecureP@ssw0rd!',
} as const;

/** The instance's master user, whose secret the alternating-users template logs in with. */
export const PETTRACKER_MASTER = { username: 'pettracker_admin', password: 'Adm1n-Passw0rd-Example' } as const;

export const PETTRACKER_PETS: Pet[] = [
  { id: 1, name: 'Biscuit', species: 'dog', owner: 'jordan' },
  { id: 2, name: 'Mochi', species: 'cat', owner: 'sam' },
  { id: 3, name: 'Pepper', species: 'parrot', owner: 'alex' },
];

/** Adds the PetTracker PostgreSQL server with its app user, master user and pets. */
export function addPetTrackerDatabase(registry: DatabaseRegistry) {
  return registry.addServer({
    host: PETTRACKER_DB.host,
    port: PETTRACKER_DB.port,
    engine: 'postgres',
    master: { user: PETTRACKER_MASTER.username, password: PETTRACKER_MASTER.password },
    users: { [PETTRACKER_DB.username]: PETTRACKER_DB.password },
    databases: { [PETTRACKER_DB.dbname]: PETTRACKER_PETS },
  });
}
