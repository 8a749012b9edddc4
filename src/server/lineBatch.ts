/**
 * Log lines written together: one write per turn of the event loop instead of one per line.
 * `npm run emulator` prints a line per call, and a write to a terminal, a pipe or a file is a
 * system call each time (console.log is synchronous there), so under load the log alone cost a
 * call per request. Lines keep their order; what is pending is written before the process exits
 * (`flush`, called on exit) and, being at most one turn old, is lost only if the process is killed
 * (SIGKILL) within that turn.
 */
export class LineBatch {
  #lines: string[] = [];
  #scheduled = false;
  readonly #write: (text: string) => void;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  push(line: string): void {
    this.#lines.push(line);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is pending now, in one write. */
  flush(): void {
    this.#scheduled = false;
    if (this.#lines.length === 0) return;
    const text = `${this.#lines.join('\n')}\n`;
    this.#lines = [];
    this.#write(text);
  }
}
