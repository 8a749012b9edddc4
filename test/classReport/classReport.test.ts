import { expect, test } from 'vitest';
import { classReport, classReportCsv } from '../../src/classReport/classReport';
import { csvField, toCsv } from '../../src/classReport/csv';
import { computeReadiness } from '../../src/quiz/readiness';
import { makeQuestion } from '../../src/quiz/testing';
import { toProgressFile } from '../../src/store/progressFile';
import { type AppState, defaultState } from '../../src/store/state';

// A small course: two lessons, three questions, two exercises (tasks 1.1 and 2.1).
const course = {
  questions: [
    makeQuestion('q1', 'single', 1, '1.1'),
    makeQuestion('q2', 'multiple', 1, '1.1'),
    makeQuestion('q3', 'single', 2, '2.1'),
  ],
  lessons: [
    { slug: 'l1', task: '1.1' },
    { slug: 'l2', task: '2.1' },
  ],
  exercises: [
    { slug: 'ex1', task: '1.1' },
    { slug: 'ex2', task: '2.1' },
  ],
};
const NOW = Date.UTC(2026, 11, 1);
const at = NOW - 86_400_000;

function file(name: string, change: Partial<AppState>, displayName?: string) {
  const state = { ...defaultState(), ...change };
  return { file: name, text: JSON.stringify(toProgressFile(state, new Date(NOW), displayName)) };
}

const ana = file(
  'ana.json',
  {
    lessonsRead: { l1: at },
    questionResults: { q1: { correct: true, at }, q2: { correct: false, at }, q3: { correct: true, at } },
    exerciseProgress: { ex1: { attempts: 2, passed: true, firstPassAt: at }, ex2: { attempts: 1, passed: false } },
  },
  'Ana',
);
const second = file('progress (1).json', {
  questionResults: { q1: { correct: false, at }, q3: { correct: false, at } },
  exerciseProgress: { ex1: { attempts: 3, passed: true, firstPassAt: at } },
});
const idle = file('progress (2).json', {});
const broken = { file: 'broken.json', text: '{"app":"secrets-lab", "kind": "progr' };
const newer = { file: 'from-the-future.json', text: JSON.stringify({ ...JSON.parse(idle.text), version: 99 }) };
const huge = { file: 'huge.json', text: `{"app":"secrets-lab","kind":"progress","pad":"${'x'.repeat(4_100_000)}"}` };

test('the class report, figure by figure, against a table worked out by hand', () => {
  const report = classReport([ana, broken, second, newer, idle, huge], course, NOW);

  // Per question: answered / right, most missed first (ties: the lower share right, then the id).
  expect(report.questions).toEqual([
    { id: 'q2', answered: 1, right: 0, shareRight: 0 },
    { id: 'q1', answered: 2, right: 1, shareRight: 0.5 },
    { id: 'q3', answered: 2, right: 1, shareRight: 0.5 },
  ]);
  // Per exercise: students who ran it, their runs, passes, pass rate among those who tried.
  expect(report.exercises).toEqual([
    { slug: 'ex1', tried: 2, attempts: 5, passed: 2, passRate: 1 },
    { slug: 'ex2', tried: 1, attempts: 1, passed: 0, passRate: 0 },
  ]);
  // Students: a name only when the file carries one; the others by their place.
  expect(report.students).toEqual([
    { name: 'Ana', label: 'Ana', started: true, lessonsRead: 1, questionsAnswered: 3, exercisesPassed: 1 },
    { label: 'Student 2', started: true, lessonsRead: 0, questionsAnswered: 2, exercisesPassed: 1 },
    { label: 'Student 3', started: false, lessonsRead: 0, questionsAnswered: 0, exercisesPassed: 0 },
  ]);
  expect(report.notStarted.map((s) => s.label)).toEqual(['Student 3']);
  // Refused files, by name, each with its reason; the rest of the class still counts.
  expect(report.refused.map((r) => r.file)).toEqual(['broken.json', 'from-the-future.json', 'huge.json']);
  expect(report.refused[0]!.message).toMatch(/not JSON/);
  expect(report.refused[1]!.message).toMatch(/newer version of Secrets Lab/);
  expect(report.refused[2]!.message).toMatch(/at most/);
});

test("per task statement, the class's readiness is the mean of its started students' readiness", () => {
  const report = classReport([ana, second, idle], course, NOW);
  const chance = (f: typeof ana, task: string) => {
    const s = JSON.parse(f.text).state as AppState;
    const r = computeReadiness({
      ...course,
      lessonsRead: s.lessonsRead,
      exerciseProgress: s.exerciseProgress,
      answers: s.questionResults,
      cards: s.reviewSchedule.questions,
      now: NOW,
    });
    return r.tasks.find((t) => t.task === task)!.chance;
  };
  expect(report.tasks.map((t) => t.task)).toEqual(['1.1', '2.1']);
  // The student who has not started does not pull the class down.
  expect(report.tasks[0]!.readiness).toBeCloseTo((chance(ana, '1.1') + chance(second, '1.1')) / 2, 10);
  expect(report.tasks[1]!.readiness).toBeCloseTo((chance(ana, '2.1') + chance(second, '2.1')) / 2, 10);
  expect(report.tasks.map((t) => t.answering)).toEqual([2, 2]);
  // Ana is right more often than the second student: her 1.1 chance is above theirs.
  expect(chance(ana, '1.1')).toBeGreaterThan(chance(second, '1.1'));
});

test('no files, or only refused ones: an empty report, never a crash', () => {
  const report = classReport([broken, { file: 'deep.json', text: '['.repeat(100_000) }], course, NOW);
  expect(report.students).toEqual([]);
  expect(report.refused.map((r) => r.file)).toEqual(['broken.json', 'deep.json']);
  expect(report.questions.every((q) => q.shareRight === null)).toBe(true);
  expect(report.tasks).toEqual([]);
});

test('CSV: RFC 4180 quoting, CRLF records, and a name that a spreadsheet would run is defused', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  expect(csvField(-1)).toBe('-1');
  expect(csvField(null)).toBe('');
  expect(
    toCsv([
      ['a', 1],
      ['b', null],
    ]),
  ).toBe('a,1\r\nb,\r\n');

  const report = classReport([ana, second, idle, broken], course, NOW);
  const lines = classReportCsv(report).split('\r\n');
  expect(lines[0]).toBe('section,id,students,answered or tried,right or passed,share,attempts');
  expect(lines).toContain('question,q2,3,1,0,0,');
  expect(lines).toContain('exercise,ex1,3,2,2,1,5');
  expect(lines).toContain('student,Ana,,3,1,,');
  expect(lines).toContain('student not started,Student 3,,0,0,,');
  expect(lines.find((l) => l.startsWith('file refused,broken.json,'))).toMatch(/not JSON/);
});
