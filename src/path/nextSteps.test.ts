import { describe, expect, it } from 'vitest';
import { nextSteps } from './nextSteps';

const lessons = [
  { slug: 'basics', title: 'Basics', order: 1, task: '2.3' },
  { slug: 'rotation', title: 'Rotation', order: 2, task: '2.2' },
  { slug: 'caching', title: 'Caching', order: 3, task: '4.3' },
];
const exercises = [
  { slug: 'read', title: 'Read a secret', order: 1, lesson: 'basics#reading' },
  { slug: 'rotate', title: 'Rotate it', order: 2, lesson: 'rotation' },
  { slug: 'cache', title: 'Cache it', order: 3, lesson: 'caching' },
];
const none = () => false;

describe('nextSteps', () => {
  it("after a pass: the lesson's task statement, the next exercise, the next lesson", () => {
    expect(nextSteps('read', exercises, lessons, none, none)).toEqual({
      task: '2.3',
      exercise: { slug: 'rotate', title: 'Rotate it' },
      lesson: { slug: 'rotation', title: 'Rotation' },
    });
  });

  it('skips what is already done, and wraps round to what is left', () => {
    const passed = (s: string) => s === 'rotate' || s === 'cache';
    const read = (s: string) => s === 'rotation' || s === 'caching';
    expect(nextSteps('cache', exercises, lessons, passed, read)).toEqual({
      task: '4.3',
      exercise: { slug: 'read', title: 'Read a secret' },
      lesson: { slug: 'basics', title: 'Basics' },
    });
  });

  it('with everything done, only the drill is left; an unknown exercise gets nothing', () => {
    const all = () => true;
    expect(nextSteps('rotate', exercises, lessons, all, all)).toEqual({
      task: '2.2',
      exercise: undefined,
      lesson: undefined,
    });
    expect(nextSteps('nope', exercises, lessons, none, none)).toEqual({});
  });
});
