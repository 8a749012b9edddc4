import { indexQuestions } from '../../src/quiz/scoreAttempt';
import type { Question } from '../../src/schema/questionTypes';

/** A small, fixed bank for the component tests: one of each type, and a question in every domain. */
export const questions: Question[] = [
  {
    id: 'pick-service',
    type: 'single',
    stem: 'A developer needs automatic rotation for a database password. Which service fits?',
    options: [
      { id: 'sm', text: 'Secrets Manager', correct: true, explanation: 'Rotation is built in.' },
      { id: 'ps', text: 'Parameter Store', correct: false, explanation: 'No built-in rotation.' },
      { id: 'env', text: 'Lambda environment variables', correct: false, explanation: 'Visible in the console.' },
      { id: 's3', text: 'An S3 object', correct: false, explanation: 'Not a secrets store.' },
    ],
    domain: 2,
    task: '2.3',
    difficulty: 1,
    lesson: 'rotation#the-four-steps',
  },
  {
    id: 'two-facts',
    type: 'multiple',
    stem: 'Which statements about SecureString parameters are true? (Choose TWO.)',
    options: [
      { id: 'kms', text: 'They are encrypted with KMS', correct: true, explanation: 'KMS encrypts them.' },
      { id: 'flag', text: 'Reading plaintext needs WithDecryption', correct: true, explanation: 'Else ciphertext.' },
      { id: 'free', text: 'They cost 5 cents each', correct: false, explanation: 'Standard ones are free.' },
      { id: 'rot', text: 'They rotate by themselves', correct: false, explanation: 'No rotation.' },
      { id: 'big', text: 'They hold 1 MB', correct: false, explanation: '4 KB standard, 8 KB advanced.' },
    ],
    domain: 1,
    task: '1.1',
    difficulty: 2,
    lesson: 'parameter-store',
  },
  {
    id: 'four-steps',
    type: 'ordering',
    stem: 'Put the rotation steps in the order Secrets Manager calls them.',
    options: [
      { id: 'create', text: 'createSecret', explanation: 'First.' },
      { id: 'set', text: 'setSecret', explanation: 'Second.' },
      { id: 'test', text: 'testSecret', explanation: 'Third.' },
      { id: 'finish', text: 'finishSecret', explanation: 'Last.' },
    ],
    domain: 2,
    task: '2.3',
    difficulty: 2,
    lesson: 'rotation#the-four-steps',
  },
  ...([3, 4] as const).map(
    (domain): Question => ({
      id: `domain-${domain}`,
      type: 'single',
      stem: `A scenario about domain ${domain}: which option is the right one here?`,
      options: ['right', 'wrong-1', 'wrong-2', 'wrong-3'].map((id) => ({
        id,
        text: `Option ${id}`,
        correct: id === 'right',
        explanation: `Why ${id}`,
      })),
      domain,
      task: `${domain}.1`,
      difficulty: 2,
      lesson: 'exam-review',
    }),
  ),
];

export function bankModule() {
  return { bank: questions, bankIndex: indexQuestions(questions), questionHtml: () => undefined };
}
