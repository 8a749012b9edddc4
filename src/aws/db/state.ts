import { dict } from '../core/dict';

/**
 * The simulated database servers: plain JSON (it travels in the emulator's snapshot, so it
 * survives `--state FILE` and shows in the inspector). Passwords are stored in clear: this is a
 * teaching model of a database, not a secure store. Maps keyed by names (users, databases,
 * servers) are null-prototype (core/dict.ts): `CREATE USER __proto__` creates a user.
 */
export type DbEngine = 'postgres' | 'mysql';

export interface DbUser {
  password: string;
  /** May create users and change other users' passwords (the master user of an RDS instance). */
  superuser?: boolean;
  /** Roles granted to this user (`GRANT pettracker_app TO pettracker_app_clone`). */
  memberOf?: string[];
}

export interface Pet {
  id: number;
  name: string;
  species: string;
  owner: string;
}

export interface DbDatabase {
  pets: Pet[];
}

export interface DbServer {
  host: string;
  port: number;
  engine: DbEngine;
  users: Record<string, DbUser>;
  databases: Record<string, DbDatabase>;
}

export interface DatabaseState {
  /** By `host:port`. */
  servers: Record<string, DbServer>;
}

export const DEFAULT_PORTS: Record<DbEngine, number> = { postgres: 5432, mysql: 3306 };

export const serverKey = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

export function emptyDatabaseState(): DatabaseState {
  return { servers: dict() };
}
