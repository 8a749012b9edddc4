// --state FILE's journal (src/server/README.md, "Durability"): replay, a torn last record, a damaged
// journal, a corrupt snapshot beside a journal, compaction and its crash window. In-process
// endpoints on port 0; test/emulator/crash.test.ts kills a real child process.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startEmulatorServer } from '../../src/server/startEmulatorServer';
import { post } from './server';

function stateDir() {
  const dir = mkdtempSync(join(tmpdir(), 'emu-journal-'));
  return { dir, statePath: join(dir, 'state.json'), journalPath: join(dir, 'state.json.journal') };
}

const start = (statePath: string, lines: string[] = [], stateCompactBytes?: number) =>
  startEmulatorServer({
    port: 0,
    seed: 3,
    preset: 'empty',
    statePath,
    log: (l) => lines.push(l),
    ...(stateCompactBytes !== undefined ? { stateCompactBytes } : {}),
  });

async function create(url: string, name: string, value = `value of ${name}`) {
  const body = { Name: name, SecretString: value, ClientRequestToken: randomUUID() };
  const r = await post(url, 'secretsmanager.CreateSecret', JSON.stringify(body));
  expect(r.status, r.text).toBe(200);
}

async function names(url: string): Promise<string[]> {
  const r = await post(url, 'secretsmanager.ListSecrets', JSON.stringify({ SortBy: 'name' }));
  return (JSON.parse(r.text).SecretList as { Name: string }[]).map((s) => s.Name);
}

async function value(url: string, name: string): Promise<string | undefined> {
  const r = await post(url, 'secretsmanager.GetSecretValue', JSON.stringify({ SecretId: name }));
  return r.status === 200 ? JSON.parse(r.text).SecretString : undefined;
}

describe('--state journal', () => {
  test('each write is one journal record of the entry it changed, replayed at the next start', async () => {
    const { statePath, journalPath } = stateDir();
    const first = await start(statePath);
    await create(first.url, 'a');
    await create(first.url, '__proto__', 'a name on Object.prototype');
    const put = { SecretId: 'a', SecretString: 'v2', ClientRequestToken: randomUUID() };
    const r = await post(first.url, 'secretsmanager.PutSecretValue', JSON.stringify(put));
    expect(r.status).toBe(200);
    await first.close();

    const records = readFileSync(journalPath, 'utf8').trimEnd().split('\n');
    const second = await start(statePath);

    expect(records).toHaveLength(3);
    // The third record holds the one secret PutSecretValue changed, not the whole store.
    const third = JSON.parse(records[2]!.split('\t')[0]!);
    expect(third.ops.map((op: [string[]]) => op[0].slice(-2))).toEqual([['secrets', 'a']]);
    expect(second.state).toMatchObject({ kind: 'loaded', replayed: 3, dropped: undefined });
    expect(await names(second.url)).toEqual(['__proto__', 'a']);
    expect(await value(second.url, 'a')).toBe('v2');
    expect(await value(second.url, '__proto__')).toBe('a name on Object.prototype');
    await second.close();
  });

  test('a torn last record (never acknowledged) is dropped with a log line; every whole record is kept', async () => {
    const { statePath, journalPath } = stateDir();
    const first = await start(statePath);
    await create(first.url, 'kept-1');
    await create(first.url, 'kept-2');
    await first.close();
    const whole = statSync(journalPath).size;
    appendFileSync(journalPath, '{"seq":3,"now":1,"random":1,"ops":[[["accounts"');
    const lines: string[] = [];

    const second = await start(statePath, lines);
    const listed = await names(second.url);
    await create(second.url, 'after');
    await second.close();
    const third = await start(statePath);
    const relisted = await names(third.url);
    await third.close();

    expect(second.state).toMatchObject({ kind: 'loaded', replayed: 2, dropped: 'torn' });
    expect(listed).toEqual(['kept-1', 'kept-2']);
    expect(lines.some((l) => l.includes('cut short') && l.includes('dropped'))).toBe(true);
    expect(statSync(journalPath).size).toBeGreaterThan(whole);
    expect(relisted).toEqual(['after', 'kept-1', 'kept-2']);
  });

  test('a damaged record: the journal is set aside untouched, the records before it are kept', async () => {
    const { dir, statePath, journalPath } = stateDir();
    const first = await start(statePath);
    for (const name of ['one', 'two', 'three']) await create(first.url, name);
    await first.close();
    const records = readFileSync(journalPath, 'utf8').split('\n');
    records[1] = records[1]!.replace('"two"', '"TWO"');
    const damaged = records.join('\n');
    writeFileSync(journalPath, damaged);
    const lines: string[] = [];

    const second = await start(statePath, lines);
    const listed = await names(second.url);
    await create(second.url, 'four');
    await second.close();
    const third = await start(statePath);
    const relisted = await names(third.url);
    await third.close();

    const aside = readdirSync(dir).find((f) => f.startsWith('state.json.journal.corrupt-'));
    expect(second.state).toMatchObject({ kind: 'loaded', replayed: 1, dropped: 'corrupt' });
    expect(listed).toEqual(['one']);
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(damaged);
    expect(lines.some((l) => l.includes('checksum mismatch') && l.includes(aside!))).toBe(true);
    expect(relisted).toEqual(['four', 'one']);
  });

  test('a corrupt snapshot is set aside with its journal, both untouched, and the endpoint starts fresh', async () => {
    const { dir, statePath, journalPath } = stateDir();
    const first = await start(statePath);
    await create(first.url, 'lost-with-its-base');
    await first.close();
    writeFileSync(statePath, '{"version":1,"now":');
    const journal = readFileSync(journalPath, 'utf8');

    const second = await start(statePath);
    const listed = await names(second.url);
    await second.close();

    const files = readdirSync(dir);
    const journalAside = files.find((f) => f.startsWith('state.json.journal.corrupt-'));
    expect(second.state?.kind).toBe('corrupt');
    expect(listed).toEqual([]);
    expect(readFileSync(join(dir, files.find((f) => /^state\.json\.corrupt-/.test(f))!), 'utf8')).toBe(
      '{"version":1,"now":',
    );
    expect(readFileSync(join(dir, journalAside!), 'utf8')).toBe(journal);
  });

  test('compaction under concurrent writes, and a crash after the new snapshot but before the journal was cut', async () => {
    const { statePath, journalPath } = stateDir();
    // Every record starts a compaction: writes keep arriving while snapshots are written.
    const first = await start(statePath, [], 1);
    await Promise.all(Array.from({ length: 24 }, (_, i) => create(first.url, `c-${String(i).padStart(2, '0')}`)));
    await first.close();
    const compacted = await start(statePath, [], 1 << 30);
    await create(compacted.url, 'before-compaction-1');
    await create(compacted.url, 'before-compaction-2');
    const before = readFileSync(journalPath);
    await compacted.stateFile?.compact();
    const cut = statSync(journalPath).size;
    await create(compacted.url, 'after-compaction');
    await compacted.close();
    // The crash window: the snapshot names its last record, the journal still holds every record.
    writeFileSync(journalPath, Buffer.concat([before, readFileSync(journalPath)]));

    const second = await start(statePath);
    const listed = await names(second.url);
    await second.close();

    expect(before.length).toBeGreaterThan(0);
    expect(cut).toBe(0);
    expect(listed).toHaveLength(27);
    expect(listed).toContain('after-compaction');
    expect(second.state).toMatchObject({ kind: 'loaded', dropped: undefined });
  });
});
