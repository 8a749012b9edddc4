import { Link } from 'wouter';
import type { TaskReadiness } from '../quiz/readiness';
import { Meter } from './Meter';

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** One task statement: its chance as a bar against the 72% line, and what was done for it. */
export function TaskRow({ task }: { task: TaskReadiness }) {
  const facts = [
    task.accuracy === null ? undefined : `${pct(task.accuracy)} right`,
    task.recall === null ? undefined : `${pct(task.recall)} of those still remembered`,
  ].filter(Boolean);
  return (
    <li className="task-row">
      <div className="task-head">
        <span className="task-name">
          <span className="task-id">{task.task}</span> {task.title}
        </span>
        <span className="task-chance">{task.examQuestions ? pct(task.chance) : '—'}</span>
      </div>
      {task.examQuestions > 0 && (
        <div
          className="task-bar"
          role="img"
          aria-label={`Task ${task.task}: an estimated ${pct(task.chance)} chance of a right answer; 72% is the pass line.`}
        >
          <span
            className={task.chance >= 0.72 ? 'task-fill is-pass' : 'task-fill'}
            style={{ width: pct(task.chance) }}
          />
          <span className="task-mark" />
        </div>
      )}
      <div className="task-meters">
        <Meter label="Lessons read" value={task.lessons} />
        <Meter label="Exercises passed" value={task.exercises} />
        <Meter label="Questions answered" value={task.questions} />
        {facts.length > 0 && <span className="task-facts">{facts.join(' · ')}</span>}
        {task.examQuestions > 0 && (
          <Link href={`/quiz/drill/${task.task}`} className="task-practise">
            Practise {task.task} <span aria-hidden="true">→</span>
          </Link>
        )}
      </div>
    </li>
  );
}
