import { useEffect } from 'react';
import { Link } from 'wouter';
import { course } from '../lesson/course';
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
    </div>
  );
}
