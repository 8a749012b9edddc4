import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { bank } from '../../course/questions';
import { taskOf } from '../../schema/dva-c02';
import { useAppStore } from '../../store/store';
import { selectQuestions, weakestFirst } from '../selectQuestions';
import { startPractice } from './session';
import { usePage } from './useNow';

/** A drill holds at most this many questions. */
export const DRILL_SIZE = 10;

/**
 * `/quiz/drill/<task>`: one click from the readiness page or a passed exercise to practising a task
 * statement: its questions not yet answered first, then the ones last answered wrong.
 */
export function DrillStart({ task }: { task: string }) {
  usePage(`Practise task ${task}`);
  const [, navigate] = useLocation();
  const [empty, setEmpty] = useState(false);
  useEffect(() => {
    const results = useAppStore.getState().questionResults;
    const questions = weakestFirst(selectQuestions(bank, { by: 'task', task }), results).slice(0, DRILL_SIZE);
    const title = taskOf(task)?.title;
    if (startPractice(`Task ${task}${title ? `: ${title}` : ''}`, questions, true))
      navigate('/quiz/practice', { replace: true });
    else setEmpty(true);
  }, [task, navigate]);
  if (!empty) return <p className="page loading">Choosing questions…</p>;
  return (
    <div className="page quiz-page">
      <h1>No questions for task {task}</h1>
      <p>
        The question bank has nothing filed under this task statement yet. <Link href="/quiz">Back to the quiz</Link>
      </p>
    </div>
  );
}
