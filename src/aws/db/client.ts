import type { CallLogEntry } from '../core/callLog';
import { AuthenticationError, closedClient, DatabaseError, refused, unknownDatabase, unknownHost } from './errors';
import type { DatabaseRegistry } from './registry';
import { execute, type QueryResult, redactSql } from './sql';
import { DEFAULT_PORTS } from './state';

export interface ConnectOptions {
  host: string;
  /** Default 5432 (PostgreSQL); a MySQL server listens on 3306. */
  port?: number;
  user: string;
  password: string;
  /** Default `postgres` on PostgreSQL; optional on MySQL. */
  database?: string;
}

export interface Connection {
  query(sql: string, params?: unknown[]): Promise<QueryResult>;
  close(): Promise<void>;
}

/**
 * Opens a connection like a database driver does: the host must resolve (else ConnectionError
 * ENOTFOUND), something must listen on the port (ECONNREFUSED), the password must match
 * (AuthenticationError) and the database must exist. A connection checks nothing again later:
 * as on a real server, changing a password does not end sessions already open.
 */
export async function connect(
  registry: DatabaseRegistry,
  options: ConnectOptions,
  source: CallLogEntry['source'] = 'request',
): Promise<Connection> {
  const host = String(options.host ?? '');
  const port = Number(options.port ?? DEFAULT_PORTS.postgres);
  const user = String(options.user ?? '');
  const params = { host, port, user, database: options.database };
  const fail = (e: DatabaseError): never => {
    registry.record({ operation: 'db:connect', params, outcome: e.name, message: e.message, source });
    throw e;
  };
  const { server, hostKnown } = registry.find(host, port);
  if (!server) return fail(hostKnown ? refused(host, port) : unknownHost(host));
  const account = Object.hasOwn(server.users, user) ? server.users[user] : undefined;
  if (!account || account.password !== options.password) return fail(new AuthenticationError(server.engine, user));
  // PostgreSQL connects to `postgres` by default; MySQL may connect without choosing a database.
  const dbName = options.database ?? (server.engine === 'postgres' ? 'postgres' : undefined);
  const database =
    dbName === undefined
      ? { pets: [] }
      : Object.hasOwn(server.databases, dbName)
        ? server.databases[dbName]
        : undefined;
  if (!database) return fail(unknownDatabase(String(dbName)));
  registry.record({ operation: 'db:connect', params, outcome: 'ok', source });
  let open = true;
  return {
    async query(sql: string, values: unknown[] = []) {
      const logged = { host, user, sql: redactSql(String(sql)) };
      try {
        if (!open) throw closedClient();
        const result = execute({ server, database, user, now: registry.clock.now() }, String(sql), values);
        registry.record({ operation: 'db:query', params: logged, outcome: 'ok', source });
        return result;
      } catch (e) {
        if (e instanceof DatabaseError) {
          registry.record({ operation: 'db:query', params: logged, outcome: e.name, message: e.message, source });
        }
        throw e;
      }
    },
    async close() {
      open = false;
    },
  };
}
