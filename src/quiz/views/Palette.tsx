import type { Attempt } from '../attempt';
import { paletteOf } from '../attempt';

/** Every question of the exam as a button: answered, flagged and current at a glance. */
export function Palette({ attempt, onGoto }: { attempt: Attempt; onGoto: (index: number) => void }) {
  const cells = paletteOf(attempt);
  const answered = cells.filter((c) => c.answered).length;
  const flagged = cells.filter((c) => c.flagged).length;
  return (
    <nav className="quiz-palette" aria-labelledby="palette-title">
      <h2 id="palette-title" className="quiz-palette-title">
        Questions
      </h2>
      <p className="quiz-palette-summary">
        {answered} of {cells.length} answered{flagged ? ` · ${flagged} flagged` : ''}
      </p>
      <ol className="quiz-palette-grid">
        {cells.map((c) => {
          const state = [c.answered ? 'answered' : 'not answered', c.flagged ? 'flagged' : '']
            .filter(Boolean)
            .join(', ');
          const classes = [
            'quiz-cell',
            c.answered && 'is-answered',
            c.flagged && 'is-flagged',
            c.current && 'is-current',
          ];
          return (
            <li key={c.id}>
              <button
                type="button"
                className={classes.filter(Boolean).join(' ')}
                aria-label={`Question ${c.index + 1}, ${state}`}
                aria-current={c.current ? 'step' : undefined}
                onClick={() => onGoto(c.index)}
              >
                {c.index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="quiz-palette-legend">
        <li>
          <span className="quiz-cell is-answered" aria-hidden="true" /> Answered
        </li>
        <li>
          <span className="quiz-cell is-flagged" aria-hidden="true" /> Flagged
        </li>
        <li>
          <span className="quiz-cell is-current" aria-hidden="true" /> Current
        </li>
      </ul>
    </nav>
  );
}
