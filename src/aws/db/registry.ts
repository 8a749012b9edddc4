import type { CallLog, CallLogEntry } from '../core/callLog';
import type { ChangeTracker } from '../core/changeTracker';
import type { Clock } from '../core/clock';
import { dict, fromJson, own } from '../core/dict';
import {
  type DatabaseState,
  type DbEngine,
  type DbServer,
  DEFAULT_PORTS,
  emptyDatabaseState,
  type Pet,
  serverKey,
} from './state';

export interface ServerSpec {
  host: string;
  port?: number;
  engine?: DbEngine;
  /** The master user (a superuser): RDS's admin account, whose secret alternating-users rotation uses. */
  master?: { user: string; password: string };
  users?: Record<string, string>;
  /** Database name → its pets. */
  databases?: Record<string, Pet[]>;
}

/**
 * The emulator's database servers, by host and port. State is plain JSON in the emulator's
 * snapshot; connections (src/aws/db/client.ts) read and change it, and every connection attempt
 * and statement is recorded in the call log (service `emulator`, operation `db:connect` /
 * `db:query`, SQL with its literals masked).
 */
export class DatabaseRegistry {
  /** The state itself (what snapshots read); `state` is the view changes go through. */
  #raw: DatabaseState = emptyDatabaseState();
  #view: DatabaseState = this.#raw;
  #tracker: ChangeTracker | undefined;
  readonly clock: Clock;
  readonly log: CallLog;

  constructor(clock: Clock, log: CallLog) {
    this.clock = clock;
    this.log = log;
  }

  /** Creates (or replaces) a server. */
  addServer(spec: ServerSpec): DbServer {
    const engine = spec.engine ?? 'postgres';
    const port = spec.port ?? DEFAULT_PORTS[engine];
    const users: DbServer['users'] = dict();
    if (spec.master) users[spec.master.user] = { password: spec.master.password, superuser: true };
    for (const [name, password] of Object.entries(spec.users ?? {})) users[name] = { password };
    const databases: DbServer['databases'] = dict();
    for (const [name, pets] of Object.entries(spec.databases ?? {}))
      databases[name] = { pets: pets.map((p) => ({ ...p })) };
    // PostgreSQL always has a `postgres` database; the rotation templates connect to it by default.
    if (engine === 'postgres') databases.postgres ??= { pets: [] };
    const server: DbServer = { host: spec.host, port, engine, users, databases };
    this.state.servers[serverKey(spec.host, port)] = server;
    return server;
  }

  /** The server at host:port; `byHost` tells an unknown host from a closed port. */
  find(host: string, port: number): { server?: DbServer; hostKnown: boolean } {
    const server = own(this.state.servers, serverKey(host, port));
    const hostKnown = Object.values(this.state.servers).some((s) => s.host.toLowerCase() === host.toLowerCase());
    return { server, hostKnown };
  }

  /** Records a database event in the call log, at the current simulated time. */
  record(
    entry: Pick<CallLogEntry, 'operation' | 'params' | 'outcome' | 'message'> & { source?: CallLogEntry['source'] },
  ): void {
    this.log.record({ time: this.clock.now(), service: 'emulator', source: entry.source ?? 'request', ...entry });
  }

  get state(): DatabaseState {
    return this.#view;
  }

  get raw(): DatabaseState {
    return this.#raw;
  }

  /** From now on every change is marked in `tracker`, per server (`databases.servers.<host:port>`). */
  track(tracker: ChangeTracker): void {
    this.#tracker = tracker;
    this.#replace(this.#raw);
  }

  load(state: DatabaseState | undefined): void {
    this.#replace(state ? fromJson(state) : emptyDatabaseState());
  }

  reset(): void {
    this.#replace(emptyDatabaseState());
  }

  #replace(raw: DatabaseState): void {
    this.#raw = raw;
    this.#view = this.#tracker ? this.#tracker.wrap(raw, ['databases'], 3) : raw;
    this.#tracker?.mark(['databases']);
  }
}
