import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, truncateSync } from 'node:fs';
import { ChangeTracker } from '../aws/core/changeTracker';
import type { Emulator, EmulatorSnapshot } from '../aws/emulator';
import { checkSnapshot } from '../aws/emulator/snapshot';
import { replaceFile, replaceFileSync } from './durableFile';
import { applyRecords, JournalWriter, readJournal } from './journal';

export type LoadedState =
  | { kind: 'missing' }
  | { kind: 'loaded'; snapshot: EmulatorSnapshot; replayed: number; dropped: 'torn' | 'corrupt' | undefined }
  /** The snapshot could not be used: it (and its journal) were renamed aside, never overwritten; the endpoint starts fresh. */
  | { kind: 'corrupt'; reason: string; movedTo: string };

/** Compaction starts once the journal holds more than this, or more than the snapshot's size. */
const MIN_COMPACT_BYTES = 1 << 20;

/**
 * `--state FILE`: the snapshot in FILE and, beside it, FILE.journal, one record per acknowledged
 * change (src/server/README.md, "Durability"). Loaded at start (snapshot + journal replayed), a
 * record appended and fsync'd before each answer that changed something, and compacted in the
 * background into a new snapshot once the journal outgrows it.
 */
export class StateFile {
  readonly path: string;
  readonly journalPath: string;
  readonly #log: (line: string) => void;
  readonly #tracker = new ChangeTracker();
  #emulator: Emulator | undefined;
  #journal: JournalWriter | undefined;
  /** The last record written (the snapshot holds every record up to its `journalSeq`). */
  #seq = 0;
  #snapshotBytes = 0;
  #compacting: Promise<void> | undefined;

  readonly #compactAt: number;

  /** `compactAt`: the journal size that starts a compaction (default 1 MiB, or the snapshot's size if larger). */
  constructor(path: string, log: (line: string) => void, compactAt = MIN_COMPACT_BYTES) {
    this.path = path;
    this.#compactAt = compactAt;
    this.journalPath = `${path}.journal`;
    this.#log = log;
  }

