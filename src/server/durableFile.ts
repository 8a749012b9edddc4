import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `text` so that a crash at any point leaves either the old file or the new
 * one, whole: a temporary file beside it is written and fsync'd, renamed over it, and the folder
 * fsync'd so the rename itself survives a power cut.
 */
export function replaceFileSync(path: string, text: string | Buffer): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  syncPath(temp);
  renameSync(temp, path);
  syncPath(dirname(path));
}

/** `replaceFileSync` without blocking the event loop for the write (a compaction's snapshot). */
export async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  syncPath(dirname(path));
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
