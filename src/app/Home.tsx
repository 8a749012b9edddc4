import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { course } from '../course/lessons';
import { useAppStore } from '../store/store';

export function Home() {
  const read = useAppStore((s) => s.lessonsRead);
  const nextLesson = course.find((l) => !read[l.slug]) ?? course[0];
  const started = course.some((l) => read[l.slug]);
  const minutes = course.reduce((sum, l) => sum + l.minutes, 0);
  useEffect(() => {
    document.title = 'Secrets Lab · DVA-C02 secrets, hands on';
  }, []);

  return (
    <div className="page home">
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">AWS Certified Developer – Associate (DVA-C02)</p>
        <h1 id="hero-title">Keep PetTracker's secrets out of sight</h1>
        <p className="lede">
          Follow Alex and Jordan as they move PetTracker's passwords out of environment variables and into AWS Secrets
          Manager and Systems Manager Parameter Store: encryption with KMS, rotation, caching and least-privilege IAM.
          Everything runs in your browser and keeps working offline.
        </p>
        {nextLesson && (
          <Link href={`/lessons/${nextLesson.slug}`} className="button button-primary button-large">
            {started ? `Continue: ${nextLesson.title}` : 'Start the course'}
          </Link>
        )}
        <p className="hero-meta">
          {course.length} lessons · about {minutes} minutes of reading
        </p>
      </section>
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">The course</h2>
        <ol className="card-grid">
          {course.map((lesson) => (
            <li key={lesson.slug} className="card">
              <Link href={`/lessons/${lesson.slug}`} className="card-link">
                <span className="card-kicker">
                  Lesson {lesson.order} · {lesson.minutes} min{read[lesson.slug] ? ' · ✓ read' : ''}
                </span>
                <span className="card-title">{lesson.title}</span>
                <span className="card-summary">{lesson.summary}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <QuizCard />
    </div>
  );
}

/** The quiz's door on the home page. Reads only the store: the bank and engine stay in the quiz chunk. */
function QuizCard() {
  const cards = useAppStore((s) => s.reviewSchedule.questions);
  const exam = useAppStore((s) => Boolean(s.quizActive.exam));
  const [now] = useState(() => Date.now());
  const due = Object.values(cards).filter((c) => c.due <= now).length;
  return (
    <section className="card home-quiz" aria-labelledby="home-quiz-title">
      <div>
        <h2 id="home-quiz-title">Test yourself</h2>
        <p className="card-summary">
          Exam-style scenarios with every option explained, timed exams scored like DVA-C02, and spaced review.
          {due > 0 ? ` ${due} question${due === 1 ? ' is' : 's are'} due for review.` : ''}
        </p>
      </div>
      <Link href="/quiz" className="button">
        {exam ? 'Resume your exam' : 'Open the quiz'}
      </Link>
    </section>
  );
}
