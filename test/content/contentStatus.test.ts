import { expect, test } from 'vitest';
import { contentStatus, WARNINGS } from '../../src/course/contentStatus';

test('warnings name what is not linked; linked content is valid', () => {
  const status = contentStatus({
    lessons: [{ slug: 'rotation' }, { slug: 'orphan' }],
    questions: [
      { id: 'q-anchored', lesson: 'rotation#the-four-steps', exercise: 'rotate-it' },
      { id: 'q-whole-lesson', lesson: 'rotation' },
    ],
    exercises: [{ slug: 'rotate-it' }, { slug: 'lonely' }],
  });
  expect(status.lessons).toEqual({ rotation: [], orphan: [WARNINGS.lessonWithoutQuestions] });
  expect(status.questions).toEqual({ 'q-anchored': [], 'q-whole-lesson': [WARNINGS.questionWithoutAnchor] });
  expect(status.exercises).toEqual({ 'rotate-it': [], lonely: [WARNINGS.exerciseWithoutQuestions] });
});
