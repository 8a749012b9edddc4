import { useEffect } from 'react';
import { Link } from 'wouter';
import { course } from '../course/lessons';
import { ContinueCard } from '../path/ContinueCard';
import { Pillars } from '../path/Pillars';
import { own } from '../store/dict';
import { useAppStore } from '../store/store';
import '../path/path.css';

/** The home page: where to continue, the three pillars with where the learner stands, the lessons. */
export function Home() {
  const read = useAppStore((s) => s.lessonsRead);
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
          Read, build it in the lab, then test yourself. Everything runs in your browser and keeps working offline.
        </p>
        <ContinueCard />
      </section>
      <Pillars />
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">The course</h2>
        <ol className="card-grid">
          {course.map((lesson, i) => (
            <li key={lesson.slug} className="card">
              <Link href={`/lessons/${lesson.slug}`} className="card-link">
                <span className="card-kicker">
                  Lesson {i + 1} · {lesson.minutes} min{own(read, lesson.slug) !== undefined ? ' · ✓ read' : ''}
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
