import { LIMITS } from '../limits';
import type { ConsoleLine } from '../messages';

/**
 * A run's console output, bounded twice: the transcript (what the checks read and the learner can
 * download) keeps up to LIMITS.transcriptChars; the display (what the page draws) keeps the first
 * LIMITS.displayLines lines, each cut at LIMITS.displayLineChars, and counts the rest.
 */
export class RunOutput {
  readonly transcript: ConsoleLine[] = [];
  readonly display: ConsoleLine[] = [];
  #chars = 0;
  #hiddenLines = 0;
  #unkept = { lines: 0, chars: 0 };

  /** `onDisplay` receives each batch of displayed lines as it arrives. */
  constructor(readonly onDisplay?: (lines: ConsoleLine[]) => void) {}

  add(lines: readonly ConsoleLine[], omittedByLearner: { lines: number; chars: number }): void {
    const shown: ConsoleLine[] = [];
    for (const line of lines) {
      const room = LIMITS.transcriptChars - this.#chars;
      if (room <= 0 || this.transcript.length >= LIMITS.transcriptLines) {
        this.#unkept.lines++;
        this.#unkept.chars += line.text.length;
        this.#hiddenLines++;
        continue;
      }
      const text = line.text.length > room ? line.text.slice(0, room) : line.text;
      this.#unkept.chars += line.text.length - text.length;
      this.#chars += text.length;
      this.transcript.push({ level: line.level, text });
      if (this.display.length < LIMITS.displayLines) {
        const cut = text.length - LIMITS.displayLineChars;
        const shownLine = {
          level: line.level,
          text:
            cut > 0
              ? `${text.slice(0, LIMITS.displayLineChars)} … ${cut.toLocaleString('en')} more characters not shown`
              : text,
        };
        this.display.push(shownLine);
        shown.push(shownLine);
      } else this.#hiddenLines++;
    }
    // What the learner realm never sent is counted once, from its latest (cumulative) figures.
    this.#learnerOmitted = { lines: omittedByLearner.lines, chars: omittedByLearner.chars };
    if (shown.length) this.onDisplay?.(shown);
  }
  #learnerOmitted = { lines: 0, chars: 0 };

  /** Lines not drawn, and characters kept nowhere (not even in the transcript). */
  omitted(): { lines: number; chars: number } {
    return {
      lines: this.#hiddenLines + this.#learnerOmitted.lines,
      chars: this.#unkept.chars + this.#learnerOmitted.chars,
    };
  }

  /** The transcript as one text, for the download. */
  text(): string {
    const notes =
      this.omitted().chars > 0 ? [`… ${this.omitted().chars.toLocaleString('en')} more characters were not kept.`] : [];
    return [...this.transcript.map((l) => (l.level === 'log' ? l.text : `[${l.level}] ${l.text}`)), ...notes].join(
      '\n',
    );
  }
}
