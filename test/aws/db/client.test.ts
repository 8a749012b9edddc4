import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/aws/db/client';
import { addPetTrackerDatabase, PETTRACKER_DB, PETTRACKER_MASTER } from '../../../src/aws/db/pettracker';
import { createEmulator } from '../../../src/aws/emulator';

function setup() {
  const emulator = createEmulator({ seed: 1 });
  addPetTrackerDatabase(emulator.databases);
  const login = (user: string, password: string, more: { host?: string; port?: number; database?: string } = {}) =>
    connect(emulator.databases, { host: PETTRACKER_DB.host, user, password, database: 'pettracker', ...more });
  return { emulator, login };
}

describe('the simulated PostgreSQL server', () => {
  it('answers the queries the course uses', async () => {
    const { login } = setup();
    const db = await login(PETTRACKER_DB.username, PETTRACKER_DB.password);

    expect((await db.query('SELECT 1')).rows).toEqual([{ '?column?': 1 }]);
    expect((await db.query('SELECT current_user')).rows).toEqual([{ current_user: 'pettracker_app' }]);
    expect((await db.query('SELECT * FROM pets ORDER BY name LIMIT 2')).rows).toEqual([
      { id: 1, name: 'Biscuit', species: 'dog', owner: 'jordan' },
      { id: 2, name: 'Mochi', species: 'cat', owner: 'sam' },
    ]);
    expect((await db.query("SELECT name FROM pets WHERE species = 'parrot'")).rows).toEqual([{ name: 'Pepper' }]);
    await db.query('INSERT INTO pets (name, species, owner) VALUES ($1, $2, $3)', ['Nori', 'cat', 'jordan']);
    expect((await db.query('SELECT COUNT(*) FROM pets')).rows).toEqual([{ count: 4 }]);
  });

  it('fails a wrong password with AuthenticationError, an unknown host with ConnectionError', async () => {
    const { login } = setup();

    await expect(login('pettracker_app', 'wrong')).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: '28P01',
      message: 'password authentication failed for user "pettracker_app"',
    });
    await expect(login('nobody', 'x')).rejects.toMatchObject({ name: 'AuthenticationError' });
    await expect(
      login('pettracker_app', PETTRACKER_DB.password, { host: 'db.example.internal' }),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      message: 'getaddrinfo ENOTFOUND db.example.internal',
    });
    await expect(login('pettracker_app', PETTRACKER_DB.password, { port: 5433 })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await expect(login('pettracker_app', PETTRACKER_DB.password, { database: 'nope' })).rejects.toMatchObject({
      message: 'database "nope" does not exist',
    });
  });

  it('lets a user change its own password; only the master user changes others or creates users', async () => {
    const { login } = setup();
    const app = await login(PETTRACKER_DB.username, PETTRACKER_DB.password);
    await expect(app.query("CREATE USER intruder WITH PASSWORD 'x'")).rejects.toMatchObject({ code: '42501' });
    await app.query("ALTER USER pettracker_app WITH PASSWORD 'n3w'");

    await expect(login('pettracker_app', PETTRACKER_DB.password)).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
    const master = await login(PETTRACKER_MASTER.username, PETTRACKER_MASTER.password);
    await master.query('CREATE ROLE pettracker_app_clone WITH LOGIN PASSWORD $1', ['c1']);
    await master.query('GRANT pettracker_app TO pettracker_app_clone');

    const clone = await login('pettracker_app_clone', 'c1');
    expect((await clone.query('SELECT current_user')).rows[0]?.current_user).toBe('pettracker_app_clone');
    const renewed = await login('pettracker_app', 'n3w');
    expect((await renewed.query('SELECT current_user')).rows).toEqual([{ current_user: 'pettracker_app' }]);
    await expect(renewed.query("ALTER USER pettracker_admin WITH PASSWORD 'x'")).rejects.toMatchObject({
      code: '42501',
    });
    await master.query("ALTER USER pettracker_app WITH PASSWORD 'n4w'");
    await expect(login('pettracker_app', 'n3w')).rejects.toMatchObject({ name: 'AuthenticationError' });
    const byMaster = await login('pettracker_app', 'n4w');
    expect((await byMaster.query('SELECT 1')).rows).toEqual([{ '?column?': 1 }]);
  });

  it('keeps its state in the snapshot, logs every login and statement without the password', async () => {
    const { emulator, login } = setup();
    const app = await login(PETTRACKER_DB.username, PETTRACKER_DB.password);
    await app.query("ALTER USER pettracker_app WITH PASSWORD 'n3w'");
    await expect(app.query('DROP TABLE pets')).rejects.toMatchObject({ code: '42601' });

    const snapshot = emulator.snapshot();
    const copy = createEmulator();
    copy.restore(snapshot);

    expect(snapshot.databases?.servers[`${PETTRACKER_DB.host}:5432`]?.users.pettracker_app?.password).toBe('n3w');
    const asAppOnCopy = (password: string) =>
      connect(copy.databases, { host: PETTRACKER_DB.host, user: 'pettracker_app', password, database: 'pettracker' });
    const restored = await asAppOnCopy('n3w');
    expect((await restored.query('SELECT current_user')).rows).toEqual([{ current_user: 'pettracker_app' }]);
    await expect(asAppOnCopy(PETTRACKER_DB.password)).rejects.toMatchObject({ name: 'AuthenticationError' });
    expect(emulator.log.entries().map((e) => `${e.operation} ${e.outcome} ${e.params.sql ?? ''}`.trim())).toEqual([
      'db:connect ok',
      "db:query ok ALTER USER pettracker_app WITH PASSWORD '***'",
      'db:query DatabaseError DROP TABLE pets',
    ]);
  });
});
