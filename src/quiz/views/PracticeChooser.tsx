import { useId, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { course } from '../../course/lessons';
import { bank } from '../../course/questions';
import { DOMAINS, type DomainId } from '../../schema/dva-c02';
import { lessonLink } from '../../schema/questionTypes';
import { useAppStore } from '../../store/store';
import { type QuestionSelector, selectQuestions } from '../selectQuestions';
import { startPractice } from './session';

type By = 'lesson' | 'domain' | 'task' | 'missed' | 'due';
const SIZES = [10, 20, 0] as const;

/** Choose a practice set: by lesson, domain, task statement, missed questions or cards due. */
export function PracticeChooser() {
  const [, navigate] = useLocation();
  const results = useAppStore((s) => s.questionResults);
  const schedule = useAppStore((s) => s.reviewSchedule);
  const now = useMemo(() => Date.now(), []);
  const [by, setBy] = useState<By>('lesson');
  const id = useId();
  const lessons = useMemo(
    () =>
      course
        .map((l) => ({
          value: l.slug,
          label: l.title,
          count: bank.filter((q) => lessonLink(q).slug === l.slug).length,
        }))
        .filter((l) => l.count > 0),
    [],
  );
  const domains = DOMAINS.map((d) => ({
    value: String(d.id),
    label: `${d.id}. ${d.title}`,
    count: bank.filter((q) => q.domain === d.id).length,
  }));
  const tasks = DOMAINS.flatMap((d) => d.tasks)
    .map((t) => ({ value: t.id, label: `${t.id} ${t.title}`, count: bank.filter((q) => q.task === t.id).length }))
    .filter((t) => t.count > 0);
  const missed = Object.entries(results)
    .filter(([id, r]) => !r.correct && bank.some((q) => q.id === id))
    .map(([id]) => id);
  const due = selectQuestions(bank, { by: 'due', schedule, now });
  const [choice, setChoice] = useState<Record<'lesson' | 'domain' | 'task', string>>({
    lesson: lessons[0]?.value ?? '',
    domain: '2',
    task: tasks[0]?.value ?? '',
  });
  const [size, setSize] = useState<number>(10);

  const options = by === 'lesson' ? lessons : by === 'domain' ? domains : by === 'task' ? tasks : [];
  const selector = (): { selector: QuestionSelector; label: string } => {
    if (by === 'lesson')
      return {
        selector: { by: 'lesson', lesson: choice.lesson },
        label: `Lesson: ${lessons.find((l) => l.value === choice.lesson)?.label ?? choice.lesson}`,
      };
    if (by === 'domain') {
      const d = DOMAINS.find((x) => String(x.id) === choice.domain);
      return { selector: { by: 'domain', domain: (d?.id ?? 1) as DomainId }, label: `Domain: ${d?.title ?? ''}` };
    }
    if (by === 'task') return { selector: { by: 'task', task: choice.task }, label: `Task ${choice.task}` };
    if (by === 'missed') return { selector: { by: 'ids', ids: missed }, label: 'Missed questions' };
    return { selector: { by: 'due', schedule, now }, label: 'Review due' };
  };
  const available =
    by === 'missed'
      ? missed.length
      : by === 'due'
        ? due.length
        : (options.find((o) => o.value === choice[by])?.count ?? 0);

  const start = () => {
    const { selector: s, label } = selector();
    const seed = `${Date.now()}`;
    const questions = selectQuestions(bank, s, size ? { limit: size, seed } : {});
    if (startPractice(label, questions, by === 'due')) navigate('/quiz/practice');
  };

  const kinds: { value: By; label: string; count?: number }[] = [
    { value: 'lesson', label: 'Lesson' },
    { value: 'domain', label: 'Exam domain' },
    { value: 'task', label: 'Task statement' },
    { value: 'missed', label: 'Missed questions', count: missed.length },
    { value: 'due', label: 'Due for review', count: due.length },
  ];

  return (
    <form
      className="quiz-chooser"
      aria-labelledby="practice-title"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <fieldset className="quiz-segments">
        <legend>Practise by</legend>
        {kinds.map((k) => (
          <label key={k.value} className={by === k.value ? 'quiz-segment is-selected' : 'quiz-segment'}>
            <input
              type="radio"
              name="practice-by"
              value={k.value}
              checked={by === k.value}
              onChange={() => setBy(k.value)}
            />
            {k.label}
            {k.count !== undefined && <span className="quiz-count-badge">{k.count}</span>}
          </label>
        ))}
      </fieldset>
      <div className="quiz-fields">
        {(by === 'lesson' || by === 'domain' || by === 'task') && (
          <div className="quiz-field">
            <label htmlFor={`${id}-which`}>
              {by === 'lesson' ? 'Which lesson' : by === 'domain' ? 'Which domain' : 'Which task statement'}
            </label>
            <select
              id={`${id}-which`}
              value={choice[by]}
              onChange={(e) => setChoice({ ...choice, [by]: e.target.value })}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} ({o.count})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="quiz-field quiz-field-size">
          <label htmlFor={`${id}-size`}>Questions</label>
          <select id={`${id}-size`} value={size} onChange={(e) => setSize(Number(e.target.value))}>
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? 'All' : `Up to ${n}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="quiz-hint" aria-live="polite">
        {available === 0
          ? by === 'missed'
            ? 'No missed questions yet: questions you get wrong gather here.'
            : by === 'due'
              ? 'Nothing is due for review right now.'
              : 'No questions here yet.'
          : `${size ? Math.min(size, available) : available} of ${available} question${available === 1 ? '' : 's'}, with instant feedback.`}
      </p>
      <button type="submit" className="button button-primary" disabled={available === 0}>
        Start practice
      </button>
    </form>
  );
}
