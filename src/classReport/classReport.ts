import { computeReadiness, type ReadinessInput } from '../quiz/readiness';
import { own } from '../store/dict';
import { parseProgressFile } from '../store/progressFile';
import { type CsvValue, toCsv } from './csv';

/**
 * "How is my class doing?": many students' exported progress files, read in the browser, summed up
 * per question, per exercise and per task statement. Pure: the page passes the files' text, the
 * course and the time. Every file is read as untrusted input by the import's own parser (size and
 * depth bounded, strict schema, migrated from older versions); a file it refuses is reported by
 * its file name with the reason, and the rest of the class still counts.
 */
export interface ClassFile {
  /** The file's name, as the browser gives it (only used to report a refused file). */
  file: string;
  text: string;
}

export interface Refused {
  file: string;
  message: string;
}

export interface Student {
  /** The display name the student chose to put in the export, if any. */
  name?: string;
  /** "Student 3": the file's place among the accepted ones, when the file carries no name. */
  label: string;
  started: boolean;
  lessonsRead: number;
  questionsAnswered: number;
  exercisesPassed: number;
}

export interface QuestionRow {
  id: string;
  /** Students whose latest answer to it is recorded. */
  answered: number;
  right: number;
  /** right / answered, or null when nobody answered it. */
  shareRight: number | null;
}

export interface ExerciseRow {
  slug: string;
  /** Students who ran it at least once. */
  tried: number;
  attempts: number;
  passed: number;
  /** passed / tried, or null when nobody tried it. */
  passRate: number | null;
}

export interface TaskRow {
  task: string;
  /** Mean estimated chance of a right exam answer, over the students who have started; null if none. */
  readiness: number | null;
  /** Students who answered at least one of its questions. */
  answering: number;
}

export interface ClassReport {
  students: Student[];
  refused: Refused[];
  /** Most missed first (answered − right, then the lower share right). */
  questions: QuestionRow[];
  exercises: ExerciseRow[];
  tasks: TaskRow[];
  notStarted: Student[];
}

export type ClassCourse = Pick<ReadinessInput, 'questions' | 'lessons' | 'exercises'>;

export function classReport(files: readonly ClassFile[], course: ClassCourse, now: number): ClassReport {
  const students: (Student & { readiness: Map<string, number>; tasksAnswered: Set<string> })[] = [];
  const taskOf = new Map(course.questions.map((q) => [q.id, q.task]));
  const refused: Refused[] = [];
  const questions = new Map(course.questions.map((q) => [q.id, { id: q.id, answered: 0, right: 0 }]));
  const exercises = new Map(course.exercises.map((e) => [e.slug, { slug: e.slug, tried: 0, attempts: 0, passed: 0 }]));
  for (const f of files) {
    const parsed = parseProgressFile(f.text);
    if (!parsed.ok) {
      refused.push({ file: f.file, message: parsed.message });
      continue;
    }
    const s = parsed.state;
    const lessonsRead = s.lessonsRead ?? {};
    const answers = s.questionResults ?? {};
    const progress = s.exerciseProgress ?? {};
    const cards = s.reviewSchedule?.questions ?? {};
    let answeredHere = 0;
    const tasksAnswered = new Set<string>();
    for (const row of questions.values()) {
      const a = own(answers, row.id);
      if (!a) continue;
      answeredHere++;
      tasksAnswered.add(taskOf.get(row.id) ?? '');
      row.answered++;
      if (a.correct) row.right++;
    }
    let passedHere = 0;
    let triedHere = 0;
    for (const row of exercises.values()) {
      const p = own(progress, row.slug);
      if (!p || p.attempts <= 0) continue;
      triedHere++;
      row.tried++;
      row.attempts += p.attempts;
      if (p.passed) {
        row.passed++;
        passedHere++;
      }
    }
    const read = course.lessons.filter((l) => own(lessonsRead, l.slug) !== undefined).length;
    const started = read > 0 || answeredHere > 0 || triedHere > 0 || (s.quizHistory?.length ?? 0) > 0;
    const readiness = computeReadiness({ ...course, lessonsRead, exerciseProgress: progress, answers, cards, now });
    students.push({
      ...(parsed.name ? { name: parsed.name } : {}),
      label: parsed.name ?? `Student ${students.length + 1}`,
      started,
      lessonsRead: read,
      questionsAnswered: answeredHere,
      exercisesPassed: passedHere,
      readiness: new Map(readiness.tasks.filter((t) => t.examQuestions > 0).map((t) => [t.task, t.chance])),
      tasksAnswered,
    });
  }

  const active = students.filter((s) => s.started);
  const taskIds = [...new Set(students.flatMap((s) => [...s.readiness.keys()]))].sort();
  const tasks = taskIds.map((task) => {
    const chances = active.map((s) => s.readiness.get(task)).filter((c): c is number => c !== undefined);
    return {
      task,
      readiness: chances.length ? chances.reduce((a, b) => a + b, 0) / chances.length : null,
      answering: students.filter((s) => s.tasksAnswered.has(task)).length,
    };
  });
  const plain = students.map(({ readiness: _r, tasksAnswered: _t, ...s }): Student => s);
  return {
    students: plain,
    refused,
    questions: [...questions.values()]
      .map((q) => ({ ...q, shareRight: q.answered ? q.right / q.answered : null }))
      .sort(
        (a, b) =>
          b.answered - b.right - (a.answered - a.right) ||
          (a.shareRight ?? 2) - (b.shareRight ?? 2) ||
          a.id.localeCompare(b.id),
      ),
    exercises: [...exercises.values()].map((e) => ({ ...e, passRate: e.tried ? e.passed / e.tried : null })),
    tasks,
    notStarted: plain.filter((s) => !s.started),
  };
}

/** The report as one CSV table: a `section` column, then each row's figures (shares as 0–1). */
export function classReportCsv(report: ClassReport): string {
  const rows: CsvValue[][] = [
    ['section', 'id', 'students', 'answered or tried', 'right or passed', 'share', 'attempts'],
  ];
  const n = report.students.length;
  for (const q of report.questions) rows.push(['question', q.id, n, q.answered, q.right, share(q.shareRight), null]);
  for (const e of report.exercises)
    rows.push(['exercise', e.slug, n, e.tried, e.passed, share(e.passRate), e.attempts]);
  for (const t of report.tasks) rows.push(['task readiness', t.task, n, t.answering, null, share(t.readiness), null]);
  for (const s of report.students)
    rows.push([
      s.started ? 'student' : 'student not started',
      s.label,
      null,
      s.questionsAnswered,
      s.exercisesPassed,
      null,
      null,
    ]);
  for (const r of report.refused) rows.push(['file refused', r.file, null, null, null, null, r.message]);
  return toCsv(rows);
}

const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
