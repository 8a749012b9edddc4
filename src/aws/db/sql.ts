import { own } from '../core/dict';
import { permissionDenied, roleExists, roleMissing, syntaxError, unknownColumn, unknownTable } from './errors';
import type { DbDatabase, DbServer, Pet } from './state';

export interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  /** The statement's verb: SELECT, ALTER, CREATE, GRANT, INSERT. */
  command: string;
}

export interface Session {
  server: DbServer;
  database: DbDatabase;
  user: string;
  now: number;
}

/** A literal's position in the normalized text: `\uE000<index>\uE000`. */
const V = '\\uE000(\\d+)\\uE000';
const NAME = `(${V}|[A-Za-z_][\\w$]*)`;
const PASSWORD = `(?:WITH\\s+)?(?:LOGIN\\s+)?(?:PASSWORD|IDENTIFIED\\s+BY)\\s+${V}`;

/**
 * Turns SQL and its parameters (`$1` for PostgreSQL, `?` for MySQL) into text where every literal
 * is a numbered placeholder, so the statement patterns below never see (or log) a password.
 */
export function normalize(sql: string, params: readonly unknown[] = []): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let text = '';
  let next = 0;
  const literal = (v: unknown) => {
    values.push(v);
    text += `\uE000${values.length - 1}\uE000`;
  };
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (c === "'") {
      let s = '';
      for (i++; i < sql.length; i++) {
        if (sql[i] === "'" && sql[i + 1] === "'") {
          s += "'";
          i++;
        } else if (sql[i] === "'") break;
        else s += sql[i];
      }
      literal(s);
    } else if (c === '"' || c === '`') {
      const end = sql.indexOf(c, i + 1);
      text += sql.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? sql.length : end;
    } else if (c === '$' && /\d/.test(sql[i + 1] ?? '')) {
      const digits = sql.slice(i + 1).match(/^\d+/)?.[0] ?? '';
      literal(params[Number(digits) - 1]);
      i += digits.length;
    } else if (c === '?') {
      literal(params[next++]);
    } else text += c;
  }
  return { text: text.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim(), values };
}

/** SQL with its literals masked, for the call log: `ALTER USER app WITH PASSWORD '***'`. */
export function redactSql(sql: string): string {
  return normalize(sql).text.replace(/\uE000\d+\uE000/g, "'***'");
}

function resolveName(token: string | undefined, values: unknown[]): string {
  const m = token?.match(/^\uE000(\d+)\uE000$/);
  return m ? String(values[Number(m[1])]) : (token ?? '');
}

function literalValue(token: string | undefined, values: unknown[]): unknown {
  const m = token?.match(/^\uE000(\d+)\uE000$/);
  if (m) return values[Number(m[1])];
  return token !== undefined && /^-?\d+(\.\d+)?$/.test(token) ? Number(token) : token;
}

const PET_COLUMNS = ['id', 'name', 'species', 'owner'] as const;

interface PetQuery {
  columns: string;
  whereCol?: string;
  whereVal?: string;
  orderCol?: string;
  orderDir?: string;
  limit?: string;
}

