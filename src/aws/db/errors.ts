import type { DbEngine } from './state';

/**
 * The errors a database driver raises, with the server's wording (PostgreSQL's, or MySQL's for a
 * MySQL server) and its SQLSTATE-style `code`, so learner code can tell them apart by `name`.
 */
export class DatabaseError extends Error {
  readonly code: string;
  constructor(message: string, code: string, name = 'DatabaseError') {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** Wrong password or unknown user. */
export class AuthenticationError extends DatabaseError {
  constructor(engine: DbEngine, user: string) {
    super(
      engine === 'postgres'
        ? `password authentication failed for user "${user}"`
        : `Access denied for user '${user}'@'%' (using password: YES)`,
      engine === 'postgres' ? '28P01' : 'ER_ACCESS_DENIED_ERROR',
      'AuthenticationError',
    );
  }
}

/** Nothing answers at that host and port (or the client was closed). */
export class ConnectionError extends DatabaseError {
  constructor(message: string, code: string) {
    super(message, code, 'ConnectionError');
  }
}

export const unknownHost = (host: string) => new ConnectionError(`getaddrinfo ENOTFOUND ${host}`, 'ENOTFOUND');
export const refused = (host: string, port: number) =>
  new ConnectionError(`connect ECONNREFUSED ${host}:${port}`, 'ECONNREFUSED');
export const closedClient = () => new ConnectionError('Client was closed and is not queryable', 'CLIENT_CLOSED');
export const unknownDatabase = (name: string) => new DatabaseError(`database "${name}" does not exist`, '3D000');
export const syntaxError = (sql: string) =>
  new DatabaseError(
    `syntax error at or near "${sql.trim().split(/\s+/)[0] ?? ''}" (the simulated database understands a small subset of SQL)`,
    '42601',
  );
export const permissionDenied = (what: string) => new DatabaseError(`permission denied to ${what}`, '42501');
export const roleExists = (name: string) => new DatabaseError(`role "${name}" already exists`, '42710');
export const roleMissing = (name: string) => new DatabaseError(`role "${name}" does not exist`, '42704');
export const unknownColumn = (name: string) => new DatabaseError(`column "${name}" does not exist`, '42703');
export const unknownTable = (name: string) => new DatabaseError(`relation "${name}" does not exist`, '42P01');
