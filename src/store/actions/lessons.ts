import { own, withEntry, withoutEntry } from '../dict';
import { type WriteResult, write } from '../write';

/** Marks a lesson read (scrolled through, its check answered, or the button) or unread. */
export function markLessonRead(slug: string, read: boolean, now = Date.now()): WriteResult {
  return write((s) => ({
    lessonsRead: read ? withEntry(s.lessonsRead, slug, now) : withoutEntry(s.lessonsRead, slug),
  }));
}

/** Marks a lesson read unless it already is (keeps the first time). */
export function markLessonReadOnce(slug: string, now = Date.now()): WriteResult {
  return write((s) =>
    own(s.lessonsRead, slug) === undefined ? { lessonsRead: withEntry(s.lessonsRead, slug, now) } : {},
  );
}

/** Remembers the lesson opened last, for "Continue where you left off". */
export function noteLessonVisit(slug: string, now = Date.now()): WriteResult {
  return write((s) => (s.lastLesson?.slug === slug ? {} : { lastLesson: { slug, at: now } }));
}
