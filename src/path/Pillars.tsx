import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { course } from '../course/lessons';
import { own } from '../store/dict';
import { useAppStore } from '../store/store';

/**
 * The course's three pillars on the home page: read the lessons, prove it in the lab, test yourself;
 * each with where the learner stands. Reads only the store and the course outline (the question
 * bank stays in the quiz's chunk).
 */
export function Pillars() {
  const read = useAppStore((s) => s.lessonsRead);
  const progress = useAppStore((s) => s.exerciseProgress);
  const answers = useAppStore((s) => s.questionResults);
  const cards = useAppStore((s) => s.reviewSchedule.questions);
  const exam = useAppStore((s) => Boolean(s.quizActive.exam));
  const lessonsRead = course.filter((l) => own(read, l.slug) !== undefined).length;
  const passed = exerciseList.filter((e) => own(progress, e.slug)?.passed === true).length;
  const answered = Object.keys(answers).length;
  const right = Object.values(answers).filter((a) => a.correct).length;
  const now = Date.now();
  const due = Object.values(cards).filter((c) => c.due <= now).length;
  const minutes = course.reduce((sum, l) => sum + l.minutes, 0);
  const firstUnread = course.find((l) => own(read, l.slug) === undefined) ?? course[0];

  return (
    <section className="pillars" aria-labelledby="pillars-title">
      <h2 id="pillars-title" className="sr-only">
        The course in three parts
      </h2>
      <ul className="pillar-list">
        <li className="card pillar">
          <p className="pillar-kicker">1 · Read</p>
          <h3 className="pillar-title">Lessons</h3>
          <p className="card-summary">
            {course.length} lessons, about {minutes} minutes, each ending with questions to check yourself.
          </p>
          <Bar done={lessonsRead} total={course.length} label="lessons read" />
          {firstUnread && (
            <Link href={`/lessons/${firstUnread.slug}`} className="pillar-link">
              {lessonsRead ? 'Next lesson' : 'First lesson'} →
            </Link>
          )}
        </li>
        <li className="card pillar">
          <p className="pillar-kicker">2 · Do</p>
          <h3 className="pillar-title">Lab</h3>
          <p className="card-summary">
            {exerciseList.length} exercises: real AWS SDK code run against the emulator, graded by its checks.
          </p>
          <Bar done={passed} total={exerciseList.length} label="exercises passed" />
          <Link href="/lab" className="pillar-link">
            Open the lab →
          </Link>
        </li>
        <li className="card pillar">
          <p className="pillar-kicker">3 · Test</p>
          <h3 className="pillar-title">Quiz and readiness</h3>
          <p className="card-summary">
            Exam-style questions with every option explained, timed exams scored like DVA-C02, spaced review.
          </p>
          <p className="pillar-count">
            {answered
              ? `${answered} questions answered, ${right} right at the latest try`
              : 'No questions answered yet'}
            {due ? ` · ${due} due for review` : ''}
          </p>
          <span className="pillar-links">
            <Link href={exam ? '/quiz/exam' : '/quiz'} className="pillar-link">
              {exam ? 'Resume your exam' : 'Open the quiz'} →
            </Link>
            <Link href="/readiness" className="pillar-link">
              Am I ready? →
            </Link>
          </span>
        </li>
      </ul>
    </section>
  );
}

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="pillar-bar">
      <span className="pillar-count">
        {done} of {total} {label}
      </span>
      <span className="meter-track" aria-hidden="true">
        <span
          className={done >= total && total > 0 ? 'meter-fill is-done' : 'meter-fill'}
          style={{ width: `${total ? (done / total) * 100 : 0}%` }}
        />
      </span>
    </div>
  );
}
