import { useId, useState } from 'react';
import { exerciseList } from '../course/exercises';
import { course, findLesson } from '../course/lessons';
import { bank, bankIndex } from '../course/questions';
import { LIMITS } from '../store/limits';
import { plainText } from '../ui/question/labels';
import { type ClassFile, type ClassReport, classReport, classReportCsv, type Refused } from './classReport';
import './classReport.css';

const classCourse = {
  questions: bank,
  lessons: course.map((l) => ({ slug: l.slug, task: l.task })),
  exercises: exerciseList.flatMap((e) => {
    const lesson = findLesson(e.lesson.split('#')[0] ?? '');
    return lesson ? [{ slug: e.slug, task: lesson.task }] : [];
  }),
};
const titleOf = new Map(exerciseList.map((e) => [e.slug, e.title]));
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
// A file is read as UTF-8: more bytes than 4 per allowed character cannot be a progress file.
const MAX_BYTES = LIMITS.fileChars * 4;

/** Reads the chosen files in the browser (nothing is uploaded); a file too big to be ours is refused unread. */
async function readFiles(list: FileList): Promise<{ files: ClassFile[]; unread: Refused[] }> {
  const files: ClassFile[] = [];
  const unread: Refused[] = [];
  for (const f of Array.from(list)) {
    const file = f.webkitRelativePath || f.name;
    if (f.size > MAX_BYTES) unread.push({ file, message: 'This file is far larger than any progress file. Not read.' });
    else files.push({ file, text: await f.text() });
  }
  return { files, unread };
}

/**
 * "How is my class doing?" on /instructor: students' exported progress files, chosen or dropped,
 * read and summed up in this browser: questions most missed first, exercises' pass rates, each task
 * statement's readiness, who has not started; refused files by name; the summary as CSV.
 */
export default function ClassReportPanel() {
  const id = useId();
  const [report, setReport] = useState<ClassReport>();
  const [busy, setBusy] = useState(false);
  const load = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    const { files, unread } = await readFiles(list);
    const next = classReport(files, classCourse, Date.now());
    setReport({ ...next, refused: [...unread, ...next.refused] });
    setBusy(false);
  };
  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([classReportCsv(report)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `secrets-lab-class-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section className="class-report" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>How is my class doing?</h2>
      <p>
        Choose the progress files your students exported (or a folder of them). They are read in this browser; nothing
        is uploaded. Names show only when a student put one in the file.
      </p>
      <fieldset
        className="class-drop"
        aria-label="Students' progress files"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void load(e.dataTransfer.files);
        }}
      >
        <label className="button">
          Choose files…
          <input
            type="file"
            multiple
            accept="application/json,.json"
            className="sr-only"
            onChange={(e) => void load(e.target.files)}
          />
        </label>
        <label className="button">
          Choose a folder…
          <input
            type="file"
            multiple
            className="sr-only"
            {...{ webkitdirectory: '' }}
            onChange={(e) => void load(e.target.files)}
          />
        </label>
        <span className="quiz-muted">or drop them here</span>
      </fieldset>
      <div aria-live="polite">
        {busy && <p>Reading the files…</p>}
        {report && !busy && <ReportView report={report} onCsv={download} />}
      </div>
    </section>
  );
}

function Bar({ value, label }: { value: number | null; label: string }) {
  return (
    <span className="class-bar" role="img" aria-label={label}>
      <span className="class-bar-fill" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
    </span>
  );
}

function ReportView({ report, onCsv }: { report: ClassReport; onCsv(): void }) {
  const started = report.students.length - report.notStarted.length;
  const missed = report.questions.filter((q) => q.answered > 0);
  return (
    <div className="class-result">
      <p className="class-summary" data-testid="class-summary">
        {report.students.length} student file{report.students.length === 1 ? '' : 's'} read, {started} started
        {report.refused.length ? `, ${report.refused.length} refused` : ''}.{' '}
        <button type="button" className="button button-compact" onClick={onCsv}>
          Export as CSV
        </button>
      </p>
      {report.refused.length > 0 && (
        <div className="callout callout-warning" role="alert">
          <p>These files were not counted:</p>
          <ul>
            {report.refused.map((r) => (
              <li key={r.file}>
                <strong>{r.file}</strong>: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Questions, most missed first</h3>
      {missed.length === 0 ? (
        <p className="quiz-muted">No answers yet.</p>
      ) : (
        <ol className="class-rows">
          {missed.map((q) => (
            <li key={q.id}>
              <span className="class-name" title={plainText(bankIndex.get(q.id)?.stem ?? '')}>
                <code>{q.id}</code>
              </span>
              <Bar value={q.shareRight} label={`${pct(q.shareRight)} right`} />
              <span className="class-figure">
                {q.right} of {q.answered} right
              </span>
            </li>
          ))}
        </ol>
      )}
      <h3>Exercises</h3>
      <ul className="class-rows">
        {report.exercises.map((e) => (
          <li key={e.slug}>
            <span className="class-name">{titleOf.get(e.slug) ?? e.slug}</span>
            <Bar value={e.passRate} label={`${pct(e.passRate)} passed`} />
            <span className="class-figure">
              {e.passed} of {e.tried} passed · {e.attempts} runs
            </span>
          </li>
        ))}
      </ul>
      <h3>Readiness by task statement</h3>
      <ul className="class-rows">
        {report.tasks.map((t) => (
          <li key={t.task}>
            <span className="class-name">Task {t.task}</span>
            <Bar value={t.readiness} label={`${pct(t.readiness)} chance of a right answer`} />
            <span className="class-figure">
              {pct(t.readiness)} · {t.answering} answering
            </span>
          </li>
        ))}
      </ul>
      <h3>Not started</h3>
      <p>{report.notStarted.length ? report.notStarted.map((s) => s.label).join(', ') : 'Everyone has started.'}</p>
    </div>
  );
}
