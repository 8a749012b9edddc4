import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { course } from '../course/lessons';
import { own } from '../store/dict';
import { useAppStore } from '../store/store';

/**
 * The sidebar's "Your progress": the whole path, lessons read (scrolled through, checked or marked)
 * and exercises passed, as one bar, with the parts named. (`data-learner`: the learner's own, left
 * out of a prerendered page: src/lesson/build/prerenderPlugin.ts.)
 */
export function PathProgress() {
  const read = useAppStore((s) => s.lessonsRead);
  const progress = useAppStore((s) => s.exerciseProgress);
  const lessons = course.filter((l) => own(read, l.slug) !== undefined).length;
  const exercises = exerciseList.filter((e) => own(progress, e.slug)?.passed === true).length;
  const done = lessons + exercises;
  const total = course.length + exerciseList.length;
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress-text">
        <Link href="/readiness" className="progress-link">
          Your progress
        </Link>
        <span data-learner>
          {done}/{total}
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Lessons read and exercises passed"
        data-learner
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-parts" data-learner>
        {lessons} of {course.length} lessons read · {exercises} of {exerciseList.length} exercises passed
      </p>
    </div>
  );
}