function selectPets(session: Session, q: PetQuery, values: unknown[]): QueryResult {
  const { columns, whereCol, whereVal, orderCol, orderDir, limit } = q;
  let rows: Pet[] = [...session.database.pets];
  for (const col of [whereCol, orderCol]) {
    if (col && !(PET_COLUMNS as readonly string[]).includes(col.toLowerCase())) throw unknownColumn(col);
  }
  if (whereCol) {
    const want = literalValue(whereVal, values);
    rows = rows.filter((p) => String(p[whereCol.toLowerCase() as keyof Pet]) === String(want));
  }
  if (orderCol) {
    const key = orderCol.toLowerCase() as keyof Pet;
    rows.sort(
      (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (orderDir?.toUpperCase() === 'DESC' ? -1 : 1),
    );
  }
  if (limit) rows = rows.slice(0, Number(limit));
  if (/^COUNT\(\*\)$/i.test(columns.trim())) return { rows: [{ count: rows.length }], rowCount: 1, command: 'SELECT' };
  const wanted = columns.trim() === '*' ? [...PET_COLUMNS] : columns.split(',').map((c) => c.trim().toLowerCase());
  for (const c of wanted) if (!(PET_COLUMNS as readonly string[]).includes(c)) throw unknownColumn(c);
  const out = rows.map((p) => Object.fromEntries(wanted.map((c) => [c, p[c as keyof Pet]])));
  return { rows: out, rowCount: out.length, command: 'SELECT' };
}

function setPassword(session: Session, name: string, password: string): QueryResult {
  const { server, user } = session;
  const target = own(server.users, name);
  if (!target) throw roleMissing(name);
  // PostgreSQL lets a user change its own password; anyone else's needs a superuser.
  if (name !== user && !own(server.users, user)?.superuser) throw permissionDenied(`alter role "${name}"`);
  target.password = password;
  return { rows: [], rowCount: 0, command: 'ALTER' };
}

function createUser(session: Session, name: string, password: string): QueryResult {
  const { server, user } = session;
  if (!own(server.users, user)?.superuser) throw permissionDenied('create role');
  if (own(server.users, name)) throw roleExists(name);
  server.users[name] = { password };
  return { rows: [], rowCount: 0, command: 'CREATE' };
}

type Statement = [RegExp, (m: RegExpMatchArray, session: Session, values: unknown[]) => QueryResult];

const one = (row: Record<string, unknown>): QueryResult => ({ rows: [row], rowCount: 1, command: 'SELECT' });
const none = (command: string, rowCount = 0): QueryResult => ({ rows: [], rowCount, command });
const at = (m: RegExpMatchArray, i: number, values: unknown[]) => values[Number(m[i])];

/** The statements the simulated server understands, tried in order. */
const STATEMENTS: Statement[] = [
  [/^SELECT 1$/i, () => one({ '?column?': 1 })],
  [/^SELECT NOW\(\)$/i, (_m, s) => one({ now: new Date(s.now).toISOString() })],
  [/^SELECT CURRENT_USER(\(\))?$/i, (_m, s) => one({ current_user: s.user })],
  [
    new RegExp(`^SELECT QUOTE_IDENT\\(${V}\\)$`, 'i'),
    (m, _s, values) => {
      const name = String(at(m, 1, values));
      return one({ quote_ident: /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"` });
    },
  ],
  [
    new RegExp(`^SELECT 1 FROM PG_ROLES WHERE ROLNAME = ${V}$`, 'i'),
    (m, s, values) =>
      Object.hasOwn(s.server.users, String(at(m, 1, values))) ? one({ '?column?': 1 }) : none('SELECT'),
  ],
  [
    new RegExp(
      `^SELECT (.+?) FROM (\\w+)(?: WHERE (\\w+) = (${V}|-?\\d+))?(?: ORDER BY (\\w+)(?: (ASC|DESC))?)?(?: LIMIT (\\d+))?$`,
      'i',
    ),
    (m, s, values) => {
      if (m[2]?.toLowerCase() !== 'pets') throw unknownTable(m[2] ?? '');
      const [, columns = '*', , whereCol, whereVal, , orderCol, orderDir, limit] = m;
      return selectPets(s, { columns, whereCol, whereVal, orderCol, orderDir, limit }, values);
    },
  ],
  [
    new RegExp(`^ALTER (?:USER|ROLE) ${NAME}(?:@\\S+)? ${PASSWORD}$`, 'i'),
    (m, s, values) => setPassword(s, resolveName(m[1], values), String(at(m, 3, values))),
  ],
  [
    new RegExp(`^CREATE (?:USER|ROLE) ${NAME}(?:@\\S+)? ${PASSWORD}$`, 'i'),
    (m, s, values) => createUser(s, resolveName(m[1], values), String(at(m, 3, values))),
  ],
  [
    new RegExp(`^GRANT ${NAME} TO ${NAME}$`, 'i'),
    (m, s, values) => {
      const role = resolveName(m[1], values);
      const name = resolveName(m[3], values);
      const grantee = own(s.server.users, name);
      if (!grantee) throw roleMissing(name);
      if (!own(s.server.users, s.user)?.superuser) throw permissionDenied(`grant role "${role}"`);
      grantee.memberOf = [...new Set([...(grantee.memberOf ?? []), role])];
      return none('GRANT');
    },
  ],
  [
    /^INSERT INTO pets \(([^)]*)\) VALUES \(([^)]*)\)$/i,
    (m, s, values) => {
      const cols = (m[1] ?? '').split(',').map((c) => c.trim().toLowerCase());
      const vals = (m[2] ?? '').split(',').map((v) => literalValue(v.trim(), values));
      for (const c of cols) if (!(PET_COLUMNS as readonly string[]).includes(c) || c === 'id') throw unknownColumn(c);
      const pets = s.database.pets;
      const pet = { id: Math.max(0, ...pets.map((p) => p.id)) + 1, name: '', species: '', owner: '' } as Pet;
      for (const [i, c] of cols.entries()) Object.assign(pet, { [c]: String(vals[i] ?? '') });
      pets.push(pet);
      return none('INSERT', 1);
    },
  ],
];

/** Runs one statement of the small SQL subset the course needs (a syntax error for anything else). */
export function execute(session: Session, sql: string, params: readonly unknown[] = []): QueryResult {
  const { text, values } = normalize(sql, params);
  for (const [pattern, run] of STATEMENTS) {
    const m = text.match(pattern);
    if (m) return run(m, session, values);
  }
  throw syntaxError(text.replace(/\uE000\d+\uE000/g, "'…'"));
}
