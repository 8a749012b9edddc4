import { useState } from 'react';
import { questionHtml } from '../../course/questions';
import type { AttemptQuestion } from '../../quiz/attempt';
import type { Question } from '../../schema/questionTypes';
import { Html } from './Html';
import { countWord, optionLetter } from './labels';

interface Props {
  question: Question;
  item: AttemptQuestion;
  answer: readonly string[];
  onAnswer: (answer: string[]) => void;
}

/**
 * Radio buttons (one right of four) or checkboxes (multiple response). A multiple-response question
 * takes exactly as many choices as its stem asks for: once they are chosen, another box refuses
 * until one is cleared (it stays focusable, and says why).
 */
export function ChoiceInput({ question, item, answer, onAnswer }: Props) {
  const [refused, setRefused] = useState(false);
  const multiple = item.type === 'multiple';
  const full = multiple && answer.length >= item.pick;
  const html = questionHtml(question.id);
  const legendId = `legend-${item.id}`;

  const toggle = (id: string) => {
    if (!multiple) return onAnswer([id]);
    if (answer.includes(id)) {
      setRefused(false);
      return onAnswer(answer.filter((x) => x !== id));
    }
    if (full) return setRefused(true);
    setRefused(false);
    onAnswer([...answer, id]);
  };

  return (
    <fieldset className="quiz-options" aria-describedby={multiple ? `count-${item.id}` : undefined}>
      <legend id={legendId} className="quiz-legend">
        {multiple ? `Choose ${countWord(item.pick)}.` : 'Choose one answer.'}
      </legend>
      {item.options.map((id, i) => {
        const option = question.options.find((o) => o.id === id);
        if (!option) return null;
        const checked = answer.includes(id);
        return (
          <label key={id} className={checked ? 'quiz-option is-selected' : 'quiz-option'}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`answer-${item.id}`}
              value={id}
              checked={checked}
              aria-disabled={full && !checked ? true : undefined}
              onChange={() => toggle(id)}
            />
            <span className="quiz-letter" aria-hidden="true">
              {optionLetter(i)}
            </span>
            <Html className="quiz-option-text" html={html?.options[id]?.text} text={option.text} />
          </label>
        );
      })}
      {multiple && (
        <p id={`count-${item.id}`} className="quiz-count" aria-live="polite">
          {refused
            ? `You have chosen ${countWord(item.pick).toLowerCase()} already. Clear one to choose another.`
            : `${answer.length} of ${item.pick} chosen.`}
        </p>
      )}
    </fieldset>
  );
}