  /** Loads FILE and replays its journal into `emulator`, then tracks the emulator's changes. */
  load(emulator: Emulator): LoadedState {
    this.#emulator = emulator;
    const state = this.#read(emulator);
    emulator.trackChanges(this.#tracker);
    this.#tracker.take();
    const fresh = state.kind !== 'loaded' || state.dropped === 'corrupt';
    // A fresh or recovered state is written whole at once, so the journal always has its base.
    if (fresh) this.#writeSnapshotSync();
    this.#journal = new JournalWriter(this.journalPath, fresh ? 0 : statSync(this.journalPath).size);
    return state;
  }

  /** A request begins (its changes are recorded when it ends, with `commit`). */
  begin(): number {
    return this.#tracker.begin();
  }

  /**
   * Before the answer to request `id` is sent: the entries it (or anything since the last record)
   * changed are appended to the journal and fsync'd. Throws when they could not be made durable
   * (the caller answers 500; the entries stay marked for the next record).
   */
  commit(id?: number): void {
    const emulator = this.#emulator;
    const paths = this.#tracker.take(id);
    if (!emulator || !this.#journal || paths.length === 0) return;
    const ops = paths.map((path): [string[], unknown] | [string[]] => {
      const value = emulator.stateAt(path);
      return value === undefined ? [path] : [path, value];
    });
    try {
      this.#journal.append({ seq: this.#seq + 1, now: emulator.clock.now(), random: emulator.random.position, ops });
      this.#seq++;
    } catch (e) {
      for (const path of paths) this.#tracker.mark(path);
      throw e;
    }
    if (!this.#compacting && this.#journal.bytes > Math.max(this.#compactAt, this.#snapshotBytes)) {
      this.compact().catch((e: unknown) => this.#log(`Could not compact ${this.path}: ${message(e)}`));
    }
  }

  /**
   * Writes the whole state as a new snapshot (temp file, fsync, rename) without blocking on the
   * write, then cuts the journal to the records that came after it. A crash at any point leaves a
   * snapshot and a journal that together hold every acknowledged record (`journalSeq` says which
   * records the snapshot already holds; replay skips them).
   */
  async compact(): Promise<void> {
    // One at a time: two would write the same temporary file.
    while (this.#compacting) await this.#compacting;
    const run = this.#compactOnce();
    this.#compacting = run.finally(() => {
      this.#compacting = undefined;
    });
    await this.#compacting;
  }

  async #compactOnce(): Promise<void> {
    const emulator = this.#emulator;
    const journal = this.#journal;
    if (!emulator || !journal) return;
    const seq = this.#seq;
    const offset = journal.bytes;
    const text = `${emulator.serialize({ journalSeq: seq })}\n`;
    try {
      await replaceFile(this.path, text);
    } catch (e) {
      this.#log(`Could not compact ${this.path} (the journal keeps every change): ${message(e)}`);
      return;
    }
    this.#snapshotBytes = text.length;
    // Synchronous from here: no record is appended while the journal is cut to what follows `seq`.
    try {
      const tail = readFrom(this.journalPath, offset);
      journal.close();
      replaceFileSync(this.journalPath, tail);
      this.#journal = new JournalWriter(this.journalPath, tail.length);
    } catch (e) {
      // The snapshot names `seq`: a journal left whole is still right (replay skips what it holds).
      this.#log(`Could not cut ${this.journalPath} after compacting: ${message(e)}`);
      journal.close();
      this.#journal = new JournalWriter(this.journalPath, statSync(this.journalPath).size);
    }
  }

  /** Waits for a compaction under way and closes the journal. */
  async close(): Promise<void> {
    await this.#compacting;
    this.#journal?.close();
    this.#journal = undefined;
  }

  #read(emulator: Emulator): LoadedState {
    const journalExists = existsSync(this.journalPath);
    if (!existsSync(this.path)) {
      if (journalExists) this.#setAside(this.journalPath, 'has no snapshot beside it');
      return { kind: 'missing' };
    }
    let snapshot: EmulatorSnapshot & { journalSeq?: unknown };
    try {
      const text = readFileSync(this.path, 'utf8');
      this.#snapshotBytes = text.length;
      snapshot = JSON.parse(text);
      checkSnapshot(snapshot);
      if (snapshot.journalSeq !== undefined && !Number.isInteger(snapshot.journalSeq))
        throw new Error('"journalSeq" is not an integer');
    } catch (e) {
      const movedTo = this.#setAside(this.path, `is corrupt (${message(e)}); started fresh`);
      if (journalExists) this.#setAside(this.journalPath, 'belongs to the corrupt state file');
      return { kind: 'corrupt', reason: message(e), movedTo };
    }
    const base = (snapshot.journalSeq as number | undefined) ?? 0;
    delete snapshot.journalSeq;
    const journal = readJournal(journalExists ? readFileSync(this.journalPath) : Buffer.alloc(0));
    let dropped: 'torn' | 'corrupt' | undefined;
    try {
      this.#seq = applyRecords(snapshot as unknown as Record<string, unknown>, journal.records, base);
      if (journal.corrupt) throw new Error(journal.corrupt);
      if (journal.torn) {
        dropped = 'torn';
        truncateSync(this.journalPath, journal.goodBytes);
        this.#log(`The last record of ${this.journalPath} was cut short (a write never acknowledged): dropped it`);
      }
    } catch (e) {
      dropped = 'corrupt';
      this.#setAside(this.journalPath, `is damaged (${message(e)}); kept the ${this.#seq - base} records before it`);
    }
    emulator.restore(snapshot);
    this.#log(`Loaded state from ${this.path} (${this.#seq - base} journal records replayed)`);
    return { kind: 'loaded', snapshot, replayed: this.#seq - base, dropped };
  }

  /** Renames a file the endpoint cannot use to `<file>.corrupt-<time>`: kept for the user, never overwritten. */
  #setAside(path: string, why: string): string {
    const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, movedTo);
    this.#log(`State file ${path} ${why}; kept it as ${movedTo}`);
    return movedTo;
  }

  #writeSnapshotSync(): void {
    const text = `${this.#emulator?.serialize({ journalSeq: this.#seq })}\n`;
    replaceFileSync(this.path, text);
    // The journal starts again after the snapshot (a leftover one was set aside or replayed).
    replaceFileSync(this.journalPath, '');
    this.#snapshotBytes = text.length;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The bytes of `path` from `offset` to its end. */
function readFrom(path: string, offset: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const out = Buffer.alloc(Math.max(0, statSync(path).size - offset));
    let read = 0;
    while (read < out.length) {
      const n = readSync(fd, out, read, out.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return out.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
