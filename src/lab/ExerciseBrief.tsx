import { memo, useState } from 'react';
import { Link } from 'wouter';
import type { ExerciseMeta } from '../schema/exercise';
import { showSolution } from '../store/actions';
import { useAppStore } from '../store/store';
import { ConfirmButton } from '../ui/ConfirmButton';
import { InlineMarkdown } from './InlineMarkdown';

/**
 * The exercise's side of the lab: its instructions, hints (with the message of the first check the
 * last run failed), and the reference solution, which opens only once the exercise has passed or
 * after a confirmation. The learner's own code is never touched from here.
 */
export const ExerciseBrief = memo(function ExerciseBrief({
  exercise,
  lastFailure,
}: {
  exercise: ExerciseMeta;
  lastFailure?: string;
}) {
  const { slug } = exercise;
  const progress = useAppStore((s) => s.exerciseProgress[slug]);
  const solutionShown = useAppStore((s) => Boolean(s.solutionsShown[slug]));
  const [brief, setBrief] = useState<'instructions' | 'hints' | 'solution'>('instructions');
  const [hintsShown, setHintsShown] = useState(1);
  const canSeeSolution = progress?.passed || solutionShown;

  return (
    <section className="lab-brief" aria-labelledby="exercise-title">
      <p className="eyebrow">
        Exercise {exercise.order} · {exercise.difficulty} · <Link href={`/lessons/${exercise.lesson}`}>Lesson</Link>
        {progress?.passed && <span className="badge badge-success">✓ passed</span>}
      </p>
      <h1 id="exercise-title">{exercise.title}</h1>
      <div className="tabs" role="tablist" aria-label="Exercise">
        {(['instructions', 'hints', 'solution'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`brief-${t}`}
            aria-selected={brief === t}
            aria-controls="brief-panel"
            className="tab"
            onClick={() => setBrief(t)}
          >
            {t[0]?.toUpperCase() + t.slice(1)}
          </button>
        ))}
      </div>
      <div id="brief-panel" role="tabpanel" aria-labelledby={`brief-${brief}`} className="brief-panel">
        {brief === 'instructions' && (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the instructions are the course's own HTML, compiled at build time.
          <div className="prose" dangerouslySetInnerHTML={{ __html: exercise.html }} />
        )}
        {brief === 'hints' && (
          <div className="hints">
            {lastFailure && (
              <div className="callout callout-tip">
                <p className="callout-title">From your last run</p>
                <p>
                  <InlineMarkdown text={lastFailure} />
                </p>
              </div>
            )}
            <ol>
              {exercise.hints.slice(0, hintsShown).map((h) => (
                <li key={h}>
                  <InlineMarkdown text={h} />
                </li>
              ))}
            </ol>
            {hintsShown < exercise.hints.length && (
              <button type="button" className="button" onClick={() => setHintsShown((n) => n + 1)}>
                Show another hint
              </button>
            )}
          </div>
        )}
        {brief === 'solution' &&
          (canSeeSolution ? (
            <div>
              <p className="muted">The reference solution. Your own code stays in the editor.</p>
              <pre className="solution-code">
                <code>{exercise.solution}</code>
              </pre>
            </div>
          ) : (
            <div>
              <p>The solution opens once your code passes every check. Trying first is how it sticks.</p>
              <ConfirmButton
                label="Show the solution anyway"
                question="Show the reference solution now? Your code is kept as it is."
                confirm="Show it"
                onConfirm={() => showSolution(slug)}
              />
            </div>
          ))}
      </div>
    </section>
  );
});
