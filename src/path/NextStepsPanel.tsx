import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { course } from '../course/lessons';
import { taskOf } from '../schema/dva-c02';
import { own } from '../store/dict';
import { useAppStore } from '../store/store';
import { nextSteps } from './nextSteps';
import './path.css';

/**
 * Shown by the lab page once an exercise passes: the way on. The questions that drill the same
 * task statement, the next exercise, the next lesson.
 */
export function NextStepsPanel({ exercise }: { exercise: string }) {
  const progress = useAppStore((s) => s.exerciseProgress);
  const read = useAppStore((s) => s.lessonsRead);
  const steps = nextSteps(
    exercise,
    exerciseList,
    course,
    (slug) => own(progress, slug)?.passed === true,
    (slug) => own(read, slug) !== undefined,
  );
  const task = steps.task ? taskOf(steps.task) : undefined;
  return (
    <section className="next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Passed. What next?</h2>
      <ul className="next-steps-list">
        {steps.task && (
          <li>
            <Link href={`/quiz/drill/${steps.task}`} className="next-step">
              <span className="next-step-kind">Practise the questions</span>
              <span className="next-step-title">
                Task {steps.task}
                {task ? `: ${task.title}` : ''}
              </span>
            </Link>
          </li>
        )}
        {steps.exercise && (
          <li>
            <Link href={`/lab/${steps.exercise.slug}`} className="next-step">
              <span className="next-step-kind">Next exercise</span>
              <span className="next-step-title">{steps.exercise.title}</span>
            </Link>
          </li>
        )}
        {steps.lesson && (
          <li>
            <Link href={`/lessons/${steps.lesson.slug}`} className="next-step">
              <span className="next-step-kind">Next lesson</span>
              <span className="next-step-title">{steps.lesson.title}</span>
            </Link>
          </li>
        )}
        <li>
          <Link href="/readiness" className="next-step">
            <span className="next-step-kind">Where you stand</span>
            <span className="next-step-title">Your readiness for the exam</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
