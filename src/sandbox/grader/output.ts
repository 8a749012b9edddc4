import { LIMITS } from '../limits';
import type { ConsoleLine } from '../messages';
import type { SentLine } from '../protocol';

type Count = { lines: number; chars: number };

/**
 * A run's console output, bounded twice: the transcript (what the checks read and the learner can
 * download) keeps up to LIMITS.transcriptChars and LIMITS.transcriptLines; the display (what the
 * page draws) keeps the first LIMITS.displayLines lines, each cut at LIMITS.displayLineChars. What
 * is left out is counted, exactly: `lost()` (kept nowhere) and `omitted()` (not drawn).
 * When anything was lost, `whole()` is false and the checks refuse to read the transcript
 * (grader/checks.ts): a check cannot vouch for output it never saw.
 */
export class RunOutput {
  readonly transcript: ConsoleLine[] = [];
  readonly display: ConsoleLine[] = [];
  #chars = 0;
  /** Lines kept in the transcript but not drawn. */
  #undrawn = 0;
  /** Whole lines that reached the grader but were not kept, and their characters. */
  #dropped: Count = { lines: 0, chars: 0 };
  /** Characters cut off the end of kept lines (by the learner realm or at the cap), by transcript index. */
  #cuts = new Map<number, number>();
  #cutChars = 0;
  /** Whole lines the learner realm did not send: its figures are cumulative, so only the highest count. */
  #unsent: Count = { lines: 0, chars: 0 };

  /** `onDisplay` receives each batch of displayed lines as it arrives. */
  constructor(readonly onDisplay?: (lines: ConsoleLine[]) => void) {}

  add(lines: readonly SentLine[], unsentByLearner: Count): void {
    const shown: ConsoleLine[] = [];
    for (const line of lines) {
      const sentCut = line.cut ?? 0;
      const room = LIMITS.transcriptChars - this.#chars;
      if (room <= 0 || this.transcript.length >= LIMITS.transcriptLines) {
        this.#dropped.lines++;
        this.#dropped.chars += line.text.length + sentCut;
        continue;
      }
      const text = line.text.length > room ? line.text.slice(0, room) : line.text;
      const cut = sentCut + line.text.length - text.length;
      if (cut > 0) {
        this.#cuts.set(this.transcript.length, cut);
        this.#cutChars += cut;
      }
      this.#chars += text.length;
      this.transcript.push({ level: line.level, text });
      if (this.display.length >= LIMITS.displayLines) {
        this.#undrawn++;
        continue;
      }
      const notShown = Math.max(0, text.length - LIMITS.displayLineChars) + cut;
      const drawn = {
        level: line.level,
        text:
          notShown > 0
            ? `${text.slice(0, LIMITS.displayLineChars)} … ${notShown.toLocaleString('en')} more characters not shown`
            : text,
      };
      this.display.push(drawn);
      shown.push(drawn);
    }
    this.#unsent = {
      lines: Math.max(this.#unsent.lines, unsentByLearner.lines),
      chars: Math.max(this.#unsent.chars, unsentByLearner.chars),
    };
    if (shown.length) this.onDisplay?.(shown);
  }

  /** Whole lines, and characters, kept nowhere (not even in the transcript). */
  lost(): Count {
    return {
      lines: this.#dropped.lines + this.#unsent.lines,
      chars: this.#dropped.chars + this.#unsent.chars + this.#cutChars,
    };
  }

  /** Lines not drawn on the page, and characters kept nowhere (the download has the rest). */
  omitted(): Count {
    const lost = this.lost();
    return { lines: this.#undrawn + lost.lines, chars: lost.chars };
  }

  /** True while the transcript holds everything the run printed. */
  whole(): boolean {
    const lost = this.lost();
    return lost.lines === 0 && lost.chars === 0;
  }

  /** The transcript as one text, for the download: each cut line says so, lost lines are counted at the end. */
  text(): string {
    const out = this.transcript.map((l, i) => {
      const cut = this.#cuts.get(i);
      const text = cut ? `${l.text} … ${cut.toLocaleString('en')} more characters not kept` : l.text;
      return l.level === 'log' ? text : `[${l.level}] ${text}`;
    });
    const lines = this.#dropped.lines + this.#unsent.lines;
    if (lines > 0) {
      const chars = this.#dropped.chars + this.#unsent.chars;
      out.push(
        `… ${lines.toLocaleString('en')} more line${lines === 1 ? '' : 's'} (${chars.toLocaleString('en')} characters) were not kept.`,
      );
    }
    return out.join('\n');
  }
}
