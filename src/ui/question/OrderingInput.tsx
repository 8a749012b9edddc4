import { useEffect, useRef, useState } from 'react';
import { questionHtml } from '../../course/questions';
import type { AttemptQuestion } from '../../quiz/attempt';
import type { Question } from '../../schema/questionTypes';
import { Html } from './Html';
import { plainText } from './labels';

interface Props {
  question: Question;
  item: AttemptQuestion;
  answer: readonly string[];
  onAnswer: (answer: string[]) => void;
}

/** The learner's order: their answer once they moved a step, else the (never solved) display order. */
export function currentOrder(item: AttemptQuestion, answer: readonly string[]): string[] {
  return answer.length === item.options.length ? [...answer] : [...item.options];
}

/**
 * Steps moved with "up" and "down" buttons: keyboard-operable without drag and drop. Focus follows
 * the moved step, and a polite live region says where it went.
 */
export function OrderingInput({ question, item, answer, onAnswer }: Props) {
  const order = currentOrder(item, answer);
  const html = questionHtml(question.id);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // A fresh object per move, so moving the same step twice still refocuses.
  const [focusKey, setFocusKey] = useState<{ key: string }>();
  const [said, setSaid] = useState('');

  useEffect(() => {
    if (focusKey) buttons.current.get(focusKey.key)?.focus();
  }, [focusKey]);

  const textOf = (id: string) => plainText(question.options.find((o) => o.id === id)?.text ?? id);

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const id = order[index];
    if (id === undefined || target < 0 || target >= order.length) return;
    const next = order.slice();
    next[index] = next[target] as string;
    next[target] = id;
    onAnswer(next);
    // Keep focus on the same button unless the step reached an end, where that button is disabled.
    const atEnd = target === 0 || target === order.length - 1;
    setFocusKey({ key: `${id}:${atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}` });
    setSaid(`“${textOf(id)}” moved to position ${target + 1} of ${order.length}.`);
  };

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <div className="quiz-ordering">
      <p className="quiz-legend" id={`legend-${item.id}`}>
        Put the steps in order, first at the top. Move a step with its up and down buttons.
      </p>
      <ol className="quiz-order" aria-labelledby={`legend-${item.id}`}>
        {order.map((id, i) => (
          <li key={id} className="quiz-order-item">
            <span className="quiz-order-pos" aria-hidden="true">
              {i + 1}
            </span>
            <Html
              className="quiz-option-text"
              html={html?.options[id]?.text}
              text={question.options.find((o) => o.id === id)?.text ?? id}
            />
            <span className="quiz-order-moves">
              <button
                type="button"
                className="quiz-icon-button"
                ref={ref(`${id}:up`)}
                aria-label={`Move “${textOf(id)}” up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="quiz-icon-button"
                ref={ref(`${id}:down`)}
                aria-label={`Move “${textOf(id)}” down`}
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
