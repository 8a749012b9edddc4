import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { findLesson, lessonNumber, neighbours } from '../course/lessons';
import { LessonEnd } from '../path/LessonEnd';
import { markLessonRead } from '../store/actions';
import { useAppStore } from '../store/store';
import { domainLabel } from '../ui/labels';
import { LessonBody } from './LessonBody';
import { lessonReadyNow, loadLessonForReading, preloadLessonDiagrams } from './preload';
import 'virtual:code.css';

export function LessonPage({ slug }: { slug: string }) {
  const lesson = findLesson(slug);
  const [html, setHtml] = useState<{ slug: string; html: string } | { slug: string; error: string }>();
  const read = useAppStore((s) => Boolean(s.lessonsRead[slug]));

  useEffect(() => {
    let live = true;
    preloadLessonDiagrams(slug);
    loadLessonForReading(slug).then(
      (h) => live && setHtml({ slug, html: h }),
      (e: unknown) => live && setHtml({ slug, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [slug]);

  useEffect(() => {
    if (lesson) document.title = `${lesson.title} · Secrets Lab`;
  }, [lesson]);

  if (!lesson) {
    return (
      <article className="page">
        <h1>Lesson not found</h1>
        <p>
          There is no lesson called “{slug}”. <Link href="/">Back to the course</Link>
        </p>
      </article>
    );
  }
  const { prev, next } = neighbours(slug);
  // A lesson made ready beforehand (the next one, while the last was read) shows in the first render.
  const readyNow = lessonReadyNow(slug);
  const current = html?.slug === slug ? html : readyNow === undefined ? undefined : { slug, html: readyNow };

  return (
    <article className="page lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <p className="eyebrow">
          Lesson {lessonNumber(slug)} · {lesson.minutes} min read · {domainLabel(lesson.domain, lesson.task)}
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lede">{lesson.summary}</p>
      </header>
      {current === undefined && (
        <p className="loading" aria-live="polite">
          Loading lesson…
        </p>
      )}
      {current && 'error' in current && (
        <p role="alert" className="error-text">
          This lesson could not be loaded: {current.error}
        </p>
      )}
      {current && 'html' in current && <LessonBody html={current.html} slug={slug} next={next?.slug} />}
      {current && 'html' in current && <LessonEnd slug={slug} />}
      <footer className="lesson-footer">
        <button
          type="button"
          className={read ? 'button button-done' : 'button button-primary'}
          aria-pressed={read}
          data-learner
          onClick={() => markLessonRead(slug, !read)}
        >
          {read ? '✓ Read' : 'Mark as read'}
        </button>
        <nav className="pager" aria-label="Lesson navigation">
          {prev ? (
            <Link
              href={`/lessons/${prev.slug}`}
              className="pager-link"
              rel="prev"
              onClick={() => window.scrollTo(0, 0)}
            >
              <span className="pager-dir">← Previous</span>
              <span className="pager-title">{prev.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/lessons/${next.slug}`}
              className="pager-link pager-next"
              rel="next"
              onClick={() => window.scrollTo(0, 0)}
            >
              <span className="pager-dir">Next →</span>
              <span className="pager-title">{next.title}</span>
            </Link>
          )}
        </nav>
      </footer>
    </article>
  );
}
