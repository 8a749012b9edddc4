import type { DomainId } from '../schema/dva-c02';
import type { Question, QuestionType } from '../schema/questionTypes';

/** Builds valid questions for the engine's tests and the bench (not used by the app). */
export function makeQuestion(
  id: string,
  type: QuestionType = 'single',
  domain: DomainId = 1,
  task = `${domain}.1`,
): Question {
  const count = type === 'single' ? 4 : type === 'multiple' ? 5 : 4;
  const keys = type === 'single' ? [0] : type === 'multiple' ? [1, 3] : [];
  return {
    id,
    type,
    stem:
      type === 'multiple'
        ? `A developer needs two things. Which steps? (Choose TWO.)`
        : 'A developer needs one thing. What should they do?',
    options: Array.from({ length: count }, (_, i) => ({
      id: String.fromCharCode(97 + i),
      text: `Option ${i}`,
      ...(type === 'ordering' ? {} : { correct: keys.includes(i) }),
      explanation: `Why option ${i}`,
    })),
    domain,
    task,
    difficulty: 2,
    lesson: 'secrets-manager',
  };
}

/** `n` single questions spread over the four domains as evenly as possible. */
export function makeBank(perDomain: Readonly<Record<DomainId, number>>): Question[] {
  return ([1, 2, 3, 4] as const).flatMap((d) =>
    Array.from({ length: perDomain[d] }, (_, i) =>
      makeQuestion(`d${d}-q${i}`, i % 3 === 2 ? 'multiple' : 'single', d, `${d}.${(i % 3) + 1}`),
    ),
  );
}
