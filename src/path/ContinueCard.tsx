import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { course } from '../course/lessons';
import { useAppStore } from '../store/store';
import { continueWhere } from './continueWhere';

/** "Continue where you left off": the one next thing, from what the learner did last. */
export function ContinueCard() {
  const lessonsRead = useAppStore((s) => s.lessonsRead);
  const lastLesson = useAppStore((s) => s.lastLesson);
  const drafts = useAppStore((s) => s.drafts);
  const exerciseProgress = useAppStore((s) => s.exerciseProgress);
  const quizActive = useAppStore((s) => s.quizActive);
  const next = continueWhere({ lessonsRead, lastLesson, drafts, exerciseProgress, quizActive }, course, exerciseList);
  const fresh = next.kind === 'start';
  return (
    <section className="continue-card" aria-labelledby="continue-title">
      <div>
        <h2 id="continue-title" className="continue-kicker">
          {fresh ? 'Begin here' : 'Continue where you left off'}
        </h2>
        <p className="continue-detail">{next.detail}</p>
      </div>
      <Link href={next.href} className="button button-primary button-large">
        {next.label}
      </Link>
    </section>
  );
}
