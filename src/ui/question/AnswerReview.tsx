import { questionHtml } from '../../course/questions';
import type { AttemptQuestion } from '../../quiz/attempt';
import type { Question } from '../../schema/questionTypes';
import { Html } from './Html';
import { optionLetter } from './labels';
import { currentOrder } from './OrderingInput';

interface Props {
  question: Question;
  item: AttemptQuestion;
  answer: readonly string[];
}

/** Every option with its explanation, the learner's answer marked beside the key. */
export function AnswerReview({ question, item, answer }: Props) {
  const html = questionHtml(question.id);
  if (question.type === 'ordering') {
    const given = answer.length ? currentOrder(item, answer) : [];
    return (
      <ol className="quiz-review">
        {question.options.map((option, i) => {
          const placed = given.indexOf(option.id);
          const right = placed === i;
          return (
            <li key={option.id} className={right ? 'quiz-review-option is-key' : 'quiz-review-option is-wrong'}>
              <div className="quiz-review-head">
                <span className="quiz-letter" aria-hidden="true">
                  {i + 1}
                </span>
                <Html className="quiz-option-text" html={html?.options[option.id]?.text} text={option.text} />
                <span className="quiz-tag">
                  {placed < 0 ? 'Not placed' : right ? '✓ In place' : `You placed it ${placed + 1}`}
                </span>
              </div>
              <Html
                as="div"
                className="quiz-explanation"
                html={html?.options[option.id]?.explanation}
                text={option.explanation}
              />
            </li>
          );
        })}
      </ol>
    );
  }
  return (
    <ul className="quiz-review">
      {item.options.map((id, i) => {
        const option = question.options.find((o) => o.id === id);
        if (!option) return null;
        const chosen = answer.includes(id);
        // Multiple response: a right option left unchosen is what the answer missed.
        const missed = question.type === 'multiple' && answer.length > 0 && option.correct && !chosen;
        const state = option.correct ? (missed ? 'is-key is-missed' : 'is-key') : chosen ? 'is-wrong' : '';
        return (
          <li key={id} className={`quiz-review-option ${state}`}>
            <div className="quiz-review-head">
              <span className="quiz-letter" aria-hidden="true">
                {optionLetter(i)}
              </span>
              <Html className="quiz-option-text" html={html?.options[id]?.text} text={option.text} />
              <span className="quiz-tags">
                {chosen && <span className="quiz-tag quiz-tag-chosen">Your answer</span>}
                {option.correct && <span className="quiz-tag quiz-tag-key">✓ Correct answer</span>}
                {chosen && !option.correct && <span className="quiz-tag quiz-tag-wrong">✗ Wrong</span>}
                {missed && <span className="quiz-tag quiz-tag-missed">Missed</span>}
              </span>
            </div>
            <Html
              as="div"
              className="quiz-explanation"
              html={html?.options[id]?.explanation}
              text={option.explanation}
            />
          </li>
        );
      })}
    </ul>
  );
}
