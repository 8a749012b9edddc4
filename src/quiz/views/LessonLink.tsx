import { Link } from 'wouter';
import { findExercise } from '../../course/exercises';
import { findLesson } from '../../course/lessons';
import { questionHtml } from '../../course/questions';
import { lessonLink, type Question } from '../../schema/questionTypes';
import { Html } from '../../ui/question/Html';

/** The question's note (where AWS documentation differs from the seed), its lesson section and lab exercise. */
export function QuestionSources({ question }: { question: Question }) {
  const { slug, anchor } = lessonLink(question);
  const lesson = findLesson(slug);
  const href = `/lessons/${slug}${anchor ? `#${anchor}` : ''}`;
  const note = questionHtml(question.id)?.note;
  // Only link an exercise that exists in this build (a question may name one still being written).
  const exercise = question.exercise ? findExercise(question.exercise) : undefined;
  return (
    <div className="quiz-sources">
      {question.note && (
        <div className="callout callout-current quiz-note">
          <p className="callout-title">Note</p>
          <Html as="p" html={note} text={question.note} />
        </div>
      )}
      <p className="quiz-source-links">
        <Link href={href} className="quiz-lesson-link">
          Review the lesson: {lesson?.title ?? slug}
          {anchor && lesson ? ` › ${lesson.headings.find((h) => h.id === anchor)?.text ?? anchor}` : ''}
        </Link>
        {exercise && (
          <Link href={`/lab/${exercise.slug}`} className="quiz-exercise">
            Prove it in the lab: {exercise.title}
          </Link>
        )}
      </p>
    </div>
  );
}
