import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { own } from '../store/dict';
import { useAppStore } from '../store/store';

const DIFFICULTY = { easy: 'Easy', medium: 'Medium', hard: 'Hard' } as const;

/** "Try it in the lab": the lesson's own exercises with where the learner stands, or the lab itself. */
export function TryInLab({ slug }: { slug: string }) {
  const progress = useAppStore((s) => s.exerciseProgress);
  const mine = exerciseList.filter((e) => e.lesson.split('#')[0] === slug);
  return (
    <section className="lesson-lab" aria-labelledby="try-lab-title">
      <h2 id="try-lab-title">Try it in the lab</h2>
      {mine.length === 0 ? (
        <p className="quiz-muted">
          This lesson has no exercise of its own. <Link href="/lab">The lab</Link> has {exerciseList.length}, each
          graded against the emulator as you run your code.
        </p>
      ) : (
        <ul className="lesson-lab-list">
          {mine.map((e) => {
            const p = own(progress, e.slug);
            const status = p?.passed
              ? '✓ Passed'
              : p
                ? `${p.attempts} run${p.attempts === 1 ? '' : 's'}, not passed yet`
                : 'Not started';
            return (
              <li key={e.slug}>
                <Link href={`/lab/${e.slug}`} className="card lesson-lab-card">
                  <span className="card-kicker">
                    Exercise {e.order} · {DIFFICULTY[e.difficulty]} · {status}
                  </span>
                  <span className="card-title">{e.title}</span>
                  <span className="card-summary">{e.summary}</span>
                  <span className="lesson-lab-go" aria-hidden="true">
                    Open in the lab →
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
