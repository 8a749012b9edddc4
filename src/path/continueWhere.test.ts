import { describe, expect, it } from 'vitest';
import { createAttempt } from '../quiz/attempt';
import { makeQuestion } from '../quiz/testing';
import { defaultState } from '../store/state';
import { continueWhere } from './continueWhere';

const lessons = [
  { slug: 'intro', title: 'Intro', order: 1 },
  { slug: 'rotation', title: 'Rotation', order: 2 },
  { slug: 'caching', title: 'Caching', order: 3 },
];
const exercises = [
  { slug: 'read-db', title: 'Read the DB password', order: 1 },
  { slug: 'rotate', title: 'Write a rotation function', order: 2 },
];
const state = (over: Partial<ReturnType<typeof defaultState>> = {}) => ({ ...defaultState(), ...over });
const attempt = (mode: 'exam' | 'practice', now = 1000) =>
  createAttempt({ id: `${mode}-1`, mode, questions: [makeQuestion('q1'), makeQuestion('q2')], seed: 's', now });

describe('continueWhere', () => {
  it('a first visit starts the course', () => {
    expect(continueWhere(state(), lessons, exercises)).toMatchObject({
      kind: 'start',
      href: '/lessons/intro',
      label: 'Start the course',
    });
  });

  it('an exam in progress comes first, whatever was touched later', () => {
    const s = state({
      quizActive: { exam: { label: 'Short exam', kind: 'short', focus: true, attempt: attempt('exam') } },
      lastLesson: { slug: 'rotation', at: 9_999 },
    });
    expect(continueWhere(s, lessons, exercises)).toMatchObject({
      kind: 'exam',
      href: '/quiz/exam',
      detail: 'Short exam: 0 of 2 answered, the clock is running.',
    });
  });

  it('the lesson opened last, while unread; once read, the next unread one', () => {
    expect(continueWhere(state({ lastLesson: { slug: 'rotation', at: 5 } }), lessons, exercises)).toMatchObject({
      href: '/lessons/rotation',
      label: 'Continue: Rotation',
    });
    const read = state({ lastLesson: { slug: 'rotation', at: 5 }, lessonsRead: { intro: 1, rotation: 6 } });
    expect(continueWhere(read, lessons, exercises)).toMatchObject({
      href: '/lessons/caching',
      label: 'Continue: Caching',
    });
  });

  it('an exercise worked on later than the lesson wins; once passed, the next exercise', () => {
    const working = state({
      lastLesson: { slug: 'rotation', at: 5 },
      drafts: { 'read-db': { code: 'x', savedAt: 10 } },
    });
    expect(continueWhere(working, lessons, exercises)).toMatchObject({ kind: 'exercise', href: '/lab/read-db' });
    const passed = state({
      ...working,
      exerciseProgress: { 'read-db': { attempts: 2, passed: true, lastRunAt: 12 } },
    });
    expect(continueWhere(passed, lessons, exercises)).toMatchObject({
      href: '/lab/rotate',
      label: 'Continue: Write a rotation function',
    });
  });

  it('a practice session touched last is resumed', () => {
    const s = state({
      lastLesson: { slug: 'rotation', at: 5 },
      quizActive: {
        practice: { label: 'Practice · Rotation', kind: 'practice', focus: false, attempt: attempt('practice', 50) },
      },
    });
    expect(continueWhere(s, lessons, exercises)).toMatchObject({ kind: 'practice', href: '/quiz/practice' });
  });

  it('lessons read before "the lesson opened last" was kept: the first unread one', () => {
    expect(continueWhere(state({ lessonsRead: { intro: 1 } }), lessons, exercises)).toMatchObject({
      label: 'Continue: Rotation',
    });
  });

  it('everything read and passed: readiness', () => {
    const s = state({
      lessonsRead: { intro: 1, rotation: 1, caching: 1 },
      exerciseProgress: { 'read-db': { attempts: 1, passed: true }, rotate: { attempts: 1, passed: true } },
    });
    expect(continueWhere(s, lessons, exercises)).toMatchObject({ kind: 'readiness', href: '/readiness' });
  });
});
