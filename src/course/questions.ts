import { html, questions } from 'virtual:quiz';
import { indexQuestions, type QuestionBank } from '../quiz/scoreAttempt';
import type { Question, QuestionHtml } from '../schema/questionTypes';

/** The question bank, validated and rendered at build time (content/quiz/*.yaml). */
export const bank: readonly Question[] = questions;

export const bankIndex: QuestionBank = indexQuestions(questions);

/** A question's rendered markdown, or undefined (then views show the plain text). */
export function questionHtml(id: string): QuestionHtml | undefined {
  return html[id];
}
