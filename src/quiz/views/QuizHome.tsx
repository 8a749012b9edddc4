import { Link } from 'wouter';
import { bank } from '../../course/questions';
import { DVA_C02 } from '../../schema/dva-c02';
import { useAppStore } from '../../store/store';
import { deadlineOf, isAnswered } from '../attempt';
import { formatClock } from './format';
import { HistoryTable } from './HistoryPage';
import { PracticeChooser } from './PracticeChooser';
import { usePage } from './useNow';

/** The quiz's front door: resume, practise, sit an exam, review, and the latest results. */
export function QuizHome() {
  usePage('Quiz');
  const active = useAppStore((s) => s.quizActive);
  const historyCount = useAppStore((s) => s.quizHistory.length);
  const now = Date.now();
  const multiple = bank.filter((q) => q.type === 'multiple').length;

  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Quiz · {DVA_C02.code}</p>
        <h1>Test yourself like the exam does</h1>
        <p className="lede">
          {bank.length} exam-style scenarios on the secrets topics ({multiple} multiple response), each option explained
          and linked to the lesson that teaches it.
        </p>
      </header>

      {(active.exam || active.practice) && (
        <section className="quiz-resume" aria-labelledby="resume-title">
          <h2 id="resume-title" className="sr-only">
            In progress
          </h2>
          {active.exam && (
            <div className="card quiz-resume-card">
              <div>
                <p className="quiz-resume-title">Timed exam in progress</p>
                <p className="quiz-muted">
                  {active.exam.attempt.questions.filter((q) => isAnswered(active.exam?.attempt.entries[q.id])).length}{' '}
                  of {active.exam.attempt.questions.length} answered ·{' '}
                  {formatClock(Math.max(0, (deadlineOf(active.exam.attempt) ?? now) - now))} left
                </p>
              </div>
              <Link href="/quiz/exam" className="button button-primary">
                Resume the exam
              </Link>
            </div>
          )}
          {active.practice && (
            <div className="card quiz-resume-card">
              <div>
                <p className="quiz-resume-title">Practice in progress: {active.practice.label}</p>
                <p className="quiz-muted">
                  Question {active.practice.attempt.current + 1} of {active.practice.attempt.questions.length}
                </p>
              </div>
              <Link href="/quiz/practice" className="button">
                Resume practice
              </Link>
            </div>
          )}
        </section>
      )}

      <div className="quiz-home-grid">
        <section className="card quiz-panel" aria-labelledby="practice-title">
          <h2 id="practice-title">Practice</h2>
          <p className="quiz-muted">Answer, check, and read why each option is right or wrong.</p>
          <PracticeChooser />
        </section>
        <div className="quiz-side">
          <section className="card quiz-panel" aria-labelledby="exam-title">
            <h2 id="exam-title">Timed exam</h2>
            <p className="quiz-muted">
              Drawn by the DVA-C02 domain weights, {DVA_C02.minutes / DVA_C02.questionCount} minutes a question, no
              feedback until the end, scored 100–1,000.
            </p>
            <Link href="/quiz/exam" className="button">
              {active.exam ? 'Go to the exam' : 'Set up an exam'}
            </Link>
          </section>
          <section className="card quiz-panel" aria-labelledby="review-title">
            <h2 id="review-title">Spaced review</h2>
            <p className="quiz-muted">The questions your memory is about to lose, scheduled by FSRS.</p>
            <Link href="/quiz/review" className="button">
              See what is due
            </Link>
          </section>
        </div>
      </div>

      <section aria-labelledby="recent-title" className="quiz-recent">
        <div className="quiz-section-head">
          <h2 id="recent-title">Recent attempts</h2>
          {historyCount > 0 && <Link href="/quiz/history">Score over time →</Link>}
        </div>
        {historyCount === 0 ? (
          <p className="quiz-muted">Your finished practice sessions and exams will appear here.</p>
        ) : (
          <HistoryTable limit={5} />
        )}
      </section>
    </div>
  );
}
