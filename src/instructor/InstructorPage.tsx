import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import { contentStatus } from '../course/contentStatus';
import { exerciseList } from '../course/exercises';
import { course, findLesson } from '../course/lessons';
import { bank } from '../course/questions';
import { lessonLink } from '../schema/questionTypes';
import { StatusBadge } from './StatusBadge';
import './instructor.css';

// The class report (reads students' progress files): its own chunk.
const ClassReportPanel = lazy(() => import('../classReport/ClassReportPanel'));

/**
 * `/instructor`: every lesson, question and exercise this build holds, with its status. The build
 * refuses content with errors, so what shows here is valid; warnings are computed by the same
 * function `npm run content:check` uses. Each exercise opens in the lab with its solution loaded.
 */
export default function InstructorPage() {
  const status = useMemo(
    () =>
      contentStatus({
        lessons: course,
        questions: bank,
        exercises: exerciseList.map((e): { slug: string } => ({ slug: e.slug })),
      }),
    [],
  );
  useEffect(() => {
    document.title = 'Instructor preview · Secrets Lab';
  }, []);
  const count = (r: Record<string, string[]>) => Object.values(r).filter((w) => w.length > 0).length;
  const warned = count(status.lessons) + count(status.questions) + count(status.exercises);

  return (
    <div className="page instructor-page">
      <p className="eyebrow">For instructors</p>
      <h1>Content preview</h1>
      <p className="lede">
        {course.length} lessons, {bank.length} questions and {exerciseList.length} exercises from <code>content/</code>,{' '}
        {warned === 0 ? 'all valid.' : `${warned} with warnings.`} The app only builds from content without errors;{' '}
        <code>npm run content:check</code> also parses every diagram, compiles every code block and proves every
        exercise.
      </p>

      <h2 id="lessons">Lessons</h2>
      <div className="quiz-table-wrap">
        <table className="quiz-table" aria-labelledby="lessons">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Lesson</th>
              <th scope="col">Task</th>
              <th scope="col">Questions</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {course.map((l) => (
              <tr key={l.slug} data-slug={l.slug}>
                <td>{l.order}</td>
                <td>
                  <Link href={`/lessons/${l.slug}`}>{l.title}</Link>
                  <br />
                  <code className="muted">lessons/{l.slug}.md</code>
                </td>
                <td>{l.task}</td>
                <td>{bank.filter((q) => lessonLink(q).slug === l.slug).length}</td>
                <td>
                  <StatusBadge warnings={status.lessons[l.slug] ?? []} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="exercises">Exercises</h2>
      <div className="quiz-table-wrap">
        <table className="quiz-table" aria-labelledby="exercises">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Exercise</th>
              <th scope="col">Lesson</th>
              <th scope="col">Status</th>
              <th scope="col">Try it</th>
            </tr>
          </thead>
          <tbody>
            {exerciseList.map((e) => (
              <tr key={e.slug} data-slug={e.slug}>
                <td>{e.order}</td>
                <td>
                  {e.title} <span className="muted">· {e.difficulty}</span>
                  <br />
                  <code className="muted">exercises/{e.slug}/</code>
                </td>
                <td>
                  <Link href={`/lessons/${e.lesson}`}>
                    {findLesson(e.lesson.split('#')[0] ?? '')?.title ?? e.lesson}
                  </Link>
                </td>
                <td>
                  <StatusBadge warnings={status.exercises[e.slug] ?? []} />
                </td>
                <td>
                  <Link href={`/lab/${e.slug}?solution=1`}>
                    With the solution<span className="sr-only">: {e.title}</span>
                  </Link>
                  {' · '}
                  <Link href={`/lab/${e.slug}`}>
                    As a learner<span className="sr-only">: {e.title}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="questions">Questions</h2>
      <div className="quiz-table-wrap">
        <table className="quiz-table" aria-labelledby="questions">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Type</th>
              <th scope="col">Task</th>
              <th scope="col">Lesson</th>
              <th scope="col">Exercise</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {bank.map((q) => (
              <tr key={q.id} data-id={q.id}>
                <td>
                  <code>{q.id}</code>
                </td>
                <td>{q.type}</td>
                <td>{q.task}</td>
                <td>
                  <Link href={`/lessons/${q.lesson}`}>{q.lesson}</Link>
                </td>
                <td>
                  {q.exercise ? (
                    <Link href={`/lab/${q.exercise}`}>{q.exercise}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <StatusBadge warnings={status.questions[q.id] ?? []} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Suspense fallback={<p className="loading">Loading the class report…</p>}>
        <ClassReportPanel />
      </Suspense>
    </div>
  );
}
