import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { markLessonReadOnce, noteLessonVisit } from '../store/actions';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { TryInLab } from './TryInLab';
import './path.css';

// The check needs the question bank and the quiz engine: its own chunk, loaded once the lesson shows.
const LessonCheck = lazy(() => import('./LessonCheck'));

/**
 * The end of a lesson (placed by LessonPage once its text has loaded): "Check yourself" and
 * "Try it in the lab". It also remembers the lesson as the one opened last, and counts the lesson
 * as read once the learner has scrolled to its end (the check counts it too, when answered).
 */
export function LessonEnd({ slug }: { slug: string }) {
  const end = useRef<HTMLDivElement>(null);
  const [asked, setAsked] = useState(false);
  const shown = useNear(end) || asked;
  useEffect(() => {
    noteLessonVisit(slug);
  }, [slug]);
  useReadOnScroll(slug, end);
  return (
    <div className="lesson-end">
      <div ref={end} className="lesson-end-marker" aria-hidden="true" />
      <section className="lesson-check" aria-labelledby="check-title">
        <h2 id="check-title">Check yourself</h2>
        {shown ? (
          <ErrorBoundary label="check">
            <Suspense fallback={<p className="loading">Loading the questions…</p>}>
              <LessonCheck slug={slug} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setAsked(true)}>
              Show the questions
            </button>
          </p>
        )}
      </section>
      <TryInLab slug={slug} />
    </div>
  );
}

/**
 * True once the lesson's end has come within a screen or so of the viewport: the check's chunk
 * (the question bank, the engine) loads as the learner approaches it, not with the lesson's text.
 * Without IntersectionObserver the button loads it.
 */
function useNear(marker: React.RefObject<HTMLDivElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = marker.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: '0px 0px 1200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [marker]);
  return near;
}

/**
 * Marks the lesson read once the learner has scrolled to the end of its text or past it (opening a
 * page whose end is already on screen does not count). The test runs on each scroll event, not on
 * IntersectionObserver's crossings: a jump to the bottom (End, the scrollbar) passes the end without
 * ever showing it, and still counts. Once marked, it stops listening: unmarking by hand sticks.
 */
function useReadOnScroll(slug: string, marker: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const onScroll = () => {
      const el = marker.current;
      if (!el || el.getBoundingClientRect().top > window.innerHeight) return;
      window.removeEventListener('scroll', onScroll);
      markLessonReadOnce(slug);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [slug, marker]);
}
