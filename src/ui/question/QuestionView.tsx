import type { ReactNode, Ref } from 'react';
import { bankIndex, questionHtml } from '../../course/questions';
import type { AttemptEntry, AttemptQuestion } from '../../quiz/attempt';
import { domainLabel } from '../labels';
import { AnswerReview } from './AnswerReview';
import { ChoiceInput } from './ChoiceInput';
import { Html } from './Html';
import { DIFFICULTY } from './labels';
import { OrderingInput } from './OrderingInput';

interface Props {
  item: AttemptQuestion;
  entry: AttemptEntry | undefined;
  index: number;
  total: number;
  onAnswer?: (answer: string[]) => void;
  /** Show the answer, the key and every explanation instead of the inputs. */
  reviewing?: boolean;
  /** Domain, task and difficulty: shown in practice; the exam, like the real one, does not say. */
  showMeta?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The heading level of "Question n" (3 inside a results list). */
  level?: 2 | 3;
  /** Shown between the scenario and the options (practice's verdict). */
  children?: ReactNode;
}

/** One question: its number, the scenario, and either the answer inputs or the reviewed answer. */
export function QuestionView(props: Props) {
  const { item, entry, index, total, onAnswer, reviewing, showMeta, headingRef, level = 2, children } = props;
  const H = level === 3 ? 'h3' : 'h2';
  const question = bankIndex.get(item.id);
  const titleId = `question-title-${item.id}`;
  if (!question)
    return (
      <section className="quiz-question" aria-labelledby={titleId}>
        <H id={titleId} ref={headingRef} tabIndex={-1}>
          Question {index + 1}
        </H>
        <p>This question is no longer in the question bank.</p>
      </section>
    );
  const answer = entry?.answer ?? [];
  return (
    <section className="quiz-question" aria-labelledby={titleId}>
      <header className="quiz-question-head">
        <H id={titleId} ref={headingRef} tabIndex={-1}>
          Question {index + 1} <span className="quiz-of">of {total}</span>
        </H>
        {showMeta && (
          <p className="quiz-meta">
            {domainLabel(question.domain, question.task)} · {DIFFICULTY[question.difficulty]}
          </p>
        )}
      </header>
      <Html as="div" className="prose quiz-stem" html={questionHtml(question.id)?.stem} text={question.stem} />
      {children}
      {reviewing || !onAnswer ? (
        <AnswerReview question={question} item={item} answer={answer} />
      ) : question.type === 'ordering' ? (
        <OrderingInput question={question} item={item} answer={answer} onAnswer={onAnswer} />
      ) : (
        <ChoiceInput question={question} item={item} answer={answer} onAnswer={onAnswer} />
      )}
    </section>
  );
}
