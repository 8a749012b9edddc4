import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * One journal record: the state entries one acknowledged request (or control call) changed, as
 * they were after it, with where the clock and the random source were. `ops` are applied in order:
 * `[path, value]` sets the entry at `path` in the snapshot, `[path]` removes it (shortest paths
 * first, so a replaced parent comes before its children).
 */
export interface JournalRecord {
  seq: number;
  now: number;
  random: number;
  ops: Array<[string[], unknown] | [string[]]>;
}

/** A line is `<json>\t<checksum>\n`: JSON never holds a raw tab or newline, so both split cleanly. */
export function journalLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${json}\t${checksum(json)}\n`;
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

export type JournalRead = {
  records: JournalRecord[];
  /** Bytes of whole, valid records from the start (where the next record goes). */
  goodBytes: number;
  /** The last record was cut short (no newline): a write never acknowledged, dropped. */
  torn: boolean;
  /** Why the journal stops being readable before its end (a record damaged after it was written). */
  corrupt?: string;
};

/**
 * Reads a journal's bytes. Records are acknowledged only after their whole line (newline last) is
 * fsync'd, so a last line without its newline is a torn, unacknowledged write; any other bad line
 * (checksum, JSON, a gap in `seq`) means the file was damaged and nothing from it on is trusted.
 */
export function readJournal(bytes: Buffer): JournalRead {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    if (end < 0) return { records, goodBytes: offset, torn: true };
    const line = bytes.toString('utf8', offset, end);
    const problem = checkLine(line, records.at(-1));
    if (typeof problem === 'string') {
      return { records, goodBytes: offset, torn: false, corrupt: `record ${records.length + 1}: ${problem}` };
    }
    records.push(problem);
    offset = end + 1;
  }
  return { records, goodBytes: offset, torn: false };
}

function checkLine(line: string, previous: JournalRecord | undefined): JournalRecord | string {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return 'no checksum';
  const json = line.slice(0, tab);
  if (checksum(json) !== line.slice(tab + 1)) return 'checksum mismatch';
  let record: JournalRecord;
  try {
    record = JSON.parse(json);
  } catch {
    return 'not JSON';
  }
  if (!Number.isInteger(record.seq) || !Array.isArray(record.ops)) return 'not a journal record';
  if (previous && record.seq !== previous.seq + 1) return `seq ${record.seq} follows ${previous.seq}`;
  return record;
}

/**
 * Applies records to a parsed snapshot (plain JSON), skipping those the snapshot already holds
 * (`seq <= journalSeq`: a compaction wrote the snapshot but had not cut the journal yet).
 * Returns the last seq applied (or `journalSeq`).
 */
export function applyRecords(snapshot: Record<string, unknown>, records: JournalRecord[], journalSeq: number): number {
  let seq = journalSeq;
  for (const record of records) {
    if (record.seq <= journalSeq) continue;
    if (record.seq !== seq + 1) throw new Error(`the journal starts at record ${record.seq}, after ${seq}`);
    for (const [path, ...value] of record.ops) setPath(snapshot, path, value.length > 0, value[0]);
    snapshot.now = record.now;
    snapshot.random = record.random;
    seq = record.seq;
  }
  return seq;
}

/** Sets or removes the entry at `path`; names such as `__proto__` are ordinary own keys here too. */
function setPath(root: Record<string, unknown>, path: string[], present: boolean, value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    let next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') {
      if (!present) return;
      next = Object.create(null);
      define(node, key, next);
    }
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1) as string;
  if (present) define(node, last, value);
  else delete node[last];
}

const define = (node: object, key: string, value: unknown) =>
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });

/** The journal open for appending: each record is written whole and fsync'd before it returns. */
export class JournalWriter {
  #fd: number;
  bytes: number;

  constructor(path: string, bytes: number) {
    this.#fd = openSync(path, 'a');
    this.bytes = bytes;
  }

  append(record: JournalRecord): void {
    const line = Buffer.from(journalLine(record));
    let written = 0;
    while (written < line.length) written += writeSync(this.#fd, line, written, line.length - written);
    fsyncSync(this.#fd);
    this.bytes += line.length;
  }

  /** Idempotent (a compaction that failed half-way closes it again safely). */
  close(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }
}
