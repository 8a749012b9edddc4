import { Link, useRoute } from 'wouter';
import { exerciseList } from '../course/exercises';
import { course } from '../course/lessons';
import { PathProgress } from '../path/PathProgress';
import { useAppStore } from '../store/store';

/**
 * The course outline: every lesson with its read state, and the open lesson's sections. What is the
 * learner's own is marked `data-learner` (a prerendered page shows no one's: prerenderPlugin.ts).
 */
export function Outline({ onNavigate }: { onNavigate?: () => void }) {
  const read = useAppStore((s) => s.lessonsRead);
  const exerciseProgress = useAppStore((s) => s.exerciseProgress);
  const [, params] = useRoute('/lessons/:slug');
  const [, lab] = useRoute('/lab/:slug');

  return (
    <nav className="outline" aria-label="Course outline">
      <PathProgress />
      <h2 className="outline-title" id="outline-lessons">
        Lessons
      </h2>
      <ol className="outline-list" aria-labelledby="outline-lessons">
        {course.map((lesson, i) => {
          const active = params?.slug === lesson.slug;
          return (
            <li key={lesson.slug} className={active ? 'active' : undefined}>
              <Link
                href={`/lessons/${lesson.slug}`}
                aria-current={active ? 'page' : undefined}
                onClick={() => {
                  window.scrollTo(0, 0);
                  onNavigate?.();
                }}
              >
                <span className={read[lesson.slug] ? 'check done' : 'check'} aria-hidden="true" data-learner>
                  {read[lesson.slug] ? '✓' : i + 1}
                </span>
                <span className="outline-label">{lesson.title}</span>
                {read[lesson.slug] && (
                  <span className="sr-only" data-learner>
                    {' '}
                    (read)
                  </span>
                )}
              </Link>
              {active && lesson.headings.length > 0 && (
                <ul className="outline-headings">
                  {lesson.headings
                    .filter((h) => h.depth === 2)
                    .map((h) => (
                      <li key={h.id}>
                        <a href={`#${h.id}`} onClick={() => onNavigate?.()}>
                          {h.text}
                        </a>
                      </li>
                    ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {exerciseList.length > 0 && (
        <>
          <h2 className="outline-title" id="outline-exercises">
            Lab exercises
          </h2>
          <ol className="outline-list" aria-labelledby="outline-exercises">
            {exerciseList.map((e, i) => {
              const active = lab?.slug === e.slug;
              const passed = exerciseProgress[e.slug]?.passed;
              return (
                <li key={e.slug} className={active ? 'active' : undefined}>
                  <Link
                    href={`/lab/${e.slug}`}
                    aria-current={active ? 'page' : undefined}
                    onClick={() => onNavigate?.()}
                  >
                    <span className={passed ? 'check done' : 'check'} aria-hidden="true" data-learner>
                      {passed ? '✓' : i + 1}
                    </span>
                    <span className="outline-label">{e.title}</span>
                    {passed && (
                      <span className="sr-only" data-learner>
                        {' '}
                        (passed)
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </nav>
  );
}
